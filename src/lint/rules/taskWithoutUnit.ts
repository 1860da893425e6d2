import type { Rule } from '../types.js';
import { taskFinding, taskLabel } from '../finding.js';

/** Every task should name who is responsible for it. */
export const taskWithoutUnit: Rule = {
  id: 'task-without-unit',
  severity: 'warning',
  description: 'a task names no responsible unit',
  check(result) {
    return result.tasks
      .filter((t) => t.units.length === 0)
      .map((t) => taskFinding(taskWithoutUnit, result, t, `${taskLabel(t)}${t.title ? ` (${t.title})` : ''} names no responsible unit`));
  },
};
