import { describe, expect, it } from 'vitest';
import { bodyTableMismatch, responsibilityOf, titleSimilarity, unmatchedTargets } from '../../src/lint/rules/bodyTableMismatch.js';
import type { Section, Target, Task } from '../../src/result/schema.js';
import { result, run, SourceText, task } from './helpers.js';

const target = (raw: string, value: number, unit: string | null): Target => ({ raw, metric: null, comparator: '>=', value, valueMax: null, unit });
const section = (id: string, marker: string, heading: string, line: number): Section => ({ id, level: 3, marker, heading, line, parentId: null });
const row = (number: string, title: string, line: number, units: string[], targets: Target[] = []): Task =>
  task({ number, title, units: units.map((name) => ({ name, role: 'responsible' as const })), targets, origin: { kind: 'table', line } });

// A body with three numbered measures, then a decomposition table (rows from line 10).
const BODY = [
  '二、重点任务',
  '6. 提升公共资源交易监管能力。贯彻落实新修订的《重庆市招标投标条例》。（责任单位：县发展改革委、县公共资源交易中心、涉及招标投标政策有关单位）',
  '9. 打造亲清政商关系。开展服务日、谈心会等活动12场次以上。（责任单位：县委统战部、县工商联）',
  '11. 打造营商环境新样板。开展先进商会评选活动3次。（责任单位：县工商联）',
].join('\n');

const sections = [section('s1', '二、', '重点任务', 1), section('s2', '6.', '提升公共资源交易监管能力', 2), section('s3', '9.', '打造亲清政商关系', 3), section('s4', '11.', '打造营商环境新样板', 4)];

describe('body-table-mismatch', () => {
  it('needs the source text and both a body and a table', () => {
    expect(bodyTableMismatch.needsSource).toBe(true);
    const r = result({ sections, tasks: [row('6', '提升公共资源交易监管能力', 10, ['县发展改革委'])] });
    expect(run(bodyTableMismatch, r, null)).toEqual([]);
    const measuresOnly = result({ sections, tasks: [task({ number: '6', origin: { kind: 'measure', line: 2 } })] });
    expect(run(bodyTableMismatch, measuresOnly, SourceText.fromPlainText(BODY))).toEqual([]);
  });

  it('compares units, targets and titles by number', () => {
    const tasks = [
      row('6', '提升公共资源交易监管能力', 10, ['县发展改革委', '县公共资源交易监督事务中心']),
      row('6', '提升公共资源交易监管能力', 16, ['县发展改革委', '公共资源交易监督事务中心', '发布招标投标政策措施单位']),
      row('9', '打造亲清政商关系', 22, ['县工商联', '县委统战部'], [target('12次以上', 12, '次')]),
      row('11', '打造营商环境样板', 28, ['县工商联'], [target('5次', 5, '次')]),
    ];
    const findings = run(bodyTableMismatch, result({ sections, tasks }), SourceText.fromPlainText(BODY));
    const messages = findings.map((f) => `${f.line} ${f.message}`);
    expect(messages).toEqual([
      '10 task 6: responsible units differ — only in the body (body line 2): 县公共资源交易中心、涉及招标投标政策有关单位; only in the table: 县公共资源交易监督事务中心、发布招标投标政策措施单位',
      '28 task 11: targets differ — the body (body line 4) says “3次”; the table says “5次”',
      '28 task 11: titles differ — the body (body line 4) says “打造营商环境新样板”, the table says “打造营商环境样板”',
    ]);
    expect(findings.every((f) => f.rule === 'body-table-mismatch' && f.severity === 'warning')).toBe(true);
    expect(findings[0].taskId).toBe(tasks[0].id);
  });

  it('reports numbers found on one side only', () => {
    const tasks = [
      row('6', '提升公共资源交易监管能力', 10, ['县发展改革委', '县公共资源交易中心', '涉及招标投标政策有关单位']),
      row('9', '打造亲清政商关系', 22, ['县委统战部', '县工商联'], [target('12次以上', 12, '次')]),
      row('12', '常态化联系服务企业', 34, ['县政府办公室']),
    ];
    const messages = run(bodyTableMismatch, result({ sections, tasks }), SourceText.fromPlainText(BODY)).map((f) => f.message);
    expect(messages).toContain('measure 11 “打造营商环境新样板” (body line 4) has no row in the table');
    expect(messages).toContain('task 12 “常态化联系服务企业” has no numbered measure 12 in the body');
    expect(messages).toHaveLength(2);
  });

  it('does not compare a body whose numbers count something else than the table rows', () => {
    // The body's measures 1–3 group the table's categories; table rows 1–3 are other tasks.
    const body = ['1. 彻底破除区域分割和地方保护等不合理限制。（县发展改革委牵头）', '2. 规范健全透明高效的市场主体准入和退出机制。', '3. 及时落实精准有效的各类要素保障。'].join('\n');
    const secs = [section('a', '1.', '彻底破除区域分割和地方保护等不合理限制', 1), section('b', '2.', '规范健全透明高效的市场主体准入和退出机制', 2), section('c', '3.', '及时落实精准有效的各类要素保障', 3)];
    const tasks = [row('1', '实施“一照多址”', 10, ['县市场监管局']), row('2', '持续深化“证照分离”改革', 11, ['县市场监管局']), row('3', '便利企业分支机构信息变更', 12, ['县市场监管局'])];
    expect(run(bodyTableMismatch, result({ sections: secs, tasks }), SourceText.fromPlainText(body))).toEqual([]);
  });

  it('finds the responsibility phrase, also when its closing bracket is missing', () => {
    expect(responsibilityOf('按照《条例》（2022年修订）执行。（责任单位：县发展改革委、县财政局）')?.inner).toBe('责任单位：县发展改革委、县财政局');
    expect(responsibilityOf('压实基层责任。（责任单位：县发展改革委、各乡镇（街道）')?.inner).toBe('责任单位：县发展改革委、各乡镇（街道）');
    expect(responsibilityOf('全面推进。[县行政审批局牵头，各镇按职责分工负责]')?.inner).toBe('县行政审批局牵头，各镇按职责分工负责');
    expect(responsibilityOf('没有责任单位的段落。')).toBeNull();
  });

  it('"12场次以上" and "12次以上" are the same target; "3次" and "5次" are not', () => {
    expect(unmatchedTargets([target('12场次以上', 12, '场次')], [target('12次以上', 12, '次')])).toEqual([]);
    expect(unmatchedTargets([target('3次', 3, '次')], [target('5次', 5, '次')])).toHaveLength(1);
    expect(unmatchedTargets([target('3人', 3, '人')], [target('3家', 3, '家')])).toHaveLength(1);
  });

  it('title similarity', () => {
    expect(titleSimilarity('打造政务服务新形象', '打造政务服务新形象。')).toBe(1);
    expect(titleSimilarity('彻底破除区域分割和地方保护等不合理限制', '实施“一照多址”')).toBeLessThan(0.5);
  });
});
