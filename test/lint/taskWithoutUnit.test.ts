import { describe, expect, it } from 'vitest';
import { taskWithoutUnit } from '../../src/lint/rules/taskWithoutUnit.js';
import { result, run, task } from './helpers.js';

describe('task-without-unit', () => {
  it('has an id, a default severity and a description', () => {
    expect(taskWithoutUnit.id).toBe('task-without-unit');
    expect(taskWithoutUnit.severity).toBe('warning');
    expect(taskWithoutUnit.description).toMatch(/unit/);
  });

  it('reports tasks with no units, at their origin line', () => {
    const a = task({ number: '1', title: '加强干部思想教育', line: 31 });
    const b = task({ number: '2', title: '开展反面典型归集通报', units: [], line: 33 });
    const findings = run(taskWithoutUnit, result({ tasks: [a, b] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'task-without-unit', severity: 'warning', line: 33, taskId: b.id });
    expect(findings[0].message).toContain('task 2');
    expect(findings[0].message).toContain('开展反面典型归集通报');
  });

  it('reports nothing when every task has a unit', () => {
    expect(run(taskWithoutUnit, result({ tasks: [task(), task()] }))).toEqual([]);
  });
});
