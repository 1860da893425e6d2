import type { Deadline } from '../result/schema.js';
import { charClass } from './chars.js';
import { toHalfWidth } from './normalize.js';
import { toNumber } from './numerals.js';

// Deadlines: "2025年12月31日前并长期坚持" → due 2025-12-31, ongoing. `due` is the last day the task
// may be finished; a phrase that names no calendar day gets due null — never a guessed date.

export interface DeadlineOptions {
  /** Reference year for dates printed without one ("6月底前", "年内"): the document's year. */
  year: number | null;
}

export interface ParsedDeadline extends Deadline {
  /** False when the phrase was not understood: `due` is then null and the caller warns. */
  understood: boolean;
  /**
   * A deadline relative to an event ("五个工作日内", "收到申请之日起15日内"): understood, but it
   * names no calendar day, so `due` is null and no warning is due.
   */
  relative: boolean;
}

type Precision = NonNullable<Deadline['precision']>;

/** One calendar date found in a phrase. */
interface DateHit {
  start: number;
  end: number;
  /** The year printed in the hit, if any (later hits without a year inherit it). */
  year: number | null;
  /** Builds the due date once the year is known. */
  due: (year: number) => string | null;
  precision: Precision;
}

const N = '(?:[0-9]+|[〇○零一二两三四五六七八九十]+)';

// 长期坚持 / 持续推进 / 常态化 / recurring (每年, 每季度): the task never ends.
// 即日起 with no end ("即日起至2024年12月" has one) starts work that goes on.
const ONGOING = /长期|持续|常态化|常年|每年|每季度?|每半年|每月|每周|每旬|定期|经常性|即日起(?!至|到)/;

// Durations counted from an event: 5个工作日内, 15日内, 收到…之日起, 次年.
const RELATIVE = new RegExp(
  `${N}个?(?:工作日|自然日|日|天|周|星期|小时|个月|年)(?:内|以内|之内)|之日起|次年|次月|即时|立即|随时|当日|当天|当场|即办`,
);

// "工程开工前", "验收合格后": a deadline tied to an event of the task itself.
const EVENT_RELATIVE = /^[\u4e00-\u9fa5]{2,16}(?:之前|以前|前|之后|以后|后|时)$/;

const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

function iso(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= lastDay(y, m))) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A printed year (2025, 二〇二五) → number; 5 (as in "5年内") is not a calendar year. */
function calendarYear(s: string | undefined): number | null {
  if (!s) return null;
  const n = toNumber(s);
  return n !== null && n >= 1900 && n <= 2200 ? n : null;
}

interface DatePattern {
  re: RegExp;
  /** A literal every match contains: text without it is not searched. */
  needs?: string;
  /**
   * Every match is one or more of these characters, then `needs` (none of them): a match can only
   * start in the run of them right before an occurrence of `needs`, and only there is it tried.
   */
  lead?: (code: number) => boolean;
  /** `re` made sticky, for trying it at one position (set from `re` below). */
  at?: RegExp;
  read: (m: RegExpExecArray, refYear: number | null) => Omit<DateHit, 'start' | 'end'> | null;
}

// The characters of N, and of "N年N" before a month.
const NUMERAL_CHARS = '0123456789〇○零一二两三四五六七八九十';
const isNumeral = charClass(NUMERAL_CHARS);
const isYearMonthLead = charClass(`${NUMERAL_CHARS}年次明今本`);
const isMonthRangeLead = charClass(`${NUMERAL_CHARS}年次明今本-－—~～至到`);
// The year before a month: printed (2025年), or named from the document's (次年/明年 next, 今年/本年 this).
const MONTH_YEAR = `(?:(${N}|[次明今本])年)?`;
function yearOf(printed: string | undefined, ref: number | null): number | null {
  if (printed === '次' || printed === '明') return ref === null ? null : ref + 1;
  if (printed === '今' || printed === '本') return ref;
  return calendarYear(printed);
}

// Events of a year whose day the phrase does not give (lunar holidays, school terms, flood season).
const YEAR_EVENT = '春节|中秋|端午|清明|元宵|汛期|汛前|主汛期|开学|秋季学期|春季学期|暑期|寒假|暑假|元旦|国庆|五一|劳动节';
// "2024年春节前", "2025年汛期结束前": an event of a given year whose day is not printed (nor guessed).
const YEAR_EVENT_RELATIVE = new RegExp(`^(?:${N})年(?:${YEAR_EVENT})[\\u4e00-\\u9fa5]{0,4}?(?:之前|以前|前|之后|以后|后|期间|时)$`);

// Ordered from the most to the least specific; overlapping hits keep the longest.
const DATE_PATTERNS: DatePattern[] = [
  { // 2025-12-31, 2025.12.31, 2025/12/31
    re: /(\d{4})[-./](\d{1,2})[-./](\d{1,2})/g,
    read: (m) => ({ year: calendarYear(m[1]), precision: 'day', due: (y) => iso(y, +m[2], +m[3]) }),
  },
  { // 2025.12, 2025-12(底): a year and month in figures (table cells), not an amount (2024.5万元)
    re: /(?<![\d.])((?:19|20)\d{2})[-.．/](\d{1,2})(?![\d.．/\-万亿元%])(?:月)?(?:底|末)?/g,
    read: (m) => {
      const mo = +m[2];
      return mo >= 1 && mo <= 12 ? { year: calendarYear(m[1]), precision: 'month', due: (y) => iso(y, mo, lastDay(y, mo)) } : null;
    },
  },
  { // (2025年)8月1日, 十二月三十一日
    re: new RegExp(`${MONTH_YEAR}(${N})月(${N})[日号]`, 'g'),
    needs: '月',
    lead: isYearMonthLead,
    read: (m, ref) => {
      const mo = toNumber(m[2]), d = toNumber(m[3]);
      return mo && d ? { year: yearOf(m[1], ref), precision: 'day', due: (y) => iso(y, mo, d) } : null;
    },
  },
  { // 4月28前: the day printed without 日
    re: new RegExp(`${MONTH_YEAR}(${N})月(${N})(?=之?前|以前)`, 'g'),
    needs: '月',
    lead: isYearMonthLead,
    read: (m, ref) => {
      const mo = toNumber(m[2]), d = toNumber(m[3]);
      return mo && d ? { year: yearOf(m[1], ref), precision: 'day', due: (y) => iso(y, mo, d) } : null;
    },
  },
  { // 2024年3-6月, 3至6月底: a range of months ends with the last
    re: new RegExp(`${MONTH_YEAR}(${N})[-－—~～至到](${N})月份?(?:底|末)?`, 'g'),
    needs: '月',
    lead: isMonthRangeLead,
    read: (m, ref) => {
      const from = toNumber(m[2]), mo = toNumber(m[3]);
      return from && mo && from < mo && mo <= 12 ? { year: yearOf(m[1], ref), precision: 'month', due: (y) => iso(y, mo, lastDay(y, mo)) } : null;
    },
  },
  { // 6月上旬/中旬/下旬: the 10th, the 20th, the last day
    // 中下旬 / 上中旬: the later one
    re: new RegExp(`${MONTH_YEAR}(${N})月(上|中|下|上中|中下)旬`, 'g'),
    needs: '月',
    lead: isYearMonthLead,
    read: (m, ref) => {
      const mo = toNumber(m[2]);
      if (!mo) return null;
      const part = m[3].slice(-1);
      return { year: yearOf(m[1], ref), precision: 'day', due: (y) => iso(y, mo, part === '上' ? 10 : part === '中' ? 20 : lastDay(y, mo)) };
    },
  },
  { // 2022年6月(底), 6月份, 十二月底; not 6月初/6月中 (which day is meant is not printed)
    re: new RegExp(`${MONTH_YEAR}(${N})月份?(?:底|末)?(?!初|中(?!旬))`, 'g'),
    needs: '月',
    lead: isYearMonthLead,
    read: (m, ref) => {
      const mo = toNumber(m[2]);
      return mo ? { year: yearOf(m[1], ref), precision: 'month', due: (y) => mo <= 12 ? iso(y, mo, lastDay(y, mo)) : null } : null;
    },
  },
  { // 2025年第三季度(末), 一季度末, 第3季度
    re: new RegExp(`(?:(${N})年)?第?([一二三四1-4])季度(?:末|底)?`, 'g'),
    needs: '季度',
    read: (m) => {
      const q = toNumber(m[2]);
      return q ? { year: calendarYear(m[1]), precision: 'quarter', due: (y) => iso(y, q * 3, lastDay(y, q * 3)) } : null;
    },
  },
  { // (2025年)上半年 / 下半年: a half-year ends on a quarter's last day, hence precision quarter
    re: new RegExp(`(?:(${N})年)?(上|下)半年`, 'g'),
    needs: '半年',
    read: (m) => ({ year: calendarYear(m[1]), precision: 'quarter', due: (y) => (m[2] === '上' ? iso(y, 6, 30) : iso(y, 12, 31)) }),
  },
  { // 2024年元旦前 (the day before: 2023-12-31), 2023年国庆节前, 2023年五一前: holidays on fixed days
    re: new RegExp(`(${N})年(元旦|国庆节?|五一|劳动节)(?:之|以)?前`, 'g'),
    needs: '前',
    read: (m) => {
      const y = calendarYear(m[1]);
      if (!y) return null;
      const [dy, mo, d] = m[2] === '元旦' ? [y - 1, 12, 31] : m[2].startsWith('国庆') ? [y, 9, 30] : [y, 4, 30];
      return { year: y, precision: 'day', due: () => iso(dy, mo, d) };
    },
  },
  { // 2025年(底/末/度), 二〇二五年 — but not the year of a month, a range of months (2024年3-6月) or a
    // quarter that was not understood, nor of an event whose day is not printed (2024年春节前: not the end of 2024)
    re: new RegExp(`(${N})年度?(?:底|末)?(?!${N}(?:[-－—~～至到]${N})?月|第?[一二三四1-4]季度|[上下]半年|${YEAR_EVENT})`, 'g'),
    needs: '年',
    lead: isNumeral,
    read: (m) => {
      const y = calendarYear(m[1]);
      return y ? { year: y, precision: 'year', due: () => iso(y, 12, 31) } : null;
    },
  },
  { // 年底 / 年末 / 年内 / 当年 / 今年 / 本年(度) / 全年: the document's year
    re: /(?<![0-9〇○零一二两三四五六七八九十几多每上去])(?:年底|年末|年内|年度内|当年|今年|本年度?|全年)/g,
    needs: '年',
    read: (_m, ref) => (ref ? { year: ref, precision: 'year', due: () => iso(ref, 12, 31) } : null),
  },
  { // “十四五”期间 / 末 / 时期: the last year of that five-year plan (the 14th is 2021–2025)
    re: /["“”]?十([一二三四五六七八九])五["“”]?(?:规划)?(?:期间|时期|期末|期内|末|内)/g,
    needs: '五',
    read: (m) => {
      const end = 1970 + 5 * (10 + (toNumber(m[1]) ?? 0) - 3);
      return { year: end, precision: 'year', due: () => iso(end, 12, 31) };
    },
  },
  { // 明年(底): the year after the document's
    re: /明年(?:底|末)?/g,
    needs: '明年',
    read: (_m, ref) => (ref ? { year: ref + 1, precision: 'year', due: () => iso(ref + 1, 12, 31) } : null),
  },
];
for (const p of DATE_PATTERNS) if (p.lead) p.at = new RegExp(p.re.source, 'y');

/**
 * The matches of `p.re` in `text`, in order, as the global search finds them (leftmost, then from
 * the end of the match): with `p.lead`, only the starts where a match is possible are tried.
 */
function eachMatch(p: DatePattern, text: string, fn: (m: RegExpExecArray) => void): void {
  if (!p.lead || !p.at || p.needs === undefined) {
    const re = p.re; // exec on the shared global pattern (matchAll would copy it)
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      fn(m);
      if (m[0] === '') re.lastIndex++; // (no pattern matches the empty string)
    }
    return;
  }
  const { lead, at, needs } = p;
  let from = 0; // where the global search would go on
  for (let anchor = text.indexOf(needs, from); anchor >= 0; anchor = text.indexOf(needs, from)) {
    // A match that starts before this anchor reaches it through lead characters only.
    let start = anchor;
    while (start > from && lead(text.charCodeAt(start - 1))) start--;
    let next = anchor + 1; // no match starts at or before this anchor: go on after it
    for (; start < anchor; start++) {
      at.lastIndex = start;
      const m = at.exec(text);
      if (m === null) continue;
      fn(m);
      next = start + m[0].length;
      break;
    }
    from = next;
  }
}

// A date followed by these starts the task or dates an event; it is not when the task ends.
const START_AFTER = /^(?:起|开始|以来|之后|后|始)/;
// A date after 每 recurs: "每年3月底前" is every year, not this year.
const RECURRING_BEFORE = /每(?:年|季度?|月|半年|周)?$/;

/**
 * The last characters of text.slice(0, end): enough for the end-anchored patterns tested on the
 * text before a date (RECURRING_BEFORE and those of findDeadlineInText match at most 3 characters
 * and look no further back), without scanning a whole task text from its start for each date.
 */
function tail(text: string, end: number): string {
  return text.slice(Math.max(0, end - 8), end);
}

/** Every calendar date in `text` (half-width, no spaces), in order, overlaps resolved. */
function findDates(text: string, refYear: number | null): DateHit[] {
  const hits: (DateHit & { order: number })[] = [];
  DATE_PATTERNS.forEach((p, order) => {
    if (p.needs !== undefined && !text.includes(p.needs)) return;
    eachMatch(p, text, (m) => {
      const read = p.read(m, refYear);
      if (read) hits.push({ ...read, start: m.index, end: m.index + m[0].length, order });
    });
  });
  // Earliest start first; at the same start the longest (then the most specific) wins.
  hits.sort((a, b) => a.start - b.start || b.end - a.end || a.order - b.order);
  const out: DateHit[] = [];
  for (const h of hits) if (!out.length || h.start >= out[out.length - 1].end) out.push(h);
  return out;
}

/** Due dates of the hits; a hit without its own year takes the previous hit's, else the reference year. */
function resolve(text: string, hits: DateHit[], refYear: number | null): { due: string; precision: Precision; end: number }[] {
  const out: { due: string; precision: Precision; end: number }[] = [];
  let year = refYear;
  for (const h of hits) {
    if (h.year !== null) year = h.year;
    if (START_AFTER.test(text.slice(h.end)) || RECURRING_BEFORE.test(tail(text, h.start))) continue;
    const y = h.year ?? year;
    const due = y === null ? null : h.due(y);
    if (due) out.push({ due, precision: h.precision, end: h.end });
  }
  return out;
}

/** Half-width digits, no spaces: the form the patterns are written for. */
function canonicalText(raw: string): string {
  return toHalfWidth(raw).replace(/\s+/g, '');
}

/** The printed phrase without surrounding space and closing punctuation. */
function trimRaw(raw: string): string {
  return raw.trim().replace(/[。.；;，,、\s]+$/, '');
}

/**
 * A deadline phrase (a 完成时限 cell, a label, a clause) → due date, precision, ongoing.
 * Ranges and several dates → the latest ("2025年8月1日—11月30日" → 2025-11-30); dates without a year
 * take `opts.year`; recurring and 长期坚持-style phrases are ongoing. Not understood → due null,
 * understood false.
 */
export function parseDeadline(raw: string, opts: DeadlineOptions): ParsedDeadline {
  const text = canonicalText(raw);
  const printed = trimRaw(raw);
  const ongoing = ONGOING.test(text);
  const dates = resolve(text, findDates(text, opts.year), opts.year);
  if (dates.length) {
    const latest = dates.reduce((a, b) => (b.due > a.due ? b : a));
    return { raw: printed, due: latest.due, precision: latest.precision, ongoing, understood: true, relative: false };
  }
  const relative = !ongoing && (RELATIVE.test(text) || EVENT_RELATIVE.test(text) || YEAR_EVENT_RELATIVE.test(text));
  return { raw: printed, due: null, precision: null, ongoing, understood: ongoing || relative, relative };
}

// In running text only phrases that say when the task must be done count: the date must be
// followed by 前/以前/之前/完成 ("6月底前“清零”", "3月底前完成并向社会公布"), or be 年内/年底前,
// or a month's or year's end followed by what is done then ("10月底完善平台功能"), or "到2025年底".
// Reports ("截至2023年二季度末"), starts ("自5月1日起") and lists of reporting dates ("分别于6月18日、
// 11月28日前报") are not deadlines of the task; a recurring dated phrase ("每年三月底前报告") makes
// the task ongoing when nothing else dates it, and a time limit counted from an event ("自收到申请之日
// 起五个工作日内") gives a relative deadline when nothing else does.
const IN_TEXT_DUE_AFTER = /^(?:之?前|以前|前完成|完成)/;
const IN_TEXT_YEAR_WORDS = /(?<![0-9〇○零一二两三四五六七八九十几多每上去])(?:年内|年底前|年末前|年底完成|年底|年末)/g;
// "到2025年，…", "力争到2025年农产品网络零售额突破80亿元", "力争2025年实现全覆盖", "到“十四五”末": the year a
// plan's sentence is to be true by (not the year of a month or quarter printed after it).
const IN_TEXT_BY_YEAR = /(?:(?<=^|[，。；：:,;\s])(?:到|至)|(?<=力争|计划|确保)(?:到|至)?)(?:(?:19|20)\d{2}年(?:底|末)|(?:19|20)\d{2}年(?![0-9月第季上下度])|["“]?十[一二三四五六七八九]五["”]?(?:规划)?(?:期末|末))/g;
// The ongoing tail of a combined phrase: "5月底取得明显成效并持续推进", "2023年底前完成，并长期坚持".
const ONGOING_TAIL = /^[^，。；;,]*?(?:[，,]\s*)?(?:并(?:长期坚持|持续推进|持续开展|常态化)|(?:此后|之后|以后)每[年季月][^，。；;,]*)/;

interface InTextHit { start: number; end: number; parsed: ParsedDeadline }

// A time limit counted from an event named before it in the sentence: "自收到报送材料之日起五个工作日内",
// "接到申请的政务部门应当在五个工作日内予以答复", "公示结束后15个工作日内拨付". The limit is the task's
// (relative) deadline.
// An event that happens once in the task's own process; "事件发生后2小时内报送" is a standing limit (a target).
const EVENT_ANCHOR = /之日起|接到|收到|受理|(?:结束|合格|完成|批准|通过|验收|公示|审核|审批|备案|确认|签订|到位|公布|下达|认定|立项)(?:后|之后)(?:的|在)?$/;
const TIME_LIMIT = new RegExp(`${N}个?(?:工作日|自然日|日|天|小时|个月)(?:以内|之内|内)`, 'g');

/** Does the sentence before a time limit name the event it counts from? Shared with targets.ts. */
export function isEventAnchored(sentenceBefore: string): boolean {
  return EVENT_ANCHOR.test(sentenceBefore);
}

// "每月底前将进展情况报送", "每月5日前报送上月情况", "每季度末": a point in every period with no month
// of its own, so the date scan does not see it. Like "每年三月底前", the task is ongoing.
const RECURRING_POINT = /每(?:个?月|季度?|半年|旬|周)(?:末|底|初|\d{1,2}日|第?[一二三四五\d]个?工作日)(?:之?前|以前)?/;

function findRecurringInText(text: string, t: string, opts: DeadlineOptions): ParsedDeadline | null {
  if (!t.includes('每')) return null;
  const m = RECURRING_POINT.exec(t);
  if (!m) return null;
  const parsed = parseDeadline(text.slice(m.index, m.index + m[0].length), opts);
  return parsed.ongoing ? parsed : null;
}

/** The first event-anchored time limit of a text ("五个工作日内"), as a relative deadline. */
function findAnchoredLimit(text: string, t: string, opts: DeadlineOptions): ParsedDeadline | null {
  if (!t.includes('内')) return null; // every time limit ends with 内
  for (const m of t.matchAll(TIME_LIMIT)) {
    const sentenceStart = Math.max(t.lastIndexOf('。', m.index!), t.lastIndexOf('\n', m.index!)) + 1;
    if (isEventAnchored(t.slice(sentenceStart, m.index!))) return parseDeadline(text.slice(m.index!, m.index! + m[0].length), opts);
  }
  return null;
}

/**
 * A deadline stated in task text ("6月底前", "年内完成", "2022年底前完成", "到2025年底"): the phrase
 * that says when the task must be done, parsed with parseDeadline. Several → the latest. Only
 * dated phrases count: 常态化/每年 in running text describe how the work is done, not a deadline.
 */
export function findDeadlineInText(text: string, opts: DeadlineOptions): ParsedDeadline | null {
  const t = toHalfWidth(text); // same length as text, so spans slice the printed text
  const hits: InTextHit[] = [];
  const add = (start: number, end: number) => addDueHit(hits, text, t, opts, start, end);
  let recurring: ParsedDeadline | null = null;
  let previous: DateHit | null = null;
  for (const h of findDates(t, opts.year)) {
    // Only the end of the text before the date is tested (every pattern below is anchored there).
    const before = tail(t, h.start);
    // "（2024年3月1日—3月31日）", "2024年4月至9月": a window of months or days ends at its second date.
    // "自2012年2月1日至2017年1月31日施行", "有效期…": how long rules stay in force is not a deadline.
    const window = previous !== null && previous.end >= h.start - 1 && /[—–~～至到-]$/.test(before) && h.precision !== 'year'
      && !/^[，,]?(?:止)?(?:施行|有效)/.test(t.slice(h.end)) && !/有效期[为是:：]?(?:自|从)?$/.test(tail(t, previous.start));
    const windowStart = previous?.start ?? h.start;
    previous = h;
    if (window) { add(windowStart, h.end); continue; }
    // "分别于6月18日、11月28日前报送": a list of dates sets reporting points, not the task's end.
    if (/(?:截至|截止|自|从|分别于)$/.test(before) || /[日月号底]、$/.test(before) || /^年(?:内|底|末)/.test(t.slice(h.start))) continue;
    const after = IN_TEXT_DUE_AFTER.exec(t.slice(h.end));
    const recurs = RECURRING_BEFORE.exec(before);
    if (recurs) {
      // "每年三月底前向市政府报告": a recurring deadline; the task is ongoing, no single due date.
      if (after && !recurring) {
        const start = h.start - recurs[0].length;
        recurring = parseDeadline(text.slice(start, h.end + after[0].replace(/完成$/, '').length), opts);
      }
      continue;
    }
    if (after) add(h.start, h.end + (after[0].startsWith('完成') ? 0 : after[0].replace(/完成$/, '').length));
    // "10月底完善平台各项功能": a month's or year's end followed by what is done then.
    else if (/[底末]$/.test(t.slice(h.start, h.end)) && /^[\u4e00-\u9fa5]/.test(t.slice(h.end))) add(h.start, h.end);
  }
  if (t.includes('年')) for (const m of t.matchAll(IN_TEXT_YEAR_WORDS)) add(m.index!, m.index! + m[0].length);
  if (t.includes('年') || t.includes('十')) for (const m of t.matchAll(IN_TEXT_BY_YEAR)) add(m.index!, m.index! + m[0].length);
  if (!hits.length) return recurring ?? findRecurringInText(text, t, opts) ?? findAnchoredLimit(text, t, opts);
  // The latest date; of two phrases for it, the longer ("到2023年底" over "2023年底").
  const later = (a: InTextHit, b: InTextHit) =>
    b.parsed.due! > a.parsed.due! || (b.parsed.due === a.parsed.due && b.end - b.start > a.end - a.start) ? b : a;
  return hits.reduce(later).parsed;
}

/** The phrase at start…end (with an ongoing tail: "并持续推进"), when it gives a due date. */
function addDueHit(hits: InTextHit[], text: string, t: string, opts: DeadlineOptions, start: number, end: number): void {
  const tail = ONGOING_TAIL.exec(t.slice(end));
  const stop = tail ? end + tail[0].length : end;
  const parsed = parseDeadline(text.slice(start, stop), opts);
  if (parsed.due) hits.push({ start, end: stop, parsed });
}

/**
 * Does a clause of a responsibility phrase state the deadline? "持续优化", "5月底取得明显成效并持续推进"
 * → true; "按进度推进" → false. For routing clauses between units and deadline: a clause that names
 * units (牵头, 负责, 单位…) is never a deadline.
 */
export function isDeadlinePhrase(clause: string): boolean {
  if (/牵头|负责|配合|协办|单位|部门/.test(clause)) return false;
  const parsed = parseDeadline(clause, { year: 2000 }); // any year: only "is it understood" matters here
  return parsed.understood && (parsed.due !== null || parsed.ongoing || parsed.relative);
}
