import { describe, expect, it } from 'vitest';
import { diffDeadline, diffDocument, diffTargets, diffUnits, sameText, swapWordOps, wordDiff } from '../../src/diff/fields.js';
import { coop, due, lead, resp, target } from './make.js';

describe('wordDiff (jieba words, Myers)', () => {
  it('marks an inserted word, and a replaced number, at word level', () => {
    expect(wordDiff('全面梳理积案，抽调力量集中攻坚。', '全面梳理积案，抽调精干力量集中攻坚。')).toEqual([
      { op: 'equal', text: '全面梳理积案，抽调' },
      { op: 'insert', text: '精干' },
      { op: 'equal', text: '力量集中攻坚。' },
    ]);
    const ops = wordDiff('每月至少1次。', '每月至少2次。');
    expect(ops).toEqual([
      { op: 'equal', text: '每月至少' },
      { op: 'delete', text: '1' },
      { op: 'insert', text: '2' },
      { op: 'equal', text: '次。' },
    ]);
  });

  it('reconstructs both texts', () => {
    const a = '加快兑现各类奖补资金。全面清理应拨付给企业的招商引资、科技创新等各类奖补资金，限时足额拨付企业。';
    const b = '加快落实各类奖补资金。全面清理拖欠企业的招商引资、科技创新、人才支持等各类奖补资金，按时足额拨付。';
    const ops = wordDiff(a, b);
    expect(ops.filter((o) => o.op !== 'insert').map((o) => o.text).join('')).toBe(a);
    expect(ops.filter((o) => o.op !== 'delete').map((o) => o.text).join('')).toBe(b);
  });

  it('is symmetric even when several shortest scripts exist', () => {
    const pairs: [string, string][] = [
      ['双随机、一公开"监管', '“双随机、一公开”监管'],
      ['甲乙甲乙', '乙甲乙甲'],
      ['加强监管，加强服务', '加强服务，加强监管'],
      ['每月至少1次，每季度至少1次', '每季度至少2次，每月至少1次'],
    ];
    for (const [a, b] of pairs) expect(wordDiff(b, a)).toEqual(swapWordOps(wordDiff(a, b)));
  });

  it('treats whitespace-only differences as the same text', () => {
    expect(sameText('1. 加强 干部教育', '1.加强干部教育')).toBe(true);
    expect(sameText('加强干部教育', '加强干部培训')).toBe(false);
  });
});

describe('diffUnits', () => {
  it('finds added, removed and role-changed units; order alone is no change', () => {
    expect(diffUnits([lead('市财政局'), resp('市工信局')], [resp('市工信局'), lead('市财政局')])).toBeNull();
    expect(diffUnits(
      [lead('市财政局'), resp('市工信局'), resp('市市场监管局')],
      [lead('市财政局'), lead('市工信局'), resp('市商务局')],
    )).toEqual({
      added: [resp('市商务局')],
      removed: [resp('市市场监管局')],
      roleChanged: [{ name: '市工信局', from: ['responsible'], to: ['lead'] }],
    });
  });

  it('compares the set of roles of a unit listed twice', () => {
    expect(diffUnits([lead('A'), coop('A')], [lead('A')])).toEqual({
      added: [], removed: [], roleChanged: [{ name: 'A', from: ['lead', 'cooperate'], to: ['lead'] }],
    });
  });
});

describe('diffDeadline', () => {
  const june = due('2022年6月底', '2022-06-30');
  const sept = due('2022年9月底', '2022-09-30');
  it('moves earlier / later with the number of days', () => {
    expect(diffDeadline(june, sept)).toMatchObject({ change: 'later', days: 92 });
    expect(diffDeadline(sept, june)).toMatchObject({ change: 'earlier', days: -92 });
  });
  it('reports added and removed deadlines', () => {
    expect(diffDeadline(null, june)).toMatchObject({ change: 'added', from: null });
    expect(diffDeadline(june, null)).toMatchObject({ change: 'removed', to: null });
    expect(diffDeadline(null, null)).toBeNull();
  });
  it('ignores a reworded phrase with the same date, but not a new "ongoing" or a changed undated phrase', () => {
    expect(diffDeadline(june, due('2022年6月底前', '2022-06-30'))).toBeNull();
    expect(diffDeadline(june, due('2022年6月底前并长期坚持', '2022-06-30', true))).toMatchObject({ change: 'changed', days: 0 });
    expect(diffDeadline(due('长期坚持', null, true), due('长期坚持', null, true))).toBeNull();
    expect(diffDeadline(due('长期坚持', null, true), sept)).toMatchObject({ change: 'changed', days: null });
  });
});

describe('diffTargets', () => {
  it('pairs by metric and says raised / lowered', () => {
    const a = [target('至少1次', '定期召开工作调度会议', 1, '次')];
    const b = [target('至少2次', '定期召开工作调度会议', 2, '次')];
    expect(diffTargets(a, b)).toEqual([{ change: 'raised', from: a[0], to: b[0] }]);
    expect(diffTargets(b, a)).toEqual([{ change: 'lowered', from: b[0], to: a[0] }]);
    expect(diffTargets(a, a)).toBeNull();
  });

  it('pairs by unit when the metric was reworded or is missing; unrelated metrics are removed + added', () => {
    const a = [target('2600人', '促进高校毕业生就业创业', 2600, '人'), target('100%', '用地保障率', 100, '%')];
    const b = [target('3000人', '促进高校毕业生等青年就业创业', 3000, '人'), target('30%以上', '检查频次减少', 30, '%', '>=')];
    expect(diffTargets(a, b)).toEqual([
      { change: 'raised', from: a[0], to: b[0] },
      { change: 'removed', from: a[1], to: null },
      { change: 'added', from: null, to: b[1] },
    ]);
    expect(diffTargets([target('5个', null, 5, '个')], [target('3个', '示范园区', 3, '个')]))
      .toMatchObject([{ change: 'lowered', from: { value: 5 }, to: { value: 3 } }]);
    expect(diffTargets([target('5个', '园区', 5, '个')], [target('5万元', '园区', 5, '万元')]))
      .toMatchObject([{ change: 'changed' }]);
    const c = [target('2600人', '促进高校毕业生就业创业', 2600, '人')];
    expect(diffTargets(c, [])).toEqual([{ change: 'removed', from: c[0], to: null }]);
    expect(diffTargets([], c)).toEqual([{ change: 'added', from: null, to: c[0] }]);
  });

  it('rewording the metric with the same value is not a change', () => {
    expect(diffTargets([target('100%', '用地保障率', 100, '%')], [target('100%', '重大项目用地保障率', 100, '%')])).toBeNull();
  });
});

describe('diffDocument', () => {
  const base = { title: 'T', docNumber: '渝府办发〔2024〕1号', issuer: 'X', issuedDate: '2024-01-01', recipients: ['甲', '乙'], year: 2024 };
  it('lists changed fields; recipients compared as a set', () => {
    expect(diffDocument(base, { ...base, recipients: ['乙', '甲'] })).toEqual([]);
    expect(diffDocument(base, { ...base, docNumber: '渝府办发〔2025〕1号', year: 2025, recipients: ['甲'] })).toEqual([
      { field: 'docNumber', from: '渝府办发〔2024〕1号', to: '渝府办发〔2025〕1号' },
      { field: 'recipients', from: ['甲', '乙'], to: ['甲'] },
      { field: 'year', from: 2024, to: 2025 },
    ]);
  });
});
