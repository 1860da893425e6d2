import { describe, expect, it } from 'vitest';
import { deadlineOutOfPlan, planPeriod } from '../../src/lint/rules/deadlineOutOfPlan.js';
import { result, run, task } from './helpers.js';

const doc = (title: string | null) => ({ title, docNumber: null, issuer: null, issuedDate: null, recipients: [], year: 2022 });
const due = (raw: string, d: string) => ({ raw, due: d, ongoing: false, precision: 'month' as const });

describe('deadline-out-of-plan', () => {
  it('reads the plan period from the title', () => {
    expect(planPeriod('奉节县人民政府办公室关于印发奉节县打造营商环境最优县三年行动方案（2022-2024年）的通知')).toMatchObject({ start: 2022, end: 2024 });
    expect(planPeriod('XX市数字经济发展行动计划（2022—2024年）')).toMatchObject({ start: 2022, end: 2024 });
    expect(planPeriod('XX省2021年至2025年营商环境提升规划')).toMatchObject({ start: 2021, end: 2025 });
    expect(planPeriod('XX市“十四五”营商环境规划')).toMatchObject({ start: 2021, end: 2025 });
    expect(planPeriod('石柱县2025年优化营商环境专项行动工作方案')).toBeNull();
    expect(planPeriod(null)).toBeNull();
  });

  it('reports a 2026 task in a 2022-2024 plan', () => {
    const inside = task({ deadline: due('2024年12月', '2024-12-31') });
    const after = task({ number: '77', deadline: due('2026年6月', '2026-06-30'), line: 646 });
    const r = result({ document: doc('XX县三年行动方案（2022-2024年）'), tasks: [inside, after, task({ deadline: null })] });
    const findings = run(deadlineOutOfPlan, r);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'deadline-out-of-plan', severity: 'error', line: 646, taskId: after.id });
    expect(findings[0].message).toMatch(/2026-06-30.*2022–2024/);
  });

  it('says nothing when the title states no period', () => {
    expect(run(deadlineOutOfPlan, result({ document: doc('关于印发工作要点的通知'), tasks: [task({ deadline: due('2030年', '2030-12-31') })] }))).toEqual([]);
  });
});
