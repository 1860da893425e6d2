import type { Block, Paragraph } from '../read/types.js';
import { parseMarker } from './markers.js';

// Lines broken inside a sentence (PDF conversions, hard-wrapped text) are joined
// back into one paragraph. A line is joined to the next when it does not end a
// sentence, is long enough to have been wrapped, and the next line does not start
// a new numbered item or a label line.

const SENTENCE_END = /[。！？；;：:）)\]】”」』"》]$|[。！？]\S{0,2}$/;
const LABEL = /^(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|完成时限|完成时间|时间节点|时限要求)\s*[:：]/;

export function isLabelLine(text: string): boolean {
  return LABEL.test(text);
}

export interface HealedParagraph extends Paragraph {
  /** Lines the paragraph was joined from. */
  lines: number[];
}

export function healParagraphs(blocks: Block[]): (HealedParagraph | Extract<Block, { kind: 'table' }>)[] {
  const out: (HealedParagraph | Extract<Block, { kind: 'table' }>)[] = [];
  const wrapWidth = typicalWrapWidth(blocks);
  let cur: HealedParagraph | null = null;
  for (const b of blocks) {
    if (b.kind === 'table') { cur = null; out.push(b); continue; }
    const text = stripArtefacts(b.text);
    if (!text) continue;
    if (cur && shouldJoin(cur.text, text, wrapWidth)) {
      cur.text = joinText(cur.text, text);
      cur.lines.push(b.line);
      continue;
    }
    cur = { kind: 'para', text, line: b.line, page: b.page, lines: [b.line] };
    out.push(cur);
  }
  return out;
}

function shouldJoin(prev: string, next: string, wrapWidth: number): boolean {
  if (SENTENCE_END.test(prev)) return false;
  if (parseMarker(next) || isLabelLine(next) || isLabelLine(prev)) return false;
  if (wrapWidth === 0) return false;
  return [...prev].length >= wrapWidth * 0.8;
}

/** The width at which the text was hard-wrapped, or 0 when lines are whole paragraphs. */
function typicalWrapWidth(blocks: Block[]): number {
  const lens: number[] = [];
  for (const b of blocks) if (b.kind === 'para' && !SENTENCE_END.test(b.text)) lens.push([...b.text].length);
  const all = blocks.filter((b) => b.kind === 'para').length;
  // Wrapped text has many lines that stop mid-sentence at about the same length.
  if (lens.length < 5 || lens.length < all * 0.15) return 0;
  lens.sort((a, b) => a - b);
  const p75 = lens[Math.floor(lens.length * 0.75)];
  return p75 >= 20 ? p75 : 0;
}

function joinText(a: string, b: string): string {
  return /[A-Za-z0-9,.]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/** Conversion artefacts that are not document text. */
export function stripArtefacts(text: string): string {
  return text
    .replace(/\[bookmark: [^\]]*\]/g, '')
    .replace(/##paid(?:begin|end)##/g, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/\*\*/g, '')
    .trim();
}
