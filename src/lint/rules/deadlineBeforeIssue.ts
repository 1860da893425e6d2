import type { Rule } from '../types.js';
import { quote, taskFinding, taskLabel } from '../finding.js';

/** A task due before the document was issued (`document.issuedDate`). */
export const deadlineBeforeIssue: Rule = {
  id: 'deadline-before-issue',
  severity: 'error',
  description: 'a task is due before the document was issued',
  check(result) {
    const issued = result.document.issuedDate;
    if (!issued) return [];
    return result.tasks
      .filter((t) => t.deadline?.due && t.deadline.due < issued)
      .map((t) => taskFinding(deadlineBeforeIssue, result, t,
        `${taskLabel(t)} is due ${t.deadline!.due} (${quote(t.deadline!.raw)}), before the document was issued on ${issued}`));
  },
};
