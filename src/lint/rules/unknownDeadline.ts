import type { Rule, Finding } from '../types.js';
import { lineFinding, quote, taskFinding, taskLabel } from '../finding.js';

/**
 * A deadline was printed but not understood: `deadline.raw` is there, but there is no due date and
 * it is not an ongoing (长期坚持) deadline; or the parser left an `unknown-deadline` warning.
 */
export const unknownDeadline: Rule = {
  id: 'unknown-deadline',
  severity: 'warning',
  description: 'a printed deadline was not understood (no due date, not ongoing)',
  check(result) {
    const out: Finding[] = [];
    const warned = new Set<string>();
    result.warnings.forEach((w, i) => {
      if (w.code !== 'unknown-deadline') return;
      const task = w.taskId ? result.tasks.find((t) => t.id === w.taskId) : undefined;
      if (task) {
        warned.add(task.id);
        out.push({ ...taskFinding(unknownDeadline, result, task, `${taskLabel(task)}: ${w.message}`), line: w.line ?? task.origin.line });
      } else out.push(lineFinding(unknownDeadline, w.message, w.line, ['warnings', i]));
    });
    for (const t of result.tasks) {
      const d = t.deadline;
      if (!d || warned.has(t.id) || d.due !== null || d.ongoing || !d.raw.trim()) continue;
      out.push(taskFinding(unknownDeadline, result, t, `${taskLabel(t)}: deadline ${quote(d.raw)} was not understood (no due date)`));
    }
    return out;
  },
};
