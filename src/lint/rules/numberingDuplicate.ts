import type { Finding, Rule } from '../types.js';
import { quote, taskFinding } from '../finding.js';
import { distinctPrintings, label, sequences, type Entry } from '../sequences.js';

const describe = (e: Entry) => `${e.task.title ? quote(e.task.title, 24) : e.task.id} (line ${e.task.origin.line})`;

/**
 * One number printed for two different tasks: 10 twice with different titles, or a number coming
 * back later in the list. A row repeated after a page break with the same title, rows sharing a
 * number and title (sub-rows), and parts of a measure that inherit its number are one task.
 */
export const numberingDuplicate: Rule = {
  id: 'numbering-duplicate',
  severity: 'error',
  description: 'one task number is used for two different tasks',
  needsSource: true,
  check(result, context) {
    const out: Finding[] = [];
    for (const seq of sequences(result)) {
      const first = new Map<number, Entry>();
      for (const run of seq.runs) {
        const printings = distinctPrintings(run, context.source);
        for (const p of printings.length ? printings : run.entries.slice(0, 1)) {
          const earlier = first.get(run.value);
          if (!earlier) { first.set(run.value, p); continue; }
          out.push(taskFinding(numberingDuplicate, result, p.task,
            `number ${label(seq.style, run.value)} is used twice: ${describe(earlier)} and ${describe(p)}`));
        }
      }
    }
    return out;
  },
};
