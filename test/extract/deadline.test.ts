import { describe, expect, it } from 'vitest';
import { findDeadlineInText, isDeadlinePhrase, parseDeadline } from '../../src/extract/deadline.js';

// Expected values written from reading each phrase. Phrases are taken from the seeds
// (fixtures/seeds/*.txt), the corpus (fixtures/corpus/*) and the forms listed in issue 3.

type Precision = 'day' | 'month' | 'quarter' | 'year' | null;
interface Expect {
  due: string | null;
  precision: Precision;
  ongoing?: boolean;
  understood?: boolean;
  relative?: boolean;
}

const on = (due: string | null, precision: Precision, extra: Partial<Expect> = {}): Expect => ({ due, precision, ...extra });
const ONGOING: Expect = { due: null, precision: null, ongoing: true };
const NOT_UNDERSTOOD: Expect = { due: null, precision: null, ongoing: false, understood: false };
const RELATIVE: Expect = { due: null, precision: null, ongoing: false, understood: true, relative: true };

// [raw, document year, expected]
const DEADLINES: [string, number | null, Expect][] = [
  // 完成时限 cells in figures, and years named from the document's
  ['2024.12', 2024, on('2024-12-31', 'month')],
  ['2024-06底', 2024, on('2024-06-30', 'month')],
  ['次年3月底前', 2024, on('2025-03-31', 'month')],
  ['明年6月', 2024, on('2025-06-30', 'month')],
  // seed 000 完成时限 column
  ['长期坚持', 2025, ONGOING],
  ['2025年12月31日前', 2025, on('2025-12-31', 'day')],
  ['2025年12月31日前并长期坚持', 2025, on('2025-12-31', 'day', { ongoing: true })],
  ['2025年7月31日前', 2025, on('2025-07-31', 'day')],
  ['2025年8月30日前并长期坚持', 2025, on('2025-08-30', 'day', { ongoing: true })],
  ['2025年10月31日前', 2025, on('2025-10-31', 'day')],
  ['2025年7月31日前并长期坚持', 2025, on('2025-07-31', 'day', { ongoing: true })],
  // seed 001 完成时限 column: a month is due on its last day
  ['2022年8月', 2022, on('2022-08-31', 'month')],
  ['2022年7月', 2022, on('2022-07-31', 'month')],
  ['2023年6月', 2022, on('2023-06-30', 'month')],
  ['2024年1月', 2022, on('2024-01-31', 'month')],
  ['2022年12月', 2022, on('2022-12-31', 'month')],
  ['2024年10月', 2022, on('2024-10-31', 'month')],
  ['2022年2月', 2022, on('2022-02-28', 'month')],
  // seed 002 (年内 / 年底前 in the text, resolved with the document's year)
  ['年内', 2022, on('2022-12-31', 'year')],
  ['年底前', 2022, on('2022-12-31', 'year')],
  // seed 003 完成时限 labels
  ['2022年6月底', 2022, on('2022-06-30', 'month')],
  ['2022年12月底', 2022, on('2022-12-31', 'month')],
  ['2022年6月底完成清理并长期坚持', 2022, on('2022-06-30', 'month', { ongoing: true })],
  ['2022年3月底前完成公布并长期坚持', 2022, on('2022-03-31', 'month', { ongoing: true })],
  ['2022年6月底前完成清理整治并长期坚持。', 2022, on('2022-06-30', 'month', { ongoing: true })],
  // corpus 04 (包头, 2022): month-only deadlines inside the responsibility brackets
  ['5月底取得明显成效并持续推进', 2022, on('2022-05-31', 'month', { ongoing: true })],
  ['5月底取得阶段性成效并持续推进', 2022, on('2022-05-31', 'month', { ongoing: true })],
  ['6月底完成', 2022, on('2022-06-30', 'month')],
  ['7月底完成', 2022, on('2022-07-31', 'month')],
  ['8月底完成', 2022, on('2022-08-31', 'month')],
  ['10月底完成', 2022, on('2022-10-31', 'month')],
  ['11月底完成', 2022, on('2022-11-30', 'month')],
  ['12月底完成', 2022, on('2022-12-31', 'month')],
  ['6月底取得阶段性成效', 2022, on('2022-06-30', 'month')],
  ['3月底取得阶段性成效并持续推进', 2022, on('2022-03-31', 'month', { ongoing: true })],
  ['12月取得明显成效并持续推进', 2022, on('2022-12-31', 'month', { ongoing: true })],
  ['6月份取得明显成效', 2022, on('2022-06-30', 'month')],
  ['11月取得明显成效', 2022, on('2022-11-30', 'month')],
  ['持续推进', 2022, ONGOING],
  ['持续优化', 2022, ONGOING],
  ['按进度推进', 2022, NOT_UNDERSTOOD],
  // issue 3 forms
  ['常态化', 2025, ONGOING],
  ['2025年底', 2025, on('2025-12-31', 'year')],
  ['2025年末', 2025, on('2025-12-31', 'year')],
  ['2025年度', 2025, on('2025-12-31', 'year')],
  ['2025年上半年', 2025, on('2025-06-30', 'quarter')],
  ['2025年下半年', 2025, on('2025-12-31', 'quarter')],
  ['上半年', 2023, on('2023-06-30', 'quarter')],
  ['2025年第三季度', 2025, on('2025-09-30', 'quarter')],
  ['一季度末', 2025, on('2025-03-31', 'quarter')],
  ['第四季度', 2024, on('2024-12-31', 'quarter')],
  ['当年', 2025, on('2025-12-31', 'year')],
  ['6月底前', 2025, on('2025-06-30', 'month')],
  ['二〇二五年十二月底', null, on('2025-12-31', 'month')],
  ['十二月底前', 2025, on('2025-12-31', 'month')],
  ['二〇二二年六月三十日', null, on('2022-06-30', 'day')],
  ['2025年8月1日—11月30日', null, on('2025-11-30', 'day')],
  ['2023年至2024年', null, on('2024-12-31', 'year')],
  ['2021—2023年', null, on('2023-12-31', 'year')],
  ['2022-2024年', null, on('2024-12-31', 'year')],
  ['2025年8月—10月', null, on('2025-10-31', 'month')],
  ['每季度', 2025, ONGOING],
  ['每年', 2025, ONGOING],
  ['每年3月底前', 2025, ONGOING], // recurring: every year, not one date
  ['２０２５年６月３０日前', null, on('2025-06-30', 'day')],
  ['２０２２年１２月', null, on('2022-12-31', 'month')],
  ['2024年2月底', null, on('2024-02-29', 'month')],
  ['2025年6月上旬', null, on('2025-06-10', 'day')],
  ['2025年6月下旬', null, on('2025-06-30', 'day')],
  ['2025-12-31', null, on('2025-12-31', 'day')],
  ['明年底前', 2025, on('2026-12-31', 'year')],
  ['“十四五”期间', 2022, on('2025-12-31', 'year')], // five-year plans: the 14th is 2021–2025
  ['十四五末', 2022, on('2025-12-31', 'year')],
  ['"十五五"时期', 2026, on('2030-12-31', 'year')],
  ['“十三五”规划期内', 2017, on('2020-12-31', 'year')],
  ['“十四五”规划', 2022, NOT_UNDERSTOOD], // the plan itself, not a period
  ['2024年元旦前', 2023, on('2023-12-31', 'day')], // holidays on fixed days: the day before
  ['2023年国庆节前', 2023, on('2023-09-30', 'day')],
  ['2024年春节前', 2024, RELATIVE], // a lunar date: not the end of 2024, and not guessed
  ['2024年秋季学期开学前', 2024, RELATIVE],
  ['2025年汛期结束前', 2025, RELATIVE],
  ['2025年春节', 2025, NOT_UNDERSTOOD], // the festival, not a time limit
  ['2025年5月起长期坚持', 2025, ONGOING], // the date starts the work; nothing ends it
  // relative to an event: understood, but no calendar day
  ['五个工作日内', 2025, RELATIVE],
  ['收到申请之日起15日内', 2025, RELATIVE],
  ['立即', 2025, RELATIVE],
  ['工程开工前', 2012, RELATIVE], // corpus 10 第十五条: before the works start
  // not understood: no guess
  ['6月底前', null, NOT_UNDERSTOOD],
  ['年内', null, NOT_UNDERSTOOD],
  ['2025年6月中下旬', null, on('2025-06-30', 'day')], // a span of two parts of a month ends with the later
  ['自2025年5月1日起', null, NOT_UNDERSTOOD],
  ['已完成', 2025, NOT_UNDERSTOOD],
  ['2月30日前', 2025, NOT_UNDERSTOOD],
  ['适时', 2025, NOT_UNDERSTOOD],
  // ranges of months, parts of a month, the whole year, from today on
  ['2024年3-6月', 2023, on('2024-06-30', 'month')],
  ['3至6月底', 2024, on('2024-06-30', 'month')],
  ['10月中下旬', 2024, on('2024-10-31', 'day')],
  ['5月上中旬', 2024, on('2024-05-20', 'day')],
  ['全年', 2024, on('2024-12-31', 'year')],
  ['即日起至2024年12月', 2023, on('2024-12-31', 'month')],
  ['即日起', 2023, ONGOING],
  ['2023年12月底前完成，并长期坚持', 2023, on('2023-12-31', 'month', { ongoing: true })],
];

describe('parseDeadline', () => {
  it.each(DEADLINES)('%s (year %s)', (raw, year, expected) => {
    const got = parseDeadline(raw, { year });
    expect(got.due).toBe(expected.due);
    expect(got.precision).toBe(expected.precision);
    expect(got.ongoing).toBe(expected.ongoing ?? false);
    expect(got.understood).toBe(expected.understood ?? true);
    expect(got.relative).toBe(expected.relative ?? false);
    if (got.due === null) expect(got.precision).toBeNull();
  });

  it('keeps the printed phrase as raw, without surrounding space or closing punctuation', () => {
    expect(parseDeadline(' 2022年6月底完成清理并长期坚持 ', { year: 2022 }).raw).toBe('2022年6月底完成清理并长期坚持');
    expect(parseDeadline('2022年6月底前完成清理整治并长期坚持。', { year: 2022 }).raw).toBe('2022年6月底前完成清理整治并长期坚持');
    expect(parseDeadline('２０２５年６月３０日前', { year: null }).raw).toBe('２０２５年６月３０日前');
  });
});

// [text, document year, expected raw (null: no deadline), due]
const IN_TEXT: [string, number | null, string | null, string | null][] = [
  ['对存量问题线索跟踪督办,6月底前“清零”。全面梳理全县“新官不理旧账”问题', 2022, '6月底前', '2022-06-30'],
  ['压缩办理时间。年内企业开办实现1.5个工作日以内办结', 2022, '年内', '2022-12-31'],
  ['年底前成立麟游县破产管理人协会', 2022, '年底前', '2022-12-31'],
  ['确保年底前我县在市区数据共享的基础上实现数据互联互通', 2022, '年底前', '2022-12-31'],
  ['对审批、办事流程再梳理,3月底前完成并向社会公布。', 2022, '3月底前', '2022-03-31'],
  ['建立电子化网络化的全市物价信息服务平台，7月底前完成项目前期手续，实现平台基础建设和重点功能。', 2022, '7月底前', '2022-07-31'],
  // two milestones: the task is done at the later one
  ['7月底前完成项目前期手续，实现平台基础建设和重点功能。10月底完善平台各项功能，提升政府治理水平。', 2022, '10月底', '2022-10-31'],
  ['并于4月28前上报区局办公室。', 2012, '4月28前', '2012-04-28'], // corpus 11: 日 left out
  // recurring: ongoing, no due date
  ['市政务数据主管部门应当于每年三月底前向市政府报告', 2020, '每年三月底前', null],
  // a window of months or days ends at its second date
  ['第一阶段：动员部署（2024年3月1日—3月31日）。市市场监管局负责制定实施方案。', 2024, '2024年3月1日—3月31日', '2024-03-31'],
  ['集中整治（2024年4月—9月）。市公安局要开展联合执法检查。', 2024, '2024年4月—9月', '2024-09-30'],
  ['自2024年3月至12月开展专项整治', 2024, '2024年3月至12月', '2024-12-31'],
  ['各单位于每月底前将进展情况报县营商办', 2022, '每月底前', null],
  ['要于每月5日前将上月防治工作情况报送省厅', 2024, '每月5日前', null],
  ['每季度末报送工作进展', 2024, '每季度末', null],
  ['实施部分核心设备利旧替代工程，年底前完成全部改造任务', 2023, '年底前', '2023-12-31'],
  ['年内用水报装时限（含施工审批）压缩至10个工作日以内', 2022, '年内', '2022-12-31'],
  ['2022年底前实现全覆盖', 2022, '2022年底前', '2022-12-31'],
  ['于2025年9月30日前完成', 2025, '2025年9月30日前', '2025-09-30'],
  ['二〇二五年十二月底前完成清理', null, '二〇二五年十二月底前', '2025-12-31'],
  ['十二月底前完成', 2025, '十二月底前', '2025-12-31'],
  ['到2025年，全市新增市场主体10万户', 2021, '到2025年', '2025-12-31'],
  ['力争到2023年底建成', 2021, '到2023年底', '2023-12-31'],
  ['6月底前完成清理并长期坚持', 2022, '6月底前完成清理并长期坚持', '2022-06-30'],
  ['一季度末前完成摸底', 2024, '一季度末前', '2024-03-31'],
  // the year a plan's sentence is to be true by, without a comma after it
  ['力争到2025年农产品网络零售额突破80亿元', 2021, '到2025年', '2025-12-31'],
  ['力争2025年实现行政村5G网络全覆盖', 2021, '2025年', '2025-12-31'],
  ['到“十四五”末，建成城市运行管理平台', 2021, '到“十四五”末', '2025-12-31'],
  ['2025年6月30日之前完成', 2025, '2025年6月30日之前', '2025-06-30'],
  // a time limit counted from an event: a relative deadline (corpus 09)
  ['市政务数据主管部门应当自收到报送材料之日起五个工作日内完成目录更新。', 2020, '五个工作日内', null],
  ['接到申请的政务部门应当在五个工作日内予以答复。', 2020, '五个工作日内', null],
  // not a deadline of the task
  ['本办法自5月1日起施行', 2022, null, null],
  ['截至2023年二季度末，已累计支持中小微企业', 2023, null, null],
  ['2家供应商禁止在1年内参加政府采购活动', 2023, null, null],
  ['常态化开展明察暗访', 2025, null, null],
  ['每月开展一次安全检查', 2025, null, null], // how often, not by when
  ['今年上半年，共办结工程建设项目', 2023, null, null],
  ['对原产于RCEP成员国的进口货物，5年内关税减让显著的272种商品', 2022, null, null],
  ['由区卫健局牵头，当年提供一次到厂免费义诊服务', 2023, null, null],
  ['一般性信息要在3天内报送，紧急信息要在事件发生后2小时内报送', 2012, null, null], // standing limits (targets)
  ['普惠型小微企业贷款余额较上年底增长', 2023, null, null],
  ['各镇、县级各有关部门要分别于6月18日、11月28日前报县营商办', 2022, null, null], // reporting points
  ['于6月18日、11月28日前报送进展情况', 2022, null, null],
  ['年内企业开办实现1.5个工作日以内办结', null, null, null], // no year to resolve 年内 with
  ['项目总投资2024.5万元，累计完成2023.8亿元', 2024, null, null], // amounts, not year.month
  ['2020年到2025年累计建成充电桩3000个', 2021, null, null], // a span of years, not a deadline
  ['本办法自2012年2月1日至2017年1月31日施行。', 2012, null, null], // how long rules are in force
  ['有效期自2024年1月1日至2028年12月31日。', 2024, null, null],
];

describe('findDeadlineInText', () => {
  it.each(IN_TEXT)('%s', (text, year, raw, due) => {
    const got = findDeadlineInText(text, { year });
    if (raw === null) {
      expect(got).toBeNull();
      return;
    }
    expect(got).not.toBeNull();
    expect(got!.raw).toBe(raw);
    expect(got!.due).toBe(due);
    expect(got!.understood).toBe(true);
  });

  it('makes a recurring dated phrase ongoing', () => {
    expect(findDeadlineInText('应当于每年三月底前向市政府报告', { year: 2020 })).toMatchObject({ due: null, ongoing: true });
  });

  it('carries the ongoing tail of a combined phrase', () => {
    expect(findDeadlineInText('6月底前完成清理并长期坚持', { year: 2022 })?.ongoing).toBe(true);
    expect(findDeadlineInText('6月底前完成清理，并建立长效机制', { year: 2022 })?.ongoing).toBe(false);
    expect(findDeadlineInText('2023年底前完成，此后每年更新一次', { year: 2023 })).toMatchObject({ due: '2023-12-31', ongoing: true });
  });
});

describe('isDeadlinePhrase', () => {
  it.each([
    ['持续优化', true], ['5月底取得明显成效并持续推进', true], ['6月底完成', true], ['长期坚持', true], ['年内', true],
    ['按进度推进', false], ['牵头考核单位：市审批服务局', false], ['县法院牵头', false], ['0.5分', false],
  ] as [string, boolean][])('%s → %s', (clause, expected) => {
    expect(isDeadlinePhrase(clause)).toBe(expected);
  });
});
