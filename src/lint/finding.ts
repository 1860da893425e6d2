import type { Result, Task } from '../result/schema.js';
import type { Finding, Rule } from './types.js';

/** A finding about one task: its line is the task's origin line, its path the task in the result. */
export function taskFinding(rule: Rule, result: Result, task: Task, message: string): Finding {
  return {
    rule: rule.id,
    severity: rule.severity,
    message,
    line: task.origin.line,
    taskId: task.id,
    path: ['tasks', result.tasks.indexOf(task)],
  };
}

/** A finding not tied to a task. */
export function lineFinding(rule: Rule, message: string, line: number | null, path?: (string | number)[]): Finding {
  return { rule: rule.id, severity: rule.severity, message, line, taskId: null, ...(path ? { path } : {}) };
}

/** "task 6" / "task t17" for messages: the printed number when there is one, else the id. */
export function taskLabel(task: Task): string {
  return task.number ? `task ${task.number}` : `task ${task.id}`;
}

/** Shorten a quotation for a message. */
export function quote(s: string, max = 30): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `“${[...t].length > max ? [...t].slice(0, max).join('') + '…' : t}”`;
}
