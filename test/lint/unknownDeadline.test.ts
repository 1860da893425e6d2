import { describe, expect, it } from 'vitest';
import { unknownDeadline } from '../../src/lint/rules/unknownDeadline.js';
import { result, run, task } from './helpers.js';

describe('unknown-deadline', () => {
  it('reports a printed deadline with no due date that is not ongoing', () => {
    const vague = task({ number: '5', deadline: { raw: '适时推进', due: null, ongoing: false, precision: null }, line: 40 });
    const ongoing = task({ deadline: { raw: '长期坚持', due: null, ongoing: true, precision: null } });
    const dated = task();
    const none = task({ deadline: null });
    const findings = run(unknownDeadline, result({ tasks: [vague, ongoing, dated, none] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'unknown-deadline', severity: 'warning', line: 40, taskId: vague.id });
    expect(findings[0].message).toContain('适时推进');
  });

  it("reports the parser's unknown-deadline warnings once per task", () => {
    const t = task({ deadline: { raw: '下一阶段', due: null, ongoing: false, precision: null }, line: 9 });
    const r = result({
      tasks: [t],
      warnings: [
        { code: 'unknown-deadline', message: 'deadline “下一阶段” not understood', line: 9, taskId: t.id },
        { code: 'unknown-deadline', message: 'deadline “另行通知” not understood', line: 70, taskId: null },
        { code: 'unplaced-text', message: 'text not placed', line: 3, taskId: null },
      ],
    });
    const findings = run(unknownDeadline, r);
    expect(findings.map((f) => [f.line, f.taskId])).toEqual([[9, t.id], [70, null]]);
    expect(findings[1].path).toEqual(['warnings', 1]);
  });
});
