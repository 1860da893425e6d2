import { codePointLength } from '../extract/chars.js';
import type { Block, Paragraph } from '../read/types.js';
import { isLabelLine } from '../read/labelLines.js';
import { parseMarker } from './markers.js';

// Lines broken inside a sentence (PDF conversions, hard-wrapped text) are joined
// back into one paragraph. A line is joined to the next when it stops mid-sentence
// and the next line does not start a new numbered item or a label line.

const SENTENCE_END = /[。！？；;：:）)\]】”」』"》]$|[。！？]\S{0,2}$/;

export interface HealedParagraph extends Paragraph {
  /** Lines the paragraph was joined from. */
  lines: number[];
  /** Blank lines between this paragraph and the text before it (articles of a compilation are set apart). */
  gapBefore: number;
}

export function healParagraphs(blocks: Block[]): (HealedParagraph | Extract<Block, { kind: 'table' }>)[] {
  const out: (HealedParagraph | Extract<Block, { kind: 'table' }>)[] = [];
  let cur: HealedParagraph | null = null;
  let lastLine = 0;
  for (const b of blocks) {
    if (b.kind === 'table') { cur = null; out.push(b); lastLine = lastTableLine(b); continue; }
    const gapBefore = Math.max(0, b.line - lastLine - 1);
    lastLine = b.line;
    const text = stripArtefacts(b.text);
    if (!text) continue;
    if (cur && gapBefore < 2 && shouldJoin(cur.text, text)) {
      cur.text = joinText(cur.text, text);
      cur.lines.push(b.line);
      continue;
    }
    const chapterParts = splitChapterLine(text);
    const items = chapterParts.length === 1 ? splitEnumerations(text) : chapterParts.flatMap(splitEnumerations);
    const parts = items.length === 1 ? splitInlineLabels(items[0]) : items.flatMap(splitInlineLabels);
    for (let k = 0; k < parts.length; k++) {
      cur = { kind: 'para', text: parts[k], line: b.line, page: b.page, lines: [b.line], gapBefore: k === 0 ? gapBefore : 0 };
      out.push(cur);
    }
  }
  return out;
}

function lastTableLine(t: Extract<Block, { kind: 'table' }>): number {
  let max = t.line;
  for (const r of t.rows) for (const c of r) if (c.line > max) max = c.line;
  return max;
}

const ENUM_START = /(?<=[。；;！？，,：:])\s*(?=[一二三四五六七八九十]{1,2}是)/g;

/**
 * "…。一是…。二是…" written in one paragraph: each enumerated item becomes a
 * paragraph of its own (same line), so it can be a task like a line-initial one.
 */
export function splitEnumerations(text: string): string[] {
  if (!/一是/.test(text) || !/二是/.test(text)) return [text];
  const parts = text.split(ENUM_START).map((p) => p.trim()).filter(Boolean);
  const items = parts.filter((p) => /^[一二三四五六七八九十]{1,2}是/.test(p));
  if (items.length < 2 || !items[0].startsWith('一是')) return [text];
  return parts;
}

function shouldJoin(prev: string, next: string): boolean {
  if (SENTENCE_END.test(prev)) return false;
  // A tab separates fields (a contents line and its page number), not words of a sentence.
  if (prev.includes('\t') || next.includes('\t') || /^目\s*录$/.test(prev)) return false;
  if (parseMarker(next) || isLabelLine(next) || isLabelLine(prev)) return false;
  // A line that stops on a comma goes on; so does a long line of prose (it has clause
  // punctuation) that stops mid-sentence. A short line without punctuation is a heading.
  if (/[，、,：:（(“‘《—]$/.test(prev)) return true;
  return codePointLength(prev) >= 26 && /[，。；,]/.test(prev);
}

function joinText(a: string, b: string): string {
  return /[A-Za-z0-9,.]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

// CJK characters and full-width punctuation: a space next to one is layout, not a word break.
const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef“”‘’《》〔〕【】';
const LAYOUT_SPACE = new RegExp(`(?<=[${CJK}]) +| +(?=[${CJK}])`, 'g');
// …except the space that ends a leading number ("1 加强…"): it is what makes it a marker.
const MARKER_BEFORE = /^\s*(?:\d{1,3}[.．、﹒]?|[（(]?[一二三四五六七八九十\d]{1,3}[）)、．.])$/;

/** Conversion artefacts that are not document text, and spaces that are only layout. */
export function stripArtefacts(text: string, opts: { keepSpaces?: boolean } = {}): string {
  // Each pattern needs a literal that most lines lack: test for it before running the pattern.
  let t = text;
  if (!opts.keepSpaces && t.includes(' ')) t = t.replace(LAYOUT_SPACE, (sp, at: number, all: string) => (MARKER_BEFORE.test(all.slice(0, at)) ? sp : ''));
  if (t.includes('[bookmark: ')) t = t.replace(/\[bookmark: [^\]]*\]/g, '');
  if (t.includes('##paid')) t = t.replace(/##paid(?:begin|end)##/g, '');
  if (t.includes('**')) t = t.replace(/\*\*(.+?)\*\*/g, '$1').replace(/\*\*/g, '');
  return t.trim();
}

const INLINE_LABEL = /(?<=[。；;])\s*(?=(?:牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|完成时限|完成时间|时间节点)\s*[:：])/g;

/** Index of the first match not inside brackets (labels inside （…） belong to that phrase). */
function firstOutsideBrackets(text: string, re: RegExp): number {
  for (const m of text.matchAll(re)) {
    const before = text.slice(0, m.index);
    const open = (before.match(/[（(\[【]/g) ?? []).length - (before.match(/[）)\]】]/g) ?? []).length;
    if (open <= 0) return m.index!;
  }
  return -1;
}

/**
 * "…推进一网通办。责任单位：县政务服务中心；完成时限：2023年底。" — labels written at the
 * end of the measure's own paragraph are split off, so they read like label lines.
 */
export function splitInlineLabels(text: string): string[] {
  // Every label ends with a colon.
  if (!text.includes('：') && !text.includes(':')) return [text];
  if (isLabelLine(text)) return [text];
  const at = firstOutsideBrackets(text, INLINE_LABEL);
  if (at <= 0) return [text];
  return [text.slice(0, at).trim(), ...splitLabelRun(text.slice(at).trim())];
}

/** "责任单位：A；完成时限：B" → one label per line. */
function splitLabelRun(t: string): string[] {
  return t.split(/[；;]\s*(?=(?:牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|完成时限|完成时间|时间节点)\s*[:：])/).map((x) => x.trim()).filter(Boolean);
}

/** "第一章　总则　　第一条 为规范…": a chapter heading and its first clause printed on one line. */
export function splitChapterLine(text: string): string[] {
  const m = /^(第[一二三四五六七八九十百]+[章节]\s*[^，。；第]{1,20}?)\s*(第[一二三四五六七八九十百]+条[\s\S]*)$/.exec(text);
  return m ? [m[1], m[2]] : [text];
}
