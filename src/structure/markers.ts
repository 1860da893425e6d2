// Outline markers of 公文: 第一章 > 一、 > （一） > 1. > （1） > ①, plus 第一条 clauses
// and 一是/二是 enumerations. Each kind has a rank; levels are assigned from the
// kinds actually open in a document, so a plan that starts at （一） still gets level 1.

import { chineseToNumber } from '../extract/numerals.js';

export type MarkerKind = 'chapter' | 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic' | 'circled' | 'article' | 'enum';

export interface Marker {
  kind: MarkerKind;
  /** As printed, without trailing punctuation: "一", "（一）", "1", "(1)", "第二条", "一是". */
  number: string;
  /** Numeric value, for sequence checks. */
  value: number;
  /** The whole marker as printed, including its punctuation ("一、", "1. "). */
  raw: string;
  rest: string;
}

export const MARKER_RANK: Record<MarkerKind, number> = {
  // A clause (第N条) sits under a chapter and holds its own （一）… items.
  chapter: 0, article: 1, cn: 2, 'paren-cn': 3, arabic: 4, 'paren-arabic': 5, circled: 6, enum: 7,
};

const CN = '[一二三四五六七八九十百零〇]+';
const PATTERNS: [MarkerKind, RegExp][] = [
  ['chapter', new RegExp(`^(第(${CN})[章节部分篇])\\s*`)],
  ['article', new RegExp(`^(第(${CN})条)[：:\\s、]*`)],
  ['enum', new RegExp(`^((${CN})是)[，,：:]?`)],
  // "第一阶段：动员部署（2024年3月1日—3月31日）。…": the phases of a campaign's 时间安排, items like 一是/二是.
  ['enum', new RegExp(`^(第(${CN})阶段)[：:，,、\\s]*`)],
  ['cn', new RegExp(`^((${CN})[、．.])\\s*`)],
  ['paren-cn', new RegExp(`^([（(](${CN})[）)])[、．.]?\\s*`)],
  // 1. 1、 1． 1﹒ 1 (space) — but not a year ("2022年") or a number that begins a sentence.
  ['arabic', /^((\d{1,3})(?:[.．、﹒](?!\d)|\s+(?=[\u4e00-\u9fa5“"《【（(])))\s*/],
  ['paren-arabic', /^([（(](\d{1,3})[）)])[、．.]?\s*/],
  ['circled', /^(([①-⑳]))\s*/],
];

export function parseMarker(text: string): Marker | null {
  for (const [kind, re] of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    const rest = text.slice(m[0].length);
    if (!rest.trim()) return null;
    const digits = m[2];
    const value = kind === 'circled' ? digits.charCodeAt(0) - 0x245f : /\d/.test(digits) ? Number(digits) : chineseToNumber(digits) ?? 0;
    const number = kind === 'cn' || kind === 'arabic' ? digits : m[1].replace(/[、．.]$/, '');
    return { kind, number: number.trim(), value, raw: m[0], rest };
  }
  return null;
}

/**
 * "11.121人才梯队项目。": out of context a digit after the dot reads as a decimal (1.5亿元), so
 * parseMarker refuses it; when the number is the next one of the list being read, it is that
 * item's marker.
 */
export function parseSequelMarker(text: string, expected: number): Marker | null {
  const m = /^((\d{1,3})[.．﹒])(?=\d+[\u4e00-\u9fa5“"《（(])/.exec(text);
  if (!m || Number(m[2]) !== expected) return null;
  return { kind: 'arabic', number: m[2], value: expected, raw: m[1], rest: text.slice(m[1].length) };
}
