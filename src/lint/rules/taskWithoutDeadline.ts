import type { Rule } from '../types.js';
import { taskFinding, taskLabel } from '../finding.js';

/** A task without any deadline (neither a date nor 长期坚持-style). */
export const taskWithoutDeadline: Rule = {
  id: 'task-without-deadline',
  severity: 'info',
  description: 'a task has no deadline',
  check(result) {
    return result.tasks
      .filter((t) => t.deadline === null)
      .map((t) => taskFinding(taskWithoutDeadline, result, t, `${taskLabel(t)}${t.title ? ` (${t.title})` : ''} has no deadline`));
  },
};
