import type { Paragraph } from '../read/types.js';
import type { DraftWarning } from './types.js';

/** Text that is in no task and is not a heading or boilerplate: reported with its line. */
export function unplaced(p: Paragraph): DraftWarning {
  const t = p.text.trim();
  const snippet = [...t].length > 30 ? `${[...t].slice(0, 30).join('')}…` : t;
  return { code: 'unplaced-text', message: `text not placed in any task: ${snippet}`, line: p.line };
}
