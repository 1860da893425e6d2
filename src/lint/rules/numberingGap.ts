import type { Finding, Rule } from '../types.js';
import { taskFinding } from '../finding.js';
import { label, sequences } from '../sequences.js';
import type { NumberStyle } from '../numbering.js';

/** Ranges of missing numbers for a message: 3 / 3–5 / 3, 7. */
function ranges(style: NumberStyle, values: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < values.length;) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j] + 1) j++;
    parts.push(j === i ? label(style, values[i]) : `${label(style, values[i])}–${label(style, values[j])}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** A numbered sequence skips numbers: 1, 2, 4 (3 missing), or starts after 1. */
export const numberingGap: Rule = {
  id: 'numbering-gap',
  severity: 'error',
  description: 'task numbers skip a number (1, 2, 4) or do not start at 1',
  check(result) {
    const out: Finding[] = [];
    for (const seq of sequences(result)) {
      const present = new Set(seq.entries.map((e) => e.value));
      let max = 0;
      for (const run of seq.runs) {
        if (run.value > max + 1) {
          const missing: number[] = [];
          for (let v = max + 1; v < run.value; v++) if (!present.has(v)) missing.push(v);
          if (missing.length) {
            const task = run.entries[0].task;
            const what = max === 0
              ? `numbering starts at ${label(seq.style, run.value)}`
              : `numbering jumps from ${label(seq.style, max)} to ${label(seq.style, run.value)}`;
            out.push(taskFinding(numberingGap, result, task,
              `${what}: ${ranges(seq.style, missing)} ${missing.length === 1 ? 'is' : 'are'} missing`));
          }
        }
        max = Math.max(max, run.value);
      }
    }
    return out;
  },
};
