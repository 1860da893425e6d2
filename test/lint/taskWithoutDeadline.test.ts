import { describe, expect, it } from 'vitest';
import { taskWithoutDeadline } from '../../src/lint/rules/taskWithoutDeadline.js';
import { result, run, task } from './helpers.js';

describe('task-without-deadline', () => {
  it('is info by default', () => {
    expect(taskWithoutDeadline.severity).toBe('info');
    expect(taskWithoutDeadline.description).toMatch(/deadline/);
  });

  it('reports tasks whose deadline is null; 长期坚持 is a deadline', () => {
    const none = task({ number: '3', deadline: null, line: 12 });
    const ongoing = task({ number: '4', deadline: { raw: '长期坚持', due: null, ongoing: true, precision: null } });
    const findings = run(taskWithoutDeadline, result({ tasks: [none, ongoing] }));
    expect(findings).toEqual([expect.objectContaining({ rule: 'task-without-deadline', line: 12, taskId: none.id })]);
  });
});
