import { codePointLength } from '../extract/chars.js';
import type { Block } from '../read/types.js';
import { isBoilerplate } from './boilerplate.js';
import { parseMarker } from './markers.js';
import { parseDateLine, PERIOD_LINE as PERIOD } from './metadata.js';

export interface Caption { text: string; line: number; lines: number[] }

const NAMES_TABLE = /(表|清单|台账)$/;

/**
 * The short lines right before a table that name it (…任务分解表 / …任务清单): one line, a title
 * wrapped over two, or a title with its period under it. The lines above a caption in a notice are
 * the 落款 (issuer, date) and an 附件 label; those end the caption, they are never part of it.
 */
export function captionBefore(items: readonly Block[], tableIndex: number): Caption | null {
  const parts: { text: string; line: number }[] = [];
  for (let k = tableIndex - 1; k >= 0 && parts.length < 3; k--) {
    const b = items[k];
    if (b.kind !== 'para') break;
    const t = b.text.trim();
    if (!mayBeCaption(t)) break;
    parts.unshift({ text: t, line: b.line });
    // Only the last line of a title (…表) or its period line can have more of the title above it.
    const first = parts[0].text;
    const last = parts[parts.length - 1].text;
    if (parts.length === 1 && (NAMES_TABLE.test(t) || PERIOD.test(t))) continue;
    if (parts.length === 2 && PERIOD.test(last) && NAMES_TABLE.test(first)) continue;
    break;
  }
  while (parts.length && PERIOD.test(parts[0].text)) parts.shift();
  const text = parts.map((p) => p.text).join('');
  return parts.length && /(表|清单|台账|分工|任务)/.test(text) ? { text, line: parts[0].line, lines: parts.map((p) => p.line) } : null;
}

function mayBeCaption(t: string): boolean {
  return t !== '' && codePointLength(t) <= 60 && !/[。；：:，,]$/.test(t)
    && parseDateLine(t) === null && !isBoilerplate(t) && parseMarker(t) === null; // 附件 labels are boilerplate
}
