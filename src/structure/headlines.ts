import { codePointLength } from '../extract/chars.js';
import type { Paragraph } from '../read/types.js';
import type { Segment } from './segments.js';
import type { DraftWarning } from './types.js';
import { unplaced } from './warnings.js';

// Compilations and reports set a short headline over each measure ("企业开办3小时办结")
// instead of numbering it.

/** Headline blocks: a headline and the paragraphs after it, up to the next headline. */
export function collectHeadlines(body: Paragraph[], parent: Segment, out: HeadlineBlock[], warnings: DraftWarning[]): void {
  for (let i = 0; i < body.length; i++) {
    const p = body[i];
    const next = body[i + 1];
    if (next && isHeadline(p.text) && !isHeadline(next.text)) {
      const paras = [next];
      for (i += 2; i < body.length && !(isHeadline(body[i].text) && body[i + 1] && !isHeadline(body[i + 1].text)); i++) paras.push(body[i]);
      i--;
      out.push({ title: p, body: paras, parent });
      continue;
    }
    warnings.push(unplaced(p));
  }
}

export interface HeadlineBlock { title: Paragraph; body: Paragraph[]; parent: Segment | null }

/** A short line that reads as a heading, not a sentence: "企业开办3小时办结", "在“放”上求突破，提升“内动力”。" */
export function isHeadline(t: string): boolean {
  const s = t.trim().replace(/[。.]$/, '');
  return codePointLength(s) <= 30 && !/[。；！？;]/.test(s) && !/[：:]$/.test(s) && commas(s) <= 1;
}

function commas(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0xff0c || c === 0x2c) n++; // ，,
  }
  return n;
}
