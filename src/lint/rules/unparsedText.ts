import type { Finding, Rule } from '../types.js';
import { lineFinding } from '../finding.js';

const CODES = new Set(['unplaced-text', 'unplaced-table']);

/** Text the parser placed nowhere: the result's `unplaced-text` (and `unplaced-table`) warnings. */
export const unparsedText: Rule = {
  id: 'unparsed-text',
  severity: 'info',
  description: 'text the parser placed in no task, heading or boilerplate (its unplaced-text warnings)',
  check(result) {
    const out: Finding[] = [];
    result.warnings.forEach((w, i) => {
      if (!CODES.has(w.code)) return;
      out.push({ ...lineFinding(unparsedText, w.message, w.line, ['warnings', i]), taskId: w.taskId });
    });
    return out;
  },
};
