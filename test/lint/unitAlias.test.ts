import { describe, expect, it } from 'vitest';
import { unitAlias } from '../../src/lint/rules/unitAlias.js';
import { result, run, task } from './helpers.js';

const units = (...names: string[]) => names.map((name) => ({ name, role: 'responsible' as const }));

describe('unit-alias', () => {
  it('reports one body spelled two ways (县发改委 / 县发展改革委)', () => {
    const tasks = [
      task({ units: units('县发展改革委', '县财政局') }),
      task({ units: units('县发展改革委') }),
      task({ units: units('县发改委'), line: 50 }),
    ];
    const findings = run(unitAlias, result({ tasks }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'unit-alias', severity: 'warning', line: 50, taskId: tasks[2].id });
    expect(findings[0].message).toBe('“县发改委” (1 task) and “县发展改革委” (2 tasks) appear to name the same unit');
  });

  it('a name printed with and without its level prefix is one body', () => {
    const tasks = [task({ units: units('县公共资源交易监督事务中心') }), task({ units: units('公共资源交易监督事务中心') }), task({ units: units('公共资源交易监督事务中心') })];
    const findings = run(unitAlias, result({ tasks }));
    expect(findings.map((f) => f.message)).toEqual(['“县公共资源交易监督事务中心” (1 task) and “公共资源交易监督事务中心” (2 tasks) appear to name the same unit']);
  });

  it('different levels are different bodies', () => {
    const tasks = [task({ units: units('市财政局', '县财政局', '市市场监管局', '县市场监管局') })];
    expect(run(unitAlias, result({ tasks }))).toEqual([]);
  });
});
