import { describe, expect, it } from 'vitest';
import { numberingGap } from '../../src/lint/rules/numberingGap.js';
import { result, run, SourceText, task } from './helpers.js';

const numbered = (numbers: (string | [string, string])[]) =>
  numbers.map((n, i) => (Array.isArray(n) ? task({ number: n[0], sectionId: n[1], line: 10 + i }) : task({ number: n, line: 10 + i })));

describe('numbering-gap', () => {
  it('reports 1, 2, 4 at the task after the gap', () => {
    const tasks = numbered(['1', '2', '4']);
    const findings = run(numberingGap, result({ tasks }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'numbering-gap', severity: 'error', line: 12, taskId: tasks[2].id });
    expect(findings[0].message).toBe('numbering jumps from 2 to 4: 3 is missing');
  });

  it('names ranges of missing numbers in the style printed', () => {
    const findings = run(numberingGap, result({ tasks: numbered(['（一）', '(二)', '（六）']) }));
    expect(findings.map((f) => f.message)).toEqual(['numbering jumps from （二） to （六）: （三）–（五） are missing']);
  });

  it('reports a list that does not start at 1', () => {
    const findings = run(numberingGap, result({ tasks: numbered(['第三条', '第四条']) }));
    expect(findings.map((f) => f.message)).toEqual(['numbering starts at 第三条: 第一条–第二条 are missing']);
  });

  it('accepts lists restarting at 1, numbering continued across sections, and separate styles', () => {
    const tasks = numbered([['1', 's1'], ['2', 's1'], ['3', 's2'], ['4', 's2'], ['（一）', 's3'], ['（二）', 's3'], ['一是', 's4'], ['二是', 's4'], ['一是', 's5'], ['1', 's6'], ['2', 's6']]);
    expect(run(numberingGap, result({ tasks }))).toEqual([]);
  });

  it('repeated numbers (sub-rows) are not gaps', () => {
    expect(run(numberingGap, result({ tasks: numbered(['1', '1', '2', '2', '2', '3']) }))).toEqual([]);
  });

  it('a missing number printed as a heading that holds other tasks is not a gap', () => {
    // （一） holds 一是/二是 enumerations (the tasks); （二） is a task itself.
    const source = SourceText.fromPlainText([
      '（一）高效闭环，全面推进一件事一次办。一是召开专题会议。二是确定牵头部门。',
      '（二）有诉即接，扎实推进“有诉即办”。',
    ].join('\n'));
    const tasks = [
      task({ number: '一是', origin: { kind: 'enumeration', line: 1 } }),
      task({ number: '二是', origin: { kind: 'enumeration', line: 1 } }),
      task({ number: '（二）', origin: { kind: 'measure', line: 2 } }),
    ];
    expect(run(numberingGap, result({ tasks }), source)).toEqual([]);
    // Without the source text the gap is reported.
    expect(run(numberingGap, result({ tasks }))).toHaveLength(1);
  });
});
