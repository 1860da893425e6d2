import { describe, expect, it } from 'vitest';
import { numberingDuplicate } from '../../src/lint/rules/numberingDuplicate.js';
import type { Task } from '../../src/result/schema.js';
import { SourceText } from '../../src/lint/source.js';
import { result, run, task } from './helpers.js';

const row = (number: string, title: string | null, line: number): Task => task({ number, title, origin: { kind: 'table', line } });

describe('numbering-duplicate', () => {
  it('reports a number printed for two different titles', () => {
    const tasks = [row('9', '打造亲清政商关系', 10), row('10', '打造政务服务新形象', 20), row('10', '打造营商环境新样板', 30), row('11', '常态化联系服务企业', 40)];
    const findings = run(numberingDuplicate, result({ tasks }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'numbering-duplicate', severity: 'error', line: 30, taskId: tasks[2].id });
    expect(findings[0].message).toContain('number 10 is used twice');
    expect(findings[0].message).toContain('打造营商环境新样板');
  });

  it('a row repeated after a page break with the same title is one task', () => {
    const tasks = [row('10', '打造政务服务新形象', 292), row('10', '打造政务服务新形象', 298), row('10', '打造政务服务新形象', 304), row('11', '打造营商环境新样板', 322)];
    expect(run(numberingDuplicate, result({ tasks }))).toEqual([]);
  });

  it('table rows sharing a number and title, or continuing with an empty title, are sub-rows', () => {
    const tasks = [row('1', '加强干部思想教育', 1), row('1', '加强干部思想教育', 2), row('2', '整治', 3), row('2', null, 4)];
    expect(run(numberingDuplicate, result({ tasks }))).toEqual([]);
  });

  it('reports a number that comes back later in the list', () => {
    const tasks = [row('1', 'a', 1), row('2', 'b', 2), row('3', 'c', 3), row('2', 'b', 4)];
    const findings = run(numberingDuplicate, result({ tasks }));
    expect(findings.map((f) => [f.line, f.message])).toEqual([[4, 'number 2 is used twice: “b” (line 2) and “b” (line 4)']]);
  });

  it('un-numbered parts of a measure inherit its number', () => {
    // 16.着力破解要素保障难题。 followed by three parts, each a task numbered 16 with its own title.
    const source = SourceText.fromPlainText(['16.着力破解要素保障难题。', '破解企业融资难融资贵问题。…', '破解企业用地难用房难问题。…', '17.加快清理拖欠民营企业账款。'].join('\n'));
    const tasks = [
      task({ number: '16', title: '破解企业融资难融资贵问题', origin: { kind: 'block', line: 2 } }),
      task({ number: '16', title: '破解企业用地难用房难问题', origin: { kind: 'block', line: 3 } }),
      task({ number: '17', title: '加快清理拖欠民营企业账款', origin: { kind: 'block', line: 4 } }),
    ];
    expect(run(numberingDuplicate, result({ tasks }), source)).toEqual([]);
    expect(run(numberingDuplicate, result({ tasks }))).toEqual([]);
  });

  it('with the source text, a measure number printed twice is a duplicate', () => {
    const source = SourceText.fromPlainText(['9. 打造亲清政商关系。…', '10. 打造政务服务新形象。…', '10. 打造营商环境新样板。…'].join('\n'));
    const tasks = [
      task({ number: '9', title: '打造亲清政商关系', origin: { kind: 'measure', line: 1 } }),
      task({ number: '10', title: '打造政务服务新形象', origin: { kind: 'measure', line: 2 } }),
      task({ number: '10', title: '打造营商环境新样板', origin: { kind: 'measure', line: 3 } }),
    ];
    expect(run(numberingDuplicate, result({ tasks }), source)).toHaveLength(1);
  });

  it('with the source text, a table row whose 序号 cell is empty is not a printing', () => {
    const source = new SourceText([], [{
      line: 1,
      rows: [
        { line: 1, cells: [{ text: '10', line: 1 }, { text: '打造政务服务新形象', line: 2 }] },
        { line: 5, cells: [{ text: '', line: 5 }, { text: '完善窗口服务规范', line: 6 }] },
      ],
    }]);
    const tasks = [row('10', '打造政务服务新形象', 1), row('10', '完善窗口服务规范', 5)];
    expect(run(numberingDuplicate, result({ tasks }), source)).toEqual([]);
    // Without the source, two titles under one number in a table look like a duplicate.
    expect(run(numberingDuplicate, result({ tasks }))).toHaveLength(1);
  });
});
