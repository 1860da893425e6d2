import type { Finding, Rule } from '../types.js';
import { taskFinding } from '../finding.js';
import { label, sequences } from '../sequences.js';
import { parseNumber, startsWithNumber, type NumberStyle } from '../numbering.js';
import type { Result } from '../../result/schema.js';
import type { LintContext } from '../types.js';

/**
 * Is number `value` printed between two lines although no task carries it? A heading whose
 * content is split into other tasks (（一） holding 一是/二是 enumerations) is not a gap.
 */
function printedBetween(result: Result, context: LintContext, style: NumberStyle, value: number, from: number, to: number): boolean {
  const same = (marker: string) => { const n = parseNumber(marker); return !!n && n.style === style && n.value === value; };
  if (result.sections.some((s) => s.line >= from && s.line <= to && same(s.marker))) return true;
  const source = context.source;
  if (!source) return false;
  const printed = label(style, value);
  // Also after a short label: "附件：1.…".
  return source.paragraphsBetween(from, to + 1)
    .some((p) => startsWithNumber(p.text, printed) || startsWithNumber(p.text.trim().replace(/^[\u4e00-\u9fa5]{1,6}[：:]/, ''), printed));
}

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
  needsSource: true,
  check(result, context) {
    const out: Finding[] = [];
    for (const seq of sequences(result)) {
      const present = new Set(seq.entries.map((e) => e.value));
      let max = 0;
      let previousLine = 1;
      for (const run of seq.runs) {
        const line = run.entries[0].task.origin.line;
        if (run.value > max + 1) {
          // Where the missing numbers would be printed: after the previous task of this list (or,
          // at the start of a list, after the task before it).
          const index = run.entries[0].index;
          const from = max === 0 ? (index > 0 ? result.tasks[index - 1].origin.line : 1) : previousLine;
          const missing: number[] = [];
          for (let v = max + 1; v < run.value; v++) {
            if (!present.has(v) && !printedBetween(result, context, seq.style, v, from, line)) missing.push(v);
          }
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
        previousLine = run.entries[run.entries.length - 1].task.origin.line;
      }
    }
    return out;
  },
};
