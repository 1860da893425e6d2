import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveLevels } from '../src/lint/config.js';
import { validateFile, type FileReport } from '../src/lint/validateFile.js';
import type { Finding } from '../src/lint/types.js';

// The seeds through validate, with the default rule levels. Every finding asserted here was
// checked by reading the source file; the source lines are quoted next to the assertions and
// the tests read them too, so a reader can see what each finding rests on.

const SEEDS = 'fixtures/seeds';
const seed = (name: string) => `${SEEDS}/${name}`;
const lines = (name: string) => readFileSync(seed(name), 'utf8').split(/\r?\n/);

const reports = new Map<string, Promise<FileReport>>();
function validate(name: string): Promise<FileReport> {
  if (!reports.has(name)) reports.set(name, validateFile(seed(name), { levels: resolveLevels([]) }));
  return reports.get(name)!;
}
const of = (r: FileReport, rule: string): Finding[] => r.findings.filter((f) => f.rule === rule);

describe('seed 000 (石柱县 2025 专项行动: 24 body measures + a decomposition table)', () => {
  const F = '000_3c8f4dc52bde6ae2.txt';

  it('task 10 is printed again after a page break with the same title: one task, no numbering-duplicate', async () => {
    const src = lines(F);
    // Lines 292 and 304 both start a table row "10 / 打造政务服务新形象".
    expect(src[291].trim()).toBe('10');
    expect(src[292].trim()).toBe('打造政务服务新形象');
    expect(src[303].trim()).toBe('10');
    expect(src[304].trim()).toBe('打造政务服务新形象');
    const r = await validate(F);
    expect(of(r, 'numbering-duplicate')).toEqual([]);
    // Table numbers run 1–24 without a gap.
    expect(of(r, 'numbering-gap')).toEqual([]);
  });

  it("the body and the table disagree on task 6's units", async () => {
    const src = lines(F);
    // Body measure 6 (line 37) ends with its responsibility phrase.
    expect(src[36]).toMatch(/^6\. 提升公共资源交易监管能力。/);
    expect(src[36]).toContain('（责任单位：县发展改革委、县公共资源交易中心、涉及招标投标政策有关单位）');
    // The table's rows of task 6 (from line 182) name the 监督事务中心 and 发布招标投标政策措施单位.
    expect(src[181].trim()).toBe('6');
    expect(src[184].trim()).toBe('县发展改革委、县公共资源交易监督事务中心');
    expect(src[196].trim()).toBe('县发展改革委、公共资源交易监督事务中心、发布招标投标政策措施单位');
    const r = await validate(F);
    const six = of(r, 'body-table-mismatch').filter((f) => f.message.startsWith('task 6:'));
    expect(six).toHaveLength(1);
    expect(six[0]).toMatchObject({ severity: 'warning', line: 182 });
    expect(six[0].message).toContain('only in the body (body line 37): 县公共资源交易中心、涉及招标投标政策有关单位');
    expect(six[0].message).toMatch(/only in the table: (县)?公共资源交易监督事务中心、发布招标投标政策措施单位/);
  });

  it('the other unit disagreements between body and table: tasks 13 and 23', async () => {
    const src = lines(F);
    // 13: the body lists no 县级高频事项涉及单位; the table row at line 374 does (its units cell, line 377).
    expect(src[45]).toContain('（责任单位：县政府办公室、县级“一件事”责任单位及协办单位、县级政务服务单位、县级川渝通办涉及单位）');
    expect(src[376].trim()).toBe('县政府办公室，县级高频事项涉及单位');
    // 23: the body names 县市场监管局、县司法局; the table's first row of 23 names 县级各部门.
    expect(src[58]).toContain('（责任单位：县市场监管局、县司法局）');
    expect(src[593].trim()).toBe('县级各部门');
    const r = await validate(F);
    const units = of(r, 'body-table-mismatch').map((f) => f.message);
    expect(units).toContain('task 13: responsible units differ — only in the table: 县级高频事项涉及单位');
    expect(units).toContain('task 23: responsible units differ — only in the table: 县级各部门');
  });

  it('"12场次以上" (body 9) and "12次以上" (table row 9) are the same target: no mismatch for task 9', async () => {
    const src = lines(F);
    expect(src[40]).toContain('活动12场次以上');
    expect(src.slice(279, 285).join('\n')).toContain('12次以上');
    const r = await validate(F);
    expect(of(r, 'body-table-mismatch').filter((f) => f.message.startsWith('task 9:'))).toEqual([]);
    // No body measure differs from its table rows in targets or title.
    expect(of(r, 'body-table-mismatch').filter((f) => /targets differ|titles differ|has no/.test(f.message))).toEqual([]);
  });

  it('three tasks are due 2025-07-31, before the document was issued on 2025-08-15', async () => {
    const src = lines(F);
    expect(src[19].trim()).toBe('2025年8月15日'); // 成文日期
    // 完成时限 cells of the rows of tasks 4 (line 140), 12 (349) and 19 (512).
    expect(src[143].trim()).toBe('2025年7月31日前');
    expect(src[352].trim()).toBe('2025年7月31日前并长期坚持');
    expect(src[515].trim()).toBe('2025年7月31日前');
    const r = await validate(F);
    expect(of(r, 'deadline-before-issue').map((f) => [f.line, f.severity])).toEqual([[140, 'error'], [349, 'error'], [512, 'error']]);
    expect(r.counts.error).toBe(3);
  });

  it('公共资源交易监督事务中心 is also printed with its 县 prefix: unit-alias', async () => {
    const r = await validate(F);
    const alias = of(r, 'unit-alias').map((f) => f.message);
    expect(alias.some((m) => m.includes('县公共资源交易监督事务中心') && m.includes('“公共资源交易监督事务中心”'))).toBe(true);
  });

  it('no deadline-out-of-plan: the title names one year, not a period', async () => {
    expect(of(await validate(F), 'deadline-out-of-plan')).toEqual([]);
  });
});

describe('seed 001 (奉节县 三年行动方案 2022-2024, with a 100-task 任务清单)', () => {
  const F = '001_84376561f74c53d5.txt';

  it('every deadline lies inside the plan period: no deadline-out-of-plan', async () => {
    const src = lines(F);
    expect(src[17].trim()).toBe('（2022-2024年）');
    // The only later year in the text is a goal in the preamble (line 19), not a 完成时限.
    expect(src.map((l, i) => (/202[5-9]年/.test(l) ? i + 1 : null)).filter(Boolean)).toEqual([19]);
    expect(of(await validate(F), 'deadline-out-of-plan')).toEqual([]);
  });

  it("the body's 20 measures group the table's categories, so they are not compared with table rows 1–20", async () => {
    const src = lines(F);
    expect(src[25]).toMatch(/^1\. ?彻底破除区域分割和地方保护等不合理限制/);
    // Table row 1 (line 78) is 实施“一照多址”…, not the body's measure 1.
    expect(src[77].trim()).toBe('1');
    expect(src[78].trim()).toMatch(/^实施“一照多址”/);
    expect(of(await validate(F), 'body-table-mismatch')).toEqual([]);
  });

  it('tasks 1–100 are numbered without gaps or duplicates', async () => {
    const r = await validate(F);
    expect(of(r, 'numbering-gap')).toEqual([]);
    expect(of(r, 'numbering-duplicate')).toEqual([]);
  });

  it('人民银行奉节县支行 (line 227) and 人民银行奉节支行 (lines 198, 235) are one bank: unit-alias', async () => {
    const src = lines(F);
    expect(src[226].trim()).toBe('人民银行奉节县支行');
    expect(src[197]).toContain('人民银行奉节支行');
    const r = await validate(F);
    expect(of(r, 'unit-alias').some((f) => f.message.includes('人民银行奉节县支行') && f.message.includes('人民银行奉节支行'))).toBe(true);
    expect(r.counts.error).toBe(0);
  });
});

describe('seed 003 (XX市 实施意见: measures with 牵头单位/责任单位/完成时限 lines)', () => {
  const F = '003_d25d4ccf3a63151e.txt';

  it('measure 16 is printed once and split into three parts: no numbering-duplicate', async () => {
    const src = lines(F);
    expect(src.filter((l) => /^16[.．]/.test(l))).toEqual(['16.着力破解要素保障难题。 ']);
    expect(src[67]).toMatch(/^破解企业融资难融资贵问题/);
    const r = await validate(F);
    expect(of(r, 'numbering-duplicate')).toEqual([]);
    expect(of(r, 'numbering-gap')).toEqual([]);
  });

  it('the three 保障措施 have units but no 完成时限: task-without-deadline (info)', async () => {
    const src = lines(F);
    // (一) line 99, (二) line 102, (三) line 105: each followed by 牵头单位/责任单位 lines only.
    expect(src.slice(98, 107).filter((l) => /完成时限/.test(l))).toEqual([]);
    expect(src[98]).toMatch(/^\(一\)加强组织领导/);
    const r = await validate(F);
    expect(of(r, 'task-without-deadline').map((f) => [f.line, f.severity])).toEqual([[99, 'info'], [102, 'info'], [105, 'info']]);
    expect(of(r, 'task-without-unit')).toEqual([]);
  });
});

describe('seed 004 (汇编: 53 articles)', () => {
  const F = '004_9409596d0de7a529.txt';

  it('（一） holding 一是/二是 enumerations is not a numbering gap before （二）', async () => {
    const src = lines(F);
    expect(src[602]).toMatch(/^（一）高效闭环，全面推进一件事一次办。一是/);
    expect(src[603]).toMatch(/^（二）有诉即接/);
    const r = await validate(F);
    expect(of(r, 'numbering-gap')).toEqual([]);
  });
});
