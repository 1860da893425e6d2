import { codePointLength, firstCodePoints } from '../extract/chars.js';
import type { Paragraph } from '../read/types.js';
import type { DraftWarning } from './types.js';

/** Text that is in no task and is not a heading or boilerplate: reported with its line. */
export function unplaced(p: Paragraph): DraftWarning {
  const t = p.text.trim();
  const snippet = codePointLength(t) > 30 ? `${firstCodePoints(t, 30)}…` : t;
  return { code: 'unplaced-text', message: `text not placed in any task: ${snippet}`, line: p.line };
}
