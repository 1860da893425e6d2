import type { Comparator, Target } from '../result/schema.js';
import { charClass } from './chars.js';
import { isEventAnchored } from './deadline.js';
import { toHalfWidth } from './normalize.js';
import { toNumber } from './numerals.js';
import { tag as tagWithJieba, type TaggedWord } from './segment.js';
import { scopedMemo } from './memo.js';
import { BODY_NAME_END } from './units.js';

// Targets: the quantities a task must reach or stay within.
//   "重大产业项目用地保障率达到100%" → { metric 重大产业项目用地保障率, ">=", 100, "%" }
// A quantity is a number (Arabic, full-width, decimal, Chinese, a range, a 、-list) with a unit.
// Its comparator comes from the words printed around it; its metric is the noun phrase it measures,
// found with jieba's part-of-speech tags. Dates, ordinals, labels in quotes, names in 《》,
// numbers without a unit and figures of what was already done are not targets.

// Without HMM: words jieba does not know fall apart into tagged dictionary words, where HMM would
// glue them into untagged guesses ("需在/x", "由县/x") that hide the phrase's structure.
// Within withTagMemo (one document's results), each text is tagged once: the same regions and
// phrases are tagged again and again. Callers only read the words.
const tag = scopedMemo((text: string): TaggedWord[] => tagWithJieba(text, { hmm: false }));

/** Run `fn` with the part-of-speech tags findTargets asks for remembered by text. */
export const withTagMemo = <T>(fn: () => T): T => tag.within(fn);

// ---------------------------------------------------------------------------------------------
// Numbers and units

const CN_DIGITS = '零〇○一二两三四五六七八九十百千万';
const NUMBER = new RegExp(`[百千]分之(?:[0-9]+(?:\\.[0-9]+)?|[${CN_DIGITS}]+)|[0-9]+(?:\\.[0-9]+)?|[${CN_DIGITS}]+`, 'y');
const RANGE_SEPARATOR = /(?:——|[—–\-~～至到])/y;

// Units, longest first so 个工作日 wins over 个 and 件次 over 件. Money, people and households may
// carry a scale printed before them (万元, 亿元, 万人, 万户): the unit is kept as printed.
const SCALABLE = ['平方公里', '平方米', '立方米', '千瓦时', '吨标准煤', '人次', '户次', '家次', '美元', '千瓦', '兆瓦', '元', '人', '户', '家', '吨', '亩', '公顷', '件', '条', '台套', '台', '套', '辆', '个', '名', '项', '份', '册', '本', '盏', '架', '路'];
const PLAIN = [
  // Concentrations of environmental targets (PM2.5 浓度, 水质).
  '微克/立方米', '毫克/立方米', '毫克/升', '分贝',
  '个百分点', '个工作日', '个自然日', '个环节', '百分点', '工作日', '自然日', '个小时', '个月', '小时', '分钟',
  '场次', '批次', '件次', '项次', '公里', '千米', '环节', '%', '‰', '倍', '秒', '周', '天', '日', '年',
  '次', '场', '期', '批', '篇', '种', '类', '所', '座', '米', '张', '份', '本', '部', '处', '栋', '间', '床', '头', '只', '笔', '宗', '轮', '组', '支', '单', '门',
  // A scale with nothing after it counts things ("标识注册总量突破5亿"); tried after 万元, 万人 ….
  '万', '亿',
];
const UNIT = new RegExp(
  `(?:(?:十万|百万|千万|万亿|万|亿|千|百)(?:${SCALABLE.join('|')})|${PLAIN.join('|')}|${SCALABLE.join('|')})(?:/(?:平方公里|平方米|立方米|千瓦时|标准煤|人次|[\\u4e00-\\u9fa5]{1,2}))?`,
  'y',
);
// Units that count things done (活动10期, 培育1-2家): a bare count after a verb is a target.
const COUNTING_UNIT = /^(?:万|亿|千|百)?(?:次|场次|场|期|批次|批|篇|条|家|个|项|名|人次|人|户|件|件次|种|所|座|台套|台|套|辆|张|份|册|本|盏|架|路|部|处|笔|宗|轮|组|支|吨|亩)$/;
const TIME_UNIT = /^(?:个?工作日|个?自然日|个?小时|分钟|秒|周|天|日|年|个月)$/;

// After the unit: 以上 ≥, 以内 ≤, 左右 ~ …
const SUFFIX = /(?:及以上|以上|及以下|以下|以内|之内|内|左右|上下|余|多)/y;
const SUFFIX_COMPARATOR: Record<string, Comparator> = {
  及以上: '>=', 以上: '>=', 及以下: '<=', 以下: '<=', 以内: '<=', 之内: '<=', 内: '<=', 左右: '~', 上下: '~',
};
// "3500余件", "100多家", "近100项": rounded figures of what was done, not levels to reach.
const APPROXIMATE_SUFFIX = new Set(['余', '多']);

// Before the number: 达到 ≥, 超过 >, 压缩至 ≤, 低于 <, 约 ~. Matched longest first at the number.
const PREFIX_COMPARATORS: [string, Comparator][] = ([
  ...['不低于', '不少于', '不小于', '不得少于', '不得低于', '至少', '最少', '最低', '达到', '达', '提高到', '提高至',
    '提升到', '提升至', '增加到', '增加至', '增长到', '增长至', '增至', '上升到', '上升至', '上调至', '上调到', '扩大到', '扩大至', '保持在', '稳定在', '提前']
    .map((w): [string, Comparator] => [w, '>=']),
  ...['超过', '高于', '多于', '大于', '突破'].map((w): [string, Comparator] => [w, '>']),
  ...['不超过', '不高于', '不多于', '不大于', '不得超过', '最多', '最高', '压缩至', '压缩到', '压缩为', '压减至', '压减到', '压减为',
    '缩短至', '缩短到', '缩短为', '缩减至', '缩减到', '降低至', '降低到', '下降至', '下降到', '下调至', '下调到', '降至', '降到', '减少至', '减少到', '减至', '压至', '压到', '压降至', '压降到', '控制在', '限定在', '限制在']
    .map((w): [string, Comparator] => [w, '<=']),
  ...['低于', '少于', '小于'].map((w): [string, Comparator] => [w, '<']),
  ...['大约', '约'].map((w): [string, Comparator] => [w, '~']),
] as [string, Comparator][]).sort((a, b) => b[0].length - a[0].length);

// "压缩简易注销公告时间为20天", "压缩…至20天": a bare 为/至/到 takes its direction from the verb before.
const DIRECTION_VERBS: [RegExp, Comparator][] = [
  [/(?:压缩|压减|缩短|缩减|降低|减少|控制|下降)/, '<='],
  [/(?:提高|提升|增加|增长|扩大|上升|扩容)/, '>='],
];
// "平均发放时长由22天提速至11天": speeding up lowers a time (and raises anything else).
const SPEED_UP = /(?:提速|加速)/;

// ---------------------------------------------------------------------------------------------
// What surrounds a number

const CLAUSE_END = /^(?:[，。；;,.！!？?、）)\]】\n]|$)/;
const COMPLETION = /^(?:闭环办结|办理完毕|办结|办完|完成|到位)/;
// Before the number: an ordinal (第二批), a starting value (由45天压缩至20天,
// 从最快40分钟), a product (7×24小时), part of a code (IPv6, 12345) or a record (最快90分钟).
const NOT_A_QUANTITY_BEFORE = /(?:第|[×xX*+\-—.\/#A-Za-z0-9]|由|从|从最快|最快|最短|排名|共印)$/;
// 前15项 is a top-N alone or after a ranking or a scope (排名前15位, 全省前10); after an event it
// ends a time phrase (完成信息平台上线前15项业务编码贯标), and 提前 is a comparator.
const TOP_N = /(?:^|[^\u4e00-\u9fa5]|[出在入进列居排选取占的]|排名|排位|位居|位列|跻身|保持|全国|全省|全市|全区|全县|全球|世界|国内|省内|市内|行业|同类)前$/;
const CLAUSE_BOUNDARY = '，。；;：:！!？?\n,';
// A sentence that tells what has been done ("今年以来，共审核招商引资协议8件", "为企业节约费用
// 43.8万元，实现了…"): its bare counts are results, not targets. (累计 is not a sign: plans set
// cumulative targets, "累计建设5G基站4600个".) Quantities with a comparator word
// are still read ("满意率达到99%") — the printed word states a level.
// A rounded figure ("900余亩", "100余份", "XX余万元") or help counted ("帮助…企业融资3000万元")
// marks a sentence of results too. 同比/较上年 compare with the year before in a plan as much as in
// a report ("挥发性有机物排放量同比下降10%"); a period of this year gone by (今年1-6月, 一季度…同比) and
// 去年同期/环比 are a report's.
const REPORTING_SENTENCE = /今年以来|今年来|今年[0-9]{1,2}[-—–~～至到][0-9]{1,2}月|(?<![0-9年])(?:[一二三四]季度|前[二三]季度)(?![末前内底])[^。；]{0,30}同比|上半年|至目前|截至|截止|目前|先后|共计|其中|成功|环比|[较比]去年同期|已经|已(?=[\u4e00-\u9fa5])|(?<![为除])了(?!解)|(?<!公)共(?![享建同性治创赢商用])[\u4e00-\u9fa5]{0,14}[0-9]|(?:[0-9]|XX|[十百千万])[余多](?=[万亿]?[\u4e00-\u9fa5])|帮助[^，,；;。0-9]{2,}[0-9]/;
// A text that narrates what was done — a report, a news item of a compilation — says so somewhere
// ("今年以来", "截至目前", "先后", "已于5月29日上线", "完成了…"): its bare figures are results
// even in sentences without such a word ("走访调研企业20家", "建成104个…窗口"). A sentence that
// states a plan (力争, 确保, 年内, 到2025年 … between 。 and ；) is still read.
const REPORT_TEXT = /今年以来|今年来|今年[0-9]{1,2}[-—–~～至到][0-9]{1,2}月|截至|截止(?:到|至)?(?:目前|今年|[0-9])|至目前|先后|环比|[较比]去年同期|已经|已于|已(?:累计|全部|完成|建成|发布|上架|成立|形成|实现|达到)/;
// The past-tense 了 (not 为了, 了解, 明了 …) marks a narrative when it recurs; once, it is often
// a plan's background ("市级…增加了招标计划编制和发布等相关功能").
const PAST_LE = /(?<![为除明])了(?![解然之结])/g;

function isReport(t: string): boolean {
  return REPORT_TEXT.test(t) || (t.match(PAST_LE)?.length ?? 0) >= 2;
}
const PLAN_SENTENCE = /力争|确保|争取|年内|年底前|到20[0-9]{2}年|计划|目标|预计/;
// Money in a clause that grants it ("一次性奖励企业5万元补助"): the amount is the measure, "=".
const GRANT = /奖励|补助|奖补|补贴|资助|贴息|扶持资金/;
// The penalties of a regulation's 法律责任 chapter.
const SANCTION = /罚款|罚金|处罚|没收|滞纳金|赔偿金/;
// "再给予100万元用于科学研究": money given without a grant noun; the recipient alone is the metric.
const GIVE = /给予|予以/;
const grants = (s: string) => GRANT.test(s) || GIVE.test(s);
// A bare rate right after a verb of change reports the change ("分别增长48%", "压缩55%").
const PER_BASE = /每(?:新|多)?(?:招用|吸纳|招收|引进|录用|安置|聘用|带动|培养|培训|认定|新增|投资|建成|建设|销售|出口|采购|使用|减少|增加|增长|提高|降低|超过)$/;
const PER_BASE_PHRASE = /每[^，,；;。每]{1,30}$/;
const GRANT_VERBS_AT_END = /[，,]?(?:给予|予以|奖励|补助|补贴|奖补|一次性)*$/;
const CHANGE_VERB_BEFORE = /(?:增长|下降|减少|提高|提升|压缩|缩短|降低|上升|增加)$/;

// Quote and title marks → the marks that close them, by char code.
const QUOTE_CLOSERS = new Map<number, string>(
  Object.entries({ '《': '》', '“': '”"', '‘': '’\'', '「': '」', '"': '"' }).map(([open, close]) => [open.charCodeAt(0), close]),
);
const isQuoteOpener = charClass('《“‘「"');
const closes = (closers: string, code: number) => closers.charCodeAt(0) === code || closers.charCodeAt(1) === code;
const NEWLINE = 10;

// One mask reused by every call (allocating a typed array per text costs more than filling one).
let maskBuffer = new Uint8Array(1024);

/**
 * Positions inside 《》 and quotes (“1+5+N”, “四风”, “12345”): numbers there are names or labels.
 * The mask is shared: valid until the next call.
 */
function quotedPositions(t: string): Uint8Array {
  if (maskBuffer.length < t.length) maskBuffer = new Uint8Array(Math.max(t.length, maskBuffer.length * 2));
  const masked = maskBuffer;
  masked.fill(0, 0, t.length);
  for (let i = 0; i < t.length; i++) {
    const open = t.charCodeAt(i);
    if (!isQuoteOpener(open)) continue;
    const closers = QUOTE_CLOSERS.get(open)!;
    let j = i + 1;
    while (j < t.length && j - i <= 60 && !closes(closers, t.charCodeAt(j)) && t.charCodeAt(j) !== NEWLINE) j++;
    if (j < t.length && closes(closers, t.charCodeAt(j))) {
      masked.fill(1, i, j + 1);
      i = j;
    }
  }
  return masked;
}

/** One printed quantity: a number (or range, or 、-list of numbers) with its unit and suffix. */
interface Quantity {
  start: number;
  end: number;
  values: { value: number; valueMax: number | null }[];
  unit: string;
  suffix: string;
  /** The number is Chinese ("三次"), so idioms like 一次性, 一站式 need ruling out. */
  chinese: boolean;
  /** A bandwidth (万兆, 20兆, 5G): a level only after a comparator or in "N兆到/进…". */
  bandwidth?: boolean;
  /** 翻一番 (2倍), 翻两番 (4倍): a multiple of the base, a floor. */
  doubling?: boolean;
}

// 半天办结, 半个工作日, 半小时: half of a time unit. Not 上半年/每半年 (periods), nor 一天半.
const HALF = /^半(?=个?(?:工作日|自然日|小时|天|日))/;

function readNumber(t: string, at: number): { text: string; end: number } | null {
  if (t.startsWith('半', at)) return HALF.test(t.slice(at)) && !/[每上下前后多大一两近]$/.test(t.slice(0, at)) ? { text: '半', end: at + 1 } : null;
  NUMBER.lastIndex = at;
  const m = NUMBER.exec(t);
  // A scale alone is not a number: "XX余万元", "千企", "万兆".
  if (!m || !/[0-9零〇○一二两三四五六七八九十]/.test(m[0])) return null;
  return { text: m[0], end: at + m[0].length };
}

function valueOf(numberText: string): number | null {
  if (numberText === '半') return 0.5;
  return toNumber(numberText.replace(/^[百千]分之/, ''));
}

// Bandwidths: 万兆/千兆/百兆 (a scale with 兆 is a number here), 20兆, 5G, 100Mbps. Sticky: read at a position.
const SCALED_BANDWIDTH = /([万千百])兆(?![瓦帕赫伏焦字])/y;
const BANDWIDTH_UNIT = /(?:Gbps|Mbps|Gb\/s|Mb\/s|G|M|兆(?![瓦帕赫伏焦字]))/y;
const SCALE_VALUE: Record<string, number> = { 万: 10000, 千: 1000, 百: 100 };
// "翻一番": doubled; "翻两番": doubled twice. Not "翻了一番" (done).
const DOUBLING = /翻([一两二三])番/y;

/** The quantity that starts at `at`, or null: 12—48个工作日, 两至三名, 95、60、15个工作日内, 百分之六十. */
function readQuantity(t: string, at: number): Quantity | null {
  DOUBLING.lastIndex = at;
  const doubled = DOUBLING.exec(t);
  if (doubled) {
    const times = 2 ** (toNumber(doubled[1]) ?? 1);
    SUFFIX.lastIndex = at + doubled[0].length;
    const suffix = SUFFIX.exec(t)?.[0] ?? '';
    return { start: at, end: at + doubled[0].length + suffix.length, values: [{ value: times, valueMax: null }], unit: '倍', suffix, chinese: false, doubling: true };
  }
  SCALED_BANDWIDTH.lastIndex = at;
  const scaled = SCALED_BANDWIDTH.exec(t);
  if (scaled) {
    return { start: at, end: at + 2, values: [{ value: SCALE_VALUE[scaled[1]], valueMax: null }], unit: '兆', suffix: '', chinese: false, bandwidth: true };
  }
  const first = readNumber(t, at);
  if (!first) return null;
  const values: { value: number; valueMax: number | null }[] = [];
  let pos = first.end;
  const value = valueOf(first.text);
  if (value === null) return null;
  let valueMax: number | null = null;
  // 10%—20%: the first unit may be repeated before the range separator.
  const afterFirstPercent = t.startsWith('%', pos) ? pos + 1 : pos;
  RANGE_SEPARATOR.lastIndex = afterFirstPercent;
  const sep = RANGE_SEPARATOR.exec(t);
  if (sep) {
    const second = readNumber(t, afterFirstPercent + sep[0].length);
    const max = second ? valueOf(second.text) : null;
    if (second && max !== null && max >= value) { valueMax = max; pos = second.end; }
  }
  values.push({ value, valueMax });
  // 95、60、15个工作日: numbers sharing the unit printed after the last one.
  while (t.startsWith('、', pos)) {
    const next = readNumber(t, pos + 1);
    const v = next ? valueOf(next.text) : null;
    if (!next || v === null || !/^[0-9]/.test(next.text) !== !/^[0-9]/.test(first.text)) break;
    values.push({ value: v, valueMax: null });
    pos = next.end;
  }
  const percentWords = /^[百千]分之/.test(first.text);
  let unit: string;
  if (percentWords) unit = first.text.startsWith('千') ? '‰' : '%';
  else {
    UNIT.lastIndex = pos;
    const u = UNIT.exec(t);
    BANDWIDTH_UNIT.lastIndex = pos;
    const bandwidth = u ? null : BANDWIDTH_UNIT.exec(t);
    if (bandwidth && /[0-9]/.test(first.text)) {
      return { start: at, end: pos + bandwidth[0].length, values, unit: bandwidth[0], suffix: '', chinese: false, bandwidth: true };
    }
    if (!u) return null;
    unit = u[0];
    pos += unit.length;
  }
  SUFFIX.lastIndex = pos;
  const suffix = SUFFIX.exec(t)?.[0] ?? '';
  // 半 is a fraction word, not a Chinese numeral that may start an idiom.
  return { start: at, end: pos + suffix.length, values, unit, suffix, chinese: !/[0-9半]/.test(first.text) };
}

/** Dates (2025年, 8月30日, 15日前) and durations of years that read as periods ("5年内关税减让"). */
function isDateLike(t: string, q: Quantity, hasComparatorWord: boolean): boolean {
  const before = t.slice(Math.max(0, q.start - 1), q.start);
  const after = t.slice(q.end - q.suffix.length, q.end - q.suffix.length + 1);
  if (q.unit === '年') {
    if (!hasComparatorWord || q.suffix === '内' || q.values[0].value >= 100) return true;
    return /[度底末前后]/.test(after);
  }
  if (q.unit === '日') return before === '月' || /[前起后]/.test(after);
  return false;
}

// ---------------------------------------------------------------------------------------------
// Metric: the noun phrase the number measures

const NOUNISH = /^(?:n|nr|ns|nt|nz|nl|ng|vn|an|l|j|i)$/;
// Tags of words that frame a phrase without being part of what is measured.
// Not h: a prefix belongs to the word after it (非/h 涉密 — dropping it inverts the metric).
const FRAME_TAGS = /^(?:d|p|c|u|uj|ul|r|t|m|mq|q|f|x|y|e|o|k|zg|w)$/;
// jieba tags these as nouns or verbs; they frame the phrase ("力争全年…", "年内实现…").
const FRAME_WORDS = new Set([
  '力争', '全年', '年内', '当年', '今年', '每年', '每月', '每季度', '每半年', '原则上', '常态化', '进一步', '持续', '全面', '确保',
  '努力', '积极', '切实', '推进', '加快', '加强', '实现', '达到', '做到', '保持', '稳定', '推动', '促进', '均', '都', '分别', '共', '将', '要',
]);
// The phrase's last words when they only carry the comparison ("…满意率均", "…开办实现").
const TRAILING_FRAME = new Set(['需', '须', '应', '应当', '必须', '要求', '实现', '达到', '达', '做到', '确保', '保持', '稳定', '力争', '提高', '提升', '均', '都', '分别', '共', '合计', '累计', '为', '至', '到', '在', '将', '要', '的']);
const MODAL_WORDS = new Set(['要', '应', '应当', '将', '须', '必须']);
const BODY_END = new RegExp(`${BODY_NAME_END}$`);
const MEASURE_NOUN = /(?:率|量|额|数|度|时间|时限|时长|用时|比例|占比|规模|指数|面积|增幅|增速|费率)$/;
const MAX_METRIC = 40;
// Verbs that make the quantity itself (新增就业, 累计办件): part of the metric, never its frame.
const QUANTITY_VERBS = new Set(['新增', '累计', '新建', '新开工', '净增']);

/** jieba splits 整改率 as 整改/v 率/v: glue 率/量/额 to the word before, as one noun; and a year to its 年. */
function glueMeasureSuffixes(words: TaggedWord[]): TaggedWord[] {
  const out: TaggedWord[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev && /^(?:率|量|额|数)$/.test(w.word) && /[\u4e00-\u9fa5]$/.test(prev.word)) {
      out[out.length - 1] = { word: prev.word + w.word, tag: 'n' };
    // jieba splits "2024年" into 2024/m 年/m: one date, which frames the phrase ("2024年新建…充电桩").
    } else if (prev && prev.tag === 'm' && /^[0-9]+$/.test(prev.word) && /^[年月日]$/.test(w.word)) {
      out[out.length - 1] = { word: prev.word + w.word, tag: 'm' };
    } else out.push(w);
  }
  return out;
}

function isFrame(w: TaggedWord): boolean {
  if (w.word === '本') return false; // 本部门, 本级: "this" department is part of what is measured
  // jieba tags words it does not know (差评, 预填率) x like punctuation: only the latter frame.
  if (w.tag === 'x' && /[\u4e00-\u9fa5]/.test(w.word)) return false;
  // Numerals frame ("3", "一批"); 万人 (per ten thousand people) is part of 万人有效发明专利拥有量.
  if (w.tag === 'm' && !FRAME_WORDS.has(w.word)) return /^[0-9.%零〇一二两三四五六七八九十百千万亿第]+[年月日个项次批类张条款章节]?$/.test(w.word);
  return FRAME_WORDS.has(w.word) || FRAME_TAGS.test(w.tag) || /^[0-9.%]+$/.test(w.word);
}

/**
 * Trim framing words off both ends of a phrase, keeping the noun phrase in the middle. `governed`:
 * the phrase may open with the clause's governing verb (not so the later items of a list).
 */
function trimToNounPhrase(words: TaggedWord[], governed = true): TaggedWord[] {
  let ws = words.filter((w) => w.word.trim());
  // "政务部门应当每年对本部门政务数据目录…": after subject and verb, 对 names what is acted on.
  let objectMarker = -1;
  ws.forEach((w, i) => { if ((w.word === '对' || w.word === '向') && w.tag === 'p') objectMarker = i; });
  if (objectMarker > 0 && ws.slice(0, objectMarker).some((w) => w.tag === 'v')) ws = ws.slice(objectMarker + 1);
  // "市住建局要新增集中充电端口": the body told to act and its modal are not what is measured.
  const modal = ws.findIndex((w, i) => i > 0 && MODAL_WORDS.has(w.word) && ws.slice(0, i).some((b) => b.tag === 'nt' || BODY_END.test(b.word)));
  if (modal > 0 && modal < ws.length - 1) ws = ws.slice(modal + 1);
  // "到2025年县级…占比": the year the level is due by frames the phrase.
  if (ws.length > 2 && /^(?:到|至)$/.test(ws[0].word) && /^(?:19|20)[0-9]{2}年[底末]?$/.test(ws[1].word)) ws = ws.slice(2);
  for (;;) {
    const last = ws[ws.length - 1];
    if (!last) break;
    const closesQuote = /[”"》]$/.test(last.word);
    if (TRAILING_FRAME.has(last.word) || (isFrame(last) && !closesQuote && last.word !== '等')) { ws = ws.slice(0, -1); continue; }
    break;
  }
  // The clause's governing verb goes ("开展微访谈活动", "实现…覆盖率"); what follows is its object.
  // A serial pair of ordinary verbs goes together (推广应用, 组织开展), a framing verb alone
  // (实现 | 联合抽查覆盖率).
  let verbsDropped = 0;
  let lastDroppedWasFrame = false;
  for (;;) {
    const [first, second] = ws;
    if (!first) break;
    const isVerb = first.tag === 'v' || (FRAME_WORDS.has(first.word) && /^v/.test(first.tag));
    if (!isVerb) {
      if (isFrame(first) && !/^[“"《]/.test(first.word)) { ws = ws.slice(1); continue; }
      break;
    }
    if (!governed) break;
    const mayDrop = verbsDropped === 0 || (verbsDropped === 1 && !lastDroppedWasFrame);
    // An ordinary verb stays when it is the phrase's own (办理时限: one word follows), is
    // coordinated (评选和宣传活动), qualifies a prefix (低压/v 非/h 居民), makes the quantity
    // (新增就业) or names the process a rate or a time measures (投诉办结时间, 获得用水…总用时):
    // before a count noun it governs its object instead (开展|微访谈活动, 推广应用|工业机器人).
    const keeps = ws.length < 3 || !ws.slice(1).some((w) => NOUNISH.test(w.tag))
      || (second !== undefined && (/^(?:c|h)$/.test(second.tag) || second.word === '、'))
      || QUANTITY_VERBS.has(first.word) || MEASURE_NOUN.test(ws.map((w) => w.word).join(''));
    if (!mayDrop || (keeps && !FRAME_WORDS.has(first.word))) break;
    if (verbsDropped === 1 && !lastDroppedWasFrame && FRAME_WORDS.has(first.word)) break;
    lastDroppedWasFrame = FRAME_WORDS.has(first.word);
    verbsDropped++;
    ws = ws.slice(1);
  }
  return ws;
}

/** The words as one string; a phrase too long to be a metric keeps its last words (the head noun). */
function joinWords(ws: TaggedWord[]): string {
  let from = 0;
  while (ws.slice(from).reduce((n, w) => n + w.word.length, 0) > MAX_METRIC && from < ws.length - 1) from++;
  return ws.slice(from).map((w) => w.word).join('').replace(/^[、，,]+/, '');
}

/** Empty, or a lone verb left after trimming ("开展", "下降"): not a metric on its own. */
function isWeakPhrase(phrase: string): boolean {
  if (!phrase) return true;
  const words = tag(phrase);
  return words.length === 1 && !NOUNISH.test(words[0].tag);
}

/** The region's text without bracketed remarks: "用水报装时限（含施工审批）" → "用水报装时限". */
function withoutRemarks(s: string): string {
  let prev: string;
  do { prev = s; s = s.replace(/[（(][^（()）]*[）)]/g, ''); } while (s !== prev);
  return s.replace(/[（()）]/g, '');
}

/** The noun phrase of a region of text, or '' when it holds none. */
function nounPhrase(region: string): string {
  const text = withoutRemarks(region).trim();
  if (!/[\u4e00-\u9fa5]/.test(text)) return '';
  return joinWords(trimToNounPhrase(glueMeasureSuffixes(tag(text))));
}

/**
 * "免提交率、表单字段预填率均超过60%": the items of a coordinated subject (split at 、 and 和/及/与),
 * each trimmed. One item means no coordination.
 */
function coordinatedItems(region: string): string[] {
  const words = glueMeasureSuffixes(tag(withoutRemarks(region).trim()));
  const items: TaggedWord[][] = [[]];
  let quoteDepth = 0;
  for (const w of words) {
    if (/[“"《]/.test(w.word)) quoteDepth++;
    if (/[”"》]/.test(w.word)) quoteDepth = Math.max(0, quoteDepth - 1);
    if (quoteDepth === 0 && (w.word === '、' || (/^(?:和|及|与|以及)$/.test(w.word) && (w.tag === 'c' || w.tag === 'p')))) { items.push([]); continue; }
    items[items.length - 1].push(w);
  }
  // The clause's verb governs the first item only: "竣工验收阶段" keeps its 竣工.
  return items.map((ws, i) => joinWords(trimToNounPhrase(ws, i === 0))).filter(Boolean);
}

/**
 * "政府投资、社会投资和小型低风险项目审批时限分别压缩至95、60、15个工作日": the short items share
 * the head noun of the last one (项目审批时限) → 政府投资项目审批时限, 社会投资项目审批时限.
 */
function distributeHead(items: string[]): string[] {
  const last = items[items.length - 1];
  const words = glueMeasureSuffixes(tag(last));
  const head: TaggedWord[] = [];
  // Walk back over nouns; a noun right after an adjective belongs to the item's own modifier
  // (小型低/a 风险 | 项目审批时限).
  for (let i = words.length - 1; i > 0 && head.length < 3; i--) {
    if (!/^(?:n|nz|nt|vn|v|l|j)$/.test(words[i].tag) || /^(?:a|b)$/.test(words[i - 1].tag)) break;
    head.unshift(words[i]);
  }
  const headText = head.map((w) => w.word).join('');
  if (!headText || headText === last || !MEASURE_NOUN.test(headText)) return items;
  return items.map((item, i) => (i < items.length - 1 && !MEASURE_NOUN.test(item) ? withOverlap(item, headText) : item));
}

/** "一般登记" + "登记办理时间" → "一般登记办理时间": the item already ends with the head's first words. */
function withOverlap(item: string, head: string): string {
  for (let k = Math.min(item.length, head.length - 1); k > 0; k--) if (item.endsWith(head.slice(0, k))) return item + head.slice(k);
  return item + head;
}

// ---------------------------------------------------------------------------------------------
// Finding the targets of a text

const isClauseBoundary = charClass(CLAUSE_BOUNDARY);
const isOpenParen = charClass('（(');
const isCloseParen = charClass('）)');

/** The start of the clause that holds position `at` (after the last clause punctuation). */
function clauseStart(t: string, at: number, floor: number): number {
  let i = at;
  let depth = 0;
  while (i > floor) {
    const c = t.charCodeAt(i - 1);
    if (isCloseParen(c)) depth++;
    else if (isOpenParen(c)) { if (depth === 0) break; depth--; }
    else if (depth === 0 && isClauseBoundary(c)) break;
    i--;
  }
  return i;
}

const isSentenceEnd = charClass('。！？!?\n');

function sentenceStartOf(t: string, at: number): number {
  let a = at;
  while (a > 0 && !isSentenceEnd(t.charCodeAt(a - 1))) a--;
  return a;
}

/** The sentence (between 。！？ or line breaks) that holds a span. */
function sentenceAround(t: string, start: number, end: number): string {
  const a = sentenceStartOf(t, start);
  let b = end;
  while (b < t.length && !isSentenceEnd(t.charCodeAt(b))) b++;
  return t.slice(a, b);
}

const isPartEnd = charClass('。；;！？!?\n');

/** The part of a sentence (between 。；) that holds a span. */
function partAround(t: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !isPartEnd(t.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < t.length && !isPartEnd(t.charCodeAt(b))) b++;
  return t.slice(a, b);
}

function clauseEnd(t: string, from: number): number {
  let i = from;
  while (i < t.length && !isClauseBoundary(t.charCodeAt(i)) && !isOpenParen(t.charCodeAt(i))) i++;
  return i;
}

interface Found {
  start: number;
  end: number;
  quantity: Quantity;
  comparator: Comparator;
  /** Where the comparator word starts (the number's start when there is none). */
  comparatorStart: number;
  /** The count follows its verb ("培育1-2家县级示范出口企业"): the metric is printed after it. */
  metricAfter: boolean;
  /** A 、-list of quantities ("50万元、100万元") continues the previous one's comparison. */
  continues: boolean;
  /** "压缩简易注销公告时间为20天": the measured phrase sits between the verb and 为/至. */
  subject?: [number, number];
  /** "至少报送3条工作动态": the verb between comparator and number joins the metric. */
  verb?: string;
  /** "对新增“小升规”企业，一次性奖励企业2万元补助": a grant, measured for its recipient. */
  grant?: string;
  /** "千兆到苏木乡镇（街道）": what a bandwidth reaches is what it measures. */
  reaches?: string;
}

interface PrefixComparator {
  comparator: Comparator;
  start: number;
  subject?: [number, number];
  verb?: string;
}

// One-character comparators that are the end of another word: 签约12个, 送达3份, 最近3年.
const NOT_A_COMPARATOR = /(?:签约|预约|合约|节约|制约|公约|条约|违约|履约|特约|集约|如约|到达|抵达|下达|传达|送达|直达|表达|转达|最近|附近|就近|邻近)$/;

// PREFIX_COMPARATORS by their last character, in the same (longest first) order: only the words
// that end with the character before the number can end the text before it.
const PREFIX_COMPARATORS_BY_LAST = new Map<string, [string, Comparator][]>();
for (const entry of PREFIX_COMPARATORS) {
  const last = entry[0].slice(-1);
  const list = PREFIX_COMPARATORS_BY_LAST.get(last);
  if (list) list.push(entry);
  else PREFIX_COMPARATORS_BY_LAST.set(last, [entry]);
}

function prefixComparator(t: string, q: Quantity): PrefixComparator | null {
  const before = t.slice(Math.max(0, q.start - 6), q.start);
  for (const [word, comparator] of PREFIX_COMPARATORS_BY_LAST.get(before.slice(-1)) ?? []) {
    if (!before.endsWith(word)) continue;
    if (NOT_A_COMPARATOR.test(before)) return null;
    if (word === '近' && q.unit === '年') return null; // 近两年: the past two years
    return { comparator, start: q.start - word.length };
  }
  // 至少报送3条, 至少刊播一期: a comparator, then one verb, then the number.
  // Only minimums: "最多跑一次" is a slogan, not a ceiling on visits.
  const verbBetween = /(不少于|不低于|至少|最少)([\u4e00-\u9fa5]{1,6})$/.exec(t.slice(Math.max(0, q.start - 10), q.start));
  if (verbBetween) {
    // One verb, maybe after adverbs: 至少报送3条, 至少全面核查一次.
    const words = tag(verbBetween[2]);
    const lastWord = words[words.length - 1];
    if (lastWord?.tag.startsWith('v') && words.slice(0, -1).every((w) => FRAME_WORDS.has(w.word) || /^(?:d|ad|a)$/.test(w.tag))) {
      const word = verbBetween[1];
      const comparator = PREFIX_COMPARATORS.find(([w]) => w === word)![1];
      return { comparator, start: q.start - verbBetween[0].length, verb: verbBetween[2] };
    }
  }
  return null;
}

const isBareDirection = charClass('为至到');

function directionOfBareVerb(t: string, q: Quantity, floor: number): PrefixComparator | null {
  if (!isBareDirection(t.charCodeAt(q.start - 1))) return null; // 为/至/到 right before the number
  const from = clauseStart(t, q.start, floor);
  const region = t.slice(from, q.start - 1);
  const directions: [RegExp, Comparator][] = [...DIRECTION_VERBS, [SPEED_UP, TIME_UNIT.test(q.unit) ? '<=' : '>=']];
  for (const [verb, comparator] of directions) {
    const m = verb.exec(region);
    if (m) return { comparator, start: from + m.index, subject: [from + m.index + m[0].length, q.start - 1] };
  }
  return null;
}

// Verbs jieba tags as nouns ("面向/n 1万名专业技术人才").
const MISTAGGED_VERBS = new Set(['面向']);

/**
 * The count follows its verb: "培育1-2家", "开展1次", maybe after a time phrase
 * ("完成信息平台上线前15项业务编码贯标").
 */
function verbJustBefore(t: string, at: number, floor: number): boolean {
  const region = t.slice(clauseStart(t, at, floor), at);
  const words = tag(region);
  let end = words.length;
  if (end > 0 && /^(?:前|后)$/.test(words[end - 1].word) && words[end - 1].tag === 'f') {
    // "上线前": the time phrase's nouns (jieba tags 上线 n) back to the verb that governs the count.
    end--;
    let nouns = 0;
    while (end > 0 && nouns < 4 && /^(?:n|nz|vn|l|j)$/.test(words[end - 1].tag) && !MISTAGGED_VERBS.has(words[end - 1].word)) { end--; nouns++; }
    if (nouns === 0) return false;
  }
  const last = words[end - 1];
  // jieba tags some verbs of this kind vn (培育/vn).
  return last !== undefined && (/^vn?$/.test(last.tag) || MISTAGGED_VERBS.has(last.word));
}

/**
 * Is `at` inside a bracketed remark that closes later in the text? List markers ("(1)") close at
 * once and hold no quantity; a responsibility phrase holds none either.
 */
function insideRemark(t: string, at: number): boolean {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = t.charCodeAt(i);
    if (isCloseParen(c)) depth++;
    else if (isOpenParen(c)) {
      if (depth === 0) return closesBeforeSentenceEnd(t, at);
      depth--;
    } else if (isRemarkEnd(c)) return false;
  }
  return false;
}

const isRemarkEnd = charClass('。\n');

/** A closing bracket before the end of the sentence (how far a remark opened before `at` may run). */
function closesBeforeSentenceEnd(t: string, at: number): boolean {
  for (let i = at; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (isRemarkEnd(c)) return false;
    if (isCloseParen(c)) return true;
  }
  return false;
}

// Where a quantity may start; a digit or a point before it means it started earlier.
const isQuantityStart = charClass('0123456789百零〇○一二两三四五六七八九十千万半翻');
const isDigitOrPoint = (c: number) => (c >= 48 && c <= 57) || c === 46;
const isListJoin = charClass('、和及');

/** Find the quantities of a text and decide which are targets and how they compare. */
function findQuantities(t: string): Found[] {
  const masked = quotedPositions(t);
  const report = isReport(t);
  const out: Found[] = [];
  let rejectedEnd = -1;
  let i = 0;
  while (i < t.length) {
    if (!isQuantityStart(t.charCodeAt(i)) || masked[i] || (i > 0 && isDigitOrPoint(t.charCodeAt(i - 1)))) { i++; continue; }
    const q = readQuantity(t, i);
    if (!q) { i++; continue; }
    // The next item of a list whose first item is not a target is not one either ("增长48%、5.8%").
    const afterRejected = rejectedEnd === q.start - 1 && isListJoin(t.charCodeAt(q.start - 1));
    const found = afterRejected ? null : judge(t, q, out[out.length - 1] ?? null, report);
    if (found) { out.push(found); i = q.end; } else {
      if (!q.chinese) rejectedEnd = q.end;
      i = Math.max(i + 1, q.chinese ? i + 1 : q.end);
    }
  }
  return out;
}

/**
 * The words after a quantity start with a noun, maybe after modifiers: "长期/d 未结/v 案件/n" (the
 * noun a duration qualifies), not a verb ("通知企业") or a completion ("办结").
 */
function nounFollows(rest: string): boolean {
  if (!/^[\u4e00-\u9fa5]/.test(rest) || COMPLETION.test(rest)) return false;
  for (const w of tag(rest.slice(0, 12))) {
    if (/^(?:n|nz|nr|ns|nt|l)$/.test(w.tag)) return true;
    if (/^(?:d|a|ad|b|vn)$/.test(w.tag) || /^[未不无]/.test(w.word)) continue;
    return false;
  }
  return false;
}

/**
 * A bandwidth is a floor: "达到万兆到旗县区、千兆到苏木乡镇（街道）", "20兆进牧户", "出口扩容至5G".
 * Without a comparator word or a place it reaches it names a technology (5G基站, 千兆光网, 千兆升级).
 */
function bandwidthTarget(t: string, q: Quantity, prefix: PrefixComparator | null, previous: Found | null): Found | null {
  const reaches = /^(?:到|进|入)[\u4e00-\u9fa5]/.test(t.slice(q.end));
  // After a comparator the bandwidth ends its phrase ("扩容至5G。"); "达到5G标准" names a technology.
  const ends = /^(?:[，。；;、,）)\n]|$|带宽|以上|及以上)/.test(t.slice(q.end));
  if (!(prefix && ends) && !reaches) return null;
  let end = q.end;
  // The place reached is part of the printed target ("千兆到苏木乡镇（街道）") and its metric.
  if (reaches) while (end < t.length && !/[、，。；;,\n的]/.test(t[end])) end++;
  const place = reaches ? t.slice(q.end + 1, end).trim() : undefined;
  const continues = previous !== null && previous.end === q.start - 1 && isListJoin(t.charCodeAt(q.start - 1));
  const start = prefix?.start ?? q.start;
  return {
    start, end, quantity: q, comparatorStart: start, metricAfter: false, continues,
    subject: prefix?.subject, verb: prefix?.verb, comparator: prefix?.comparator ?? '>=', reaches: place,
  };
}

/** Is this quantity a target, and with which comparator? */
function judge(t: string, q: Quantity, previous: Found | null, report: boolean): Found | null {
  const floor = previous ? previous.end : 0;
  const before = t.slice(Math.max(0, q.start - 4), q.start);
  if (NOT_A_QUANTITY_BEFORE.test(before)) return null;
  // "每招用1名高校毕业生，给予1500元补助", "每投资1亿元": the base a grant is paid per, not a level.
  if (PER_BASE.test(t.slice(Math.max(0, q.start - 8), q.start))) return null;
  if (/前$/.test(before) && !/提前$/.test(before) && (TOP_N.test(t.slice(0, q.start)) || /^[名位强]/.test(q.unit))) return null;
  if (APPROXIMATE_SUFFIX.has(q.suffix) || /近$/.test(before)) return null;
  // "新增2400户（累计约3600户）": a remark opened right after a target gives a second figure of
  // the same metric. Other remarks in brackets qualify what is before them
  // ("大型公共建筑（单体建筑面积2万平方米以上）"); they set no level of their own.
  const secondFigure = previous !== null && /^[（(](?:累计|合计|总计|共计|共|总量|总数|全年)?(?:约|大约|达到|达|超过|不少于)?$/.test(t.slice(previous.end, q.start));
  if (!secondFigure && insideRemark(t, q.start)) return null;
  // "投入运行1年以上，可以申报", "超过五个工作日不答复也不说明理由的，": the condition of a
  // permission or of a sanction, not a level to reach.
  if (/^[，,](?:可以|可|方可|即可)/.test(t.slice(clauseEnd(t, q.end))) || /的$/.test(t.slice(q.end, clauseEnd(t, q.end)))) return null;
  // "处1万元以上3万元以下罚款", "并处…罚金": a sanction's amount is what a breach costs, not a level to reach.
  if (SANCTION.test(t.slice(clauseStart(t, q.start, floor), clauseEnd(t, q.end)))) return null;
  // "自收到申请之日起五个工作日内": a time limit counted from an event is the task's relative
  // deadline (findDeadlineInText), not also a target.
  if (TIME_UNIT.test(q.unit) && /内$/.test(q.suffix) && isEventAnchored(t.slice(sentenceStartOf(t, q.start), q.start))) return null;
  // "日常监测（60%）+实地调研（20%）": a bracketed bare quantity is a weight or a remark.
  if (/[（(]$/.test(before) && /^[）)]/.test(t.slice(q.end))) return null;
  // Chinese numerals inside words (一站式, 一次性, 四个一, 千企) are not quantities.
  if (q.chinese && /^[一两二三四五六七八九十]?[性化式体级手]/.test(t.slice(q.end - q.suffix.length))) return null;
  // "对5件12个月以上长期未结案件": a duration with 以上 before the noun it qualifies is a criterion.
  if (TIME_UNIT.test(q.unit) && /以上$/.test(q.suffix) && nounFollows(t.slice(q.end, clauseEnd(t, q.end)))) return null;
  const prefix = prefixComparator(t, q) ?? directionOfBareVerb(t, q, floor);
  if (q.bandwidth) return bandwidthTarget(t, q, prefix, previous);
  // "150米内的燃气外线工程" sets a scope; a bare 内 is a ceiling only on time ("15日内").
  const suffixComparator = q.suffix && !(q.suffix === '内' && !TIME_UNIT.test(q.unit)) ? SUFFIX_COMPARATOR[q.suffix] : undefined;
  // 、 (or 和/及) after the previous target: "分别达到98.47%、93.89%", "50万元、100万元", "20%和10%".
  const continues = previous !== null && previous.end === q.start - 1 && isListJoin(t.charCodeAt(q.start - 1));
  if (isDateLike(t, q, Boolean(prefix || (suffixComparator && q.suffix !== '内')))) return null;
  // "15万平方米以上的住宅小区", "投资1000万元及以上的": an amount qualifying a noun is a criterion.
  // A share is different: "90%以上的事项实现全程网办" sets a level.
  // "对研发费用增长20%以上的企业给予奖补": a share qualifying who is granted is a criterion too.
  if (q.unit === '%' && /^的(?!比例|标准|额度)[\u4e00-\u9fa5]/.test(t.slice(q.end)) && grants(partAround(t, q.end, q.end))) return null;
  // "按每人每月200元的标准发放补贴" is a rate, not a criterion.
  const rateOfGrant = /^的(?:补助|补贴)?(?:标准|比例|额度)([^，,；;。]*)/.exec(t.slice(q.end));
  if (q.unit !== '%' && /^的/.test(t.slice(q.end)) && !(rateOfGrant && (grants(rateOfGrant[1]) || /发放/.test(rateOfGrant[1])))) return null;
  // "每月至少报送3条工作动态和一篇综合性文章": a count coordinated with the previous count's
  // object shares its comparator word.
  // So does a count of the same unit after 、 in a list of objects of one verb: "选拔100名正职后备人才、
  // 200名副职后备人才".
  const between = previous !== null ? t.slice(previous.end, q.start) : '';
  const coordinated = previous !== null && !prefix && !suffixComparator
    && COUNTING_UNIT.test(q.unit) && COUNTING_UNIT.test(previous.quantity.unit)
    && ((previous.comparator !== '=' && /^[\u4e00-\u9fa5“”"]{1,12}(?:和|及|以及|与)$/.test(between))
      || (q.unit === previous.quantity.unit && /^[\u4e00-\u9fa5“”"]{1,16}、$/.test(between)));
  // "达到一次投入": a Chinese numeral read into the words after it is an idiom (一次投入, 一次性).
  if (!coordinated && q.chinese && !prefix?.verb && /^[\u4e00-\u9fa5]/.test(t.slice(q.end)) && !COMPLETION.test(t.slice(q.end))
    && q.values[0].value === 1) return null;
  const base = {
    start: prefix?.start ?? q.start, end: q.end, quantity: q, comparatorStart: prefix?.start ?? q.start,
    metricAfter: secondFigure ? previous!.metricAfter : false, continues: continues || secondFigure,
    subject: prefix?.subject, verb: prefix?.verb,
  };
  if (coordinated) return { ...base, comparator: previous!.comparator, metricAfter: true };
  if (suffixComparator) return { ...base, comparator: suffixComparator };
  if (prefix) return { ...base, comparator: prefix.comparator };
  if (continues) return { ...base, comparator: previous!.comparator, metricAfter: previous!.metricAfter };
  if (secondFigure) return { ...base, comparator: previous!.comparator };
  // A remark right after the quantity does not separate it from what follows:
  // "新增2400户（累计约3600户）大中型餐饮单位".
  const after = t.slice(q.end).replace(/^[（(][^（()）]*[）)]/, '');
  const remarkLength = t.length - q.end - after.length;
  // "3小时办结", "半天办结", "4个工作日办结": a time to finish within is a ceiling — a service
  // standard, read like a comparator word (also where a report states it: "保持…半天办结常态化").
  const finished = q.chinese ? null : COMPLETION.exec(after); // 二期完成 is a project phase
  if (finished && TIME_UNIT.test(q.unit)) return { ...base, end: q.end + remarkLength + finished[0].length, comparator: '<=' };
  // No comparator word from here on.
  if (REPORTING_SENTENCE.test(sentenceAround(t, q.start, q.end))) return null;
  if (report && !PLAN_SENTENCE.test(partAround(t, q.start, q.end))) return null;
  if (q.doubling) return { ...base, comparator: '>=' };
  // In a plan's measure ("规上工业增加值增长8%", "万元GDP能耗下降3%") the change is the target; in a
  // text that reports ("分别增长48%") it is not.
  const rate = q.unit === '%' || /百分点$/.test(q.unit);
  if (rate && CHANGE_VERB_BEFORE.test(before) && (report || /分别$/.test(before.slice(0, -2)) || !CLAUSE_END.test(after))) return null;
  const grantClause = t.slice(clauseStart(t, q.start, floor), q.start);
  let grantAfter = t.slice(q.end, clauseEnd(t, q.end));
  // "按该款产品…合同金额的30%，给予一次性奖补": the grant is the next clause.
  if (!grantAfter && /^[，,](?:给予|予以)/.test(t.slice(q.end))) grantAfter = t.slice(q.end + 1, clauseEnd(t, q.end + 1));
  // The grant noun, or '' for money given (给予) without one.
  const grant = (GRANT.exec(grantClause) ?? GRANT.exec(grantAfter))?.[0] ?? (GIVE.test(grantClause) ? '' : undefined);
  // A grant: its amount ("一次性奖励企业5万元补助") or its share ("按项目设备购置额的10%给予奖补",
  // "按不超过项目投资额30%的比例给予") is the measure.
  if (grant !== undefined && (/元(?:\/|$)/.test(q.unit) || q.unit === '%')) {
    // "最高给予5000万元资助", "按不超过投资额30%的比例": a cap; "营业收入最高的企业" is not one.
    const ceiling = /(?:不超过|不高于|最高(?!的))[^，,；;。]*$/.test(grantClause);
    return { ...base, comparator: ceiling ? '<=' : '=', grant };
  }
  // "首年关税为零的2034种", "占总额的82.78%": a part of something named before it.
  if (/的$/.test(before)) return null;
  // "全市90%的重点领域市场主体纳入平台": a share of what follows.
  if (q.unit === '%' && /^的[\u4e00-\u9fa5]/.test(t.slice(q.end))) return { ...base, comparator: '>=', metricAfter: true };
  // "一次" alone is an idiom far more often than a count (一次告知, 跑一次).
  if (q.chinese && q.values.length === 1 && q.values[0].value === 1) return null;
  // A share, or a change of one ("提高2个百分点"), is a floor.
  const bareComparator: Comparator = q.unit === '%' || (rate && CHANGE_VERB_BEFORE.test(before)) ? '>=' : '=';
  // "100%完成": a share reached.
  if (finished) return { ...base, end: q.end + remarkLength + finished[0].length, comparator: bareComparator };
  if (CLAUSE_END.test(after)) return { ...base, comparator: bareComparator };
  // "培育1-2家县级示范出口企业", "每年开展1次“纳税10强企业”评选活动": a count right after its verb.
  if (!q.chinese && COUNTING_UNIT.test(q.unit) && !TIME_UNIT.test(q.unit) && /^[\u4e00-\u9fa5“"]/.test(after)
    && !/^(?:不|以|的|之|前|后|内|时|起|左右)/.test(after) && (forBeneficiaries(t, q.start, after) || verbJustBefore(t, q.start, floor))) {
    return { ...base, comparator: '=', metricAfter: true };
  }
  return null;
}

/** "为3000户困难家庭实施适老化改造", "向500家企业发放消费券": the count of those the work is for. */
function forBeneficiaries(t: string, start: number, after: string): boolean {
  return /(?:(?<![成作认视称])为|向)(?:全[省市县区]|辖区)?$/.test(t.slice(Math.max(0, start - 4), start))
    && /^[\u4e00-\u9fa5“"]{2,24}?(?:实施|提供|发放|开展|安装|配备|配送|免费|落实|办理|兑现)/.test(after);
}

const isPhraseQuoteOpen = charClass('“《');
const isPhraseQuoteClose = charClass('”》');
const ASCII_QUOTE = 34;
const LIST_COMMA = 0x3001; // 、

/** The noun phrase printed right after a quantity, up to the clause's end or the next list item. */
function phraseAfter(t: string, from: number): string {
  // "2400户（累计约3600户）大中型餐饮单位": past a remark that closes the quantity.
  const remark = /^[（(][^（()）]*[）)]/.exec(t.slice(from));
  if (remark) from += remark[0].length;
  const end = clauseEnd(t, from);
  let stop = from;
  let quoted = false;
  for (; stop < end; stop++) {
    const c = t.charCodeAt(stop);
    if (isPhraseQuoteOpen(c)) quoted = true;
    else if (isPhraseQuoteClose(c) || (c === ASCII_QUOTE && quoted)) quoted = false;
    else if (c === ASCII_QUOTE) quoted = true;
    else if (!quoted && (c === LIST_COMMA || (c >= 48 && c <= 57))) break;
  }
  return nounPhrase(t.slice(from, stop));
}

/** The metric of one found quantity (or of a chain of them: "分别达到98.47%、93.89%"). */
function metricsOf(t: string, chain: Found[], floor: number): string[] {
  const head = chain[0];
  const last = chain[chain.length - 1];
  const count = chain.reduce((n, f) => n + f.quantity.values.length, 0);
  const all = (phrase: string) => new Array<string>(count).fill(phrase);
  if (chain.every((f) => f.reaches)) return chain.map((f) => f.reaches!);
  if (head.metricAfter) return all(phraseAfter(t, last.end));
  // "压缩简易注销公告时间为20天"; when nothing is printed between verb and number
  // ("…出口扩容至5G", "时长由22天提速至11天"), the phrase before the verb.
  const subject = head.subject ? nounPhrase(t.slice(head.subject[0], head.subject[1])) : '';
  if (subject) return all(subject);
  if (head.grant !== undefined) {
    // A rate: "按每人每月200元的标准发放补贴", "补贴标准为每平方米100元" → 每人每月补贴, 每平方米补贴.
    const per = /(?:每[\u4e00-\u9fa5]{1,3}?)+$/.exec(t.slice(clauseStart(t, head.comparatorStart, floor), head.comparatorStart));
    const grantWord = GRANT.exec(t.slice(sentenceStartOf(t, head.comparatorStart), clauseEnd(t, last.end)))?.[0];
    if (per && grantWord) return all(per[0].endsWith(grantWord) ? per[0] : per[0] + grantWord);
    // "每招用1名高校毕业生，给予1500元补助" → 每招用1名高校毕业生补助: the base it is paid per.
    const base = PER_BASE_PHRASE.exec(t.slice(sentenceStartOf(t, head.comparatorStart), head.comparatorStart).replace(GRANT_VERBS_AT_END, ''));
    if (base && grantWord && PER_BASE.test(base[0].slice(0, base[0].search(/[0-9一两二三四五六七八九十]/)))) return all(base[0] + grantWord);
    // "按照300元/平方米的标准给予补贴": the grant word.
    if (grantWord && /^的(?:补助|补贴|奖补|奖励)?标准/.test(t.slice(last.end))) return all(grantWord);
    // The recipient is the last "对…，" clause of the sentence, the grant the first grant word
    // after it: "对新增“小升规”企业，一次性奖励企业2万元补助" → 新增“小升规”企业奖励.
    const from = sentenceStartOf(t, head.comparatorStart);
    const span = t.slice(from, head.comparatorStart);
    // The recipient clause holds no amount and no grant of its own: "对首次认定的企业给予20万元，对重新认定的
    // 给予10万元" gives the second amount to 重新认定的, not to the whole first clause.
    const recipients = [...span.matchAll(/(?:^|[，,；;])对((?:(?!给予|予以)[^，,；;])+?)(?:[，,]|(?=(?:一次性|分别)?(?:给予|予以)))/g)];
    const lastRecipient = recipients[recipients.length - 1];
    if (lastRecipient) {
      const recipient = nounPhrase(lastRecipient[1]);
      const grantWord = GRANT.exec(span.slice(lastRecipient.index! + lastRecipient[0].length))?.[0] ?? head.grant;
      if (recipient) return all(recipient + grantWord);
    }
  }
  const start = clauseStart(t, head.comparatorStart, floor);
  let region = t.slice(start, head.comparatorStart);
  // "…1.5个工作日以内办结、企业简易注销1个工作日内办结": after a target in the same clause,
  // only the last list item is this one's subject.
  if (start === floor && floor > 0) region = region.slice(region.lastIndexOf('、') + 1);
  // "将“个转企”办结时限由3个工作日压缩至1个工作日": what 将/把 takes, without its starting value.
  region = region.replace(/(?:由|从)[^由从]*[0-9][^由从]*$/, '');
  const taken = /(?<!即)[将把](?![来握关])([^将把]+)$/.exec(region);
  if (taken) region = taken[1];
  if (head.verb) {
    // "各牵头单位每月至少报送3条工作动态" → 牵头单位报送工作动态
    return all(joinWords(tag(nounPhrase(region) + head.verb + phraseAfter(t, last.end))));
  }
  const items = /(?:均|都|分别|全部|各)$/.test(withoutRemarks(region).trim()) ? coordinatedItems(region) : [];
  if (items.length > 1) {
    if (items.length === count) return distributeHead(items);
    if (count === 1) return items; // one number shared by several metrics: one target per metric
  }
  // The phrase before the number; else the one after it ("500家以上企业领取", "开展三次以上督查");
  // else the previous clause ("定期召开工作调度会议，每月至少1次") — the first that holds a noun.
  const before = nounPhrase(region);
  const after = phraseAfter(t, last.end);
  const previousClause = start > floor ? nounPhrase(t.slice(clauseStart(t, start - 1, floor), start - 1)) : '';
  const phrase = [before, after, previousClause].find((p) => !isWeakPhrase(p)) ?? (before || after);
  return all(phrase);
}

/**
 * Every target stated in a task's text, in printed order. `raw` is the printed phrase (comparator,
 * number, unit, suffix); a number shared by several metrics gives one target per metric, and a
 * 、-list of numbers ("分别压缩至95、60、15个工作日内") gives one target per number.
 */
/**
 * "到2024年底，覆盖率达到85%；到2025年底，达到95%以上": a milestone that names no metric measures the one
 * before it in the sentence, when the unit is the same.
 */
function metricCarriedOver(t: string, previous: Target | undefined, previousEnd: number, start: number, unit: string): string | null {
  if (!previous?.metric || previous.unit !== unit || previousEnd < 0) return null;
  return /[。！？!?\n]/.test(t.slice(previousEnd, start)) ? null : previous.metric;
}

export function findTargets(text: string): Target[] {
  const t = toHalfWidth(text); // one character for one, so spans slice the printed text
  const found = findQuantities(t);
  const targets: Target[] = [];
  let floor = 0;
  let previousEnd = -1;
  for (let i = 0; i < found.length;) {
    // A chain: this quantity and the ones that continue it after 、.
    let j = i + 1;
    while (j < found.length && found[j].continues) j++;
    const chain = found.slice(i, j);
    const metrics = metricsOf(t, chain, floor);
    const shared = chain.length === 1 && chain[0].quantity.values.length === 1 && metrics.length > 1;
    let k = 0;
    for (const f of chain) {
      const raw = text.slice(f.start, f.end);
      const unit = f.quantity.unit;
      const values = shared ? metrics.map(() => f.quantity.values[0]) : f.quantity.values;
      for (const v of values) {
        targets.push({ raw, metric: metrics[k] || metricCarriedOver(t, targets[targets.length - 1], previousEnd, f.start, unit), comparator: f.comparator, value: v.value, valueMax: v.valueMax, unit });
        k++;
      }
      previousEnd = f.end;
    }
    floor = chain[chain.length - 1].end;
    i = j;
  }
  return targets;
}
