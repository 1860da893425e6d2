import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { scoreFile, summarize, type Expected, type FileScore } from '../../scripts/eval-lib.js';
import { fixture } from '../helpers.js';

// The parser against the hand-checked expected results (fixtures/expected), and
// facts a reader can check in each seed's source.

const expectedDir = fixture('expected');
const expectedFiles = readdirSync(expectedDir).filter((f) => f.endsWith('.json')).sort();
const load = (f: string) => JSON.parse(readFileSync(join(expectedDir, f), 'utf8')) as Expected;
const parseFixture = (p: string) => parse(fixture(p), { path: p });

describe('seeds against their expected results', () => {
  const scores: FileScore[] = [];
  for (const f of expectedFiles.filter((f) => load(f).fixture.startsWith('seeds/'))) {
    it(`${f}: tasks, units, deadlines and metadata match`, async () => {
      const expected = load(f);
      const score = scoreFile(expected, await parseFixture(expected.fixture));
      scores.push(score);
      const s = summarize([score]);
      expect(s.taskPrecision, score.mismatches.join('\n')).toBeGreaterThanOrEqual(0.95);
      expect(s.taskRecall, score.mismatches.join('\n')).toBeGreaterThanOrEqual(0.95);
      expect(s.unitF1).toBeGreaterThanOrEqual(0.85);
      expect(s.deadlineAccuracy).toBeGreaterThanOrEqual(0.95);
      expect(s.metadataAccuracy).toBeGreaterThanOrEqual(0.83);
    });
  }
  it('all seeds together reach the 0.95 goals for tasks, units, lead units, deadlines and metadata', () => {
    const s = summarize(scores);
    expect(s.taskPrecision).toBeGreaterThanOrEqual(0.95);
    expect(s.taskRecall).toBeGreaterThanOrEqual(0.95);
    expect(s.unitF1).toBeGreaterThanOrEqual(0.95);
    expect(s.leadAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(s.deadlineAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(s.metadataAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe('seed 000: task table behind a notice', () => {
  it('reads the notice head', async () => {
    const r = await parseFixture('seeds/000_3c8f4dc52bde6ae2.txt');
    expect(r.document).toEqual({
      title: '石柱土家族自治县人民政府办公室关于印发《石柱县2025年优化营商环境“五提升两完善”专项行动工作方案》的通知',
      docNumber: '石柱府办发〔2025〕32号',
      issuer: '石柱土家族自治县人民政府办公室',
      issuedDate: '2025-08-15',
      recipients: ['各乡镇（街道）人民政府（办事处）', '县政府有关部门', '有关单位'],
      year: 2025,
    });
  });
  it('takes the 86 table rows as tasks, not the 24 body measures', async () => {
    const r = await parseFixture('seeds/000_3c8f4dc52bde6ae2.txt');
    expect(r.tasks).toHaveLength(86);
    expect(r.tasks.every((t) => t.origin.kind === 'table')).toBe(true);
    // Body measure "1. 加强干部思想教育。" is a section.
    expect(r.sections.some((s) => s.marker === '1.' && s.heading === '加强干部思想教育')).toBe(true);
  });
  it('keeps number and title on rows under a merged 序号, across the page break of task 10', async () => {
    const r = await parseFixture('seeds/000_3c8f4dc52bde6ae2.txt');
    const ten = r.tasks.filter((t) => t.number === '10');
    expect(ten).toHaveLength(5);
    expect(new Set(ten.map((t) => t.title))).toEqual(new Set(['打造政务服务新形象']));
    expect(ten[2].deadline).toMatchObject({ raw: '2025年8月30日前并长期坚持', due: '2025-08-30', ongoing: true });
  });
  it('joins a cell split by a blank line and drops the bookmark artefact', async () => {
    const r = await parseFixture('seeds/000_3c8f4dc52bde6ae2.txt');
    const t = r.tasks.find((x) => x.text.startsWith('推动部门联合“双随机、一公开”'))!;
    expect(t.units).toEqual([{ name: '县市场监管局', role: 'responsible' }]);
    expect(t.deadline?.due).toBe('2025-12-31');
    expect(r.tasks.some((x) => x.text.includes('bookmark'))).toBe(false);
  });
});

describe('seed 001: lead and cooperate columns', () => {
  it('reads 101 rows with lead/cooperate roles and month deadlines', async () => {
    const r = await parseFixture('seeds/001_84376561f74c53d5.txt');
    expect(r.tasks.filter((t) => t.origin.kind === 'table')).toHaveLength(101);
    // Measures 1–16 of the body are restated by the rows; 17–20 (保障措施) are not, and carry their own 责任单位.
    expect(r.tasks.filter((t) => t.origin.kind === 'measure').map((t) => t.number)).toEqual(['17', '18', '19', '20']);
    const t11 = r.tasks.find((t) => t.number === '11')!;
    expect(t11.units.filter((u) => u.role === 'cooperate').map((u) => u.name)).toEqual(['县经济信息委', '县规划自然资源局', '县住房城乡建委']);
    expect(t11.deadline).toMatchObject({ raw: '2024年1月', due: '2024-01-31', precision: 'month' });
  });
});

describe('seed 002: measures converted from PDF', () => {
  it('heals lines broken mid-sentence and reads bracketed responsibilities', async () => {
    const r = await parseFixture('seeds/002_98ae52f72475d943.txt');
    const first = r.tasks[0];
    expect(first.number).toBe('（一）');
    expect(first.text).toContain('“拿地即开工”、区域评估、联合测绘');
    expect(first.units[0]).toEqual({ name: '县行政审批局', role: 'lead' });
    expect(first.units).toContainEqual({ name: '县住建局（县人防办、县地震局）', role: 'responsible' });
    expect(r.tasks.filter((t) => /^\d+$/.test(t.number ?? ''))).toHaveLength(99);
  });
});

describe('seed 003: blocks followed by label lines', () => {
  it('splits measure 16 into its three sub-measures and reads glued labels', async () => {
    const r = await parseFixture('seeds/003_d25d4ccf3a63151e.txt');
    expect(r.tasks.filter((t) => t.number === '16')).toHaveLength(3);
    const t1 = r.tasks[0];
    expect(t1.units[0]).toEqual({ name: '市发展改革委', role: 'lead' });
    expect(t1.deadline).toMatchObject({ raw: '长期坚持', ongoing: true, due: null });
    const t8 = r.tasks.find((t) => t.number === '8')!;
    expect(t8.deadline).toMatchObject({ due: '2022-03-31', ongoing: true });
  });
});

describe('seed 004: a compilation of 53 articles', () => {
  it('has exactly 53 level-1 sections, one per article', async () => {
    const r = await parseFixture('seeds/004_9409596d0de7a529.txt');
    const level1 = r.sections.filter((s) => s.level === 1);
    expect(level1).toHaveLength(53);
    expect(level1.filter((s) => s.heading === '持续优化营商环境助推经济高质量发展')).toHaveLength(2);
    expect(level1.some((s) => s.heading === '目录')).toBe(false);
  });
  it('takes 第N条 clauses and 一是/二是 items as tasks', async () => {
    const r = await parseFixture('seeds/004_9409596d0de7a529.txt');
    expect(r.tasks.filter((t) => t.origin.kind === 'article')).toHaveLength(18);
    expect(r.tasks.filter((t) => t.number === '一是').length).toBeGreaterThanOrEqual(20);
  });
});

describe('text that is no task is reported, not dropped', () => {
  it('puts preamble prose into warnings with a line number', async () => {
    const r = await parseFixture('seeds/001_84376561f74c53d5.txt');
    const w = r.warnings.filter((x) => x.code === 'unplaced-text');
    expect(w.length).toBeGreaterThan(0);
    expect(w.every((x) => typeof x.line === 'number' && x.line > 0)).toBe(true);
  });
});
