import { ResultSchema, type Result } from '../result/schema.js';
import type { Finding } from './types.js';
import { formatJsonPath, JsonLines } from './jsonLines.js';

/** The pseudo-rule of findings about a result file that does not match the result schema. */
export const SCHEMA_RULE = {
  id: 'schema',
  severity: 'error' as const,
  description: 'a result JSON file does not match the result schema (policy-parse schema); reported with its JSON path',
};

export interface CheckedJson {
  /** The result when it matches the schema; null when it does not. */
  result: Result | null;
  /** One `schema` finding per schema issue, naming its JSON path. */
  findings: Finding[];
  lines: JsonLines;
}

export class JsonSyntaxError extends Error {}

/** Parse a result JSON text and check it against ResultSchema. Throws JsonSyntaxError for text that is not JSON. */
export function checkResultJson(text: string): CheckedJson {
  const body = text.replace(/^\ufeff/, '');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    throw new JsonSyntaxError(`not valid JSON (${(e as Error).message})`);
  }
  const lines = new JsonLines(body);
  const parsed = ResultSchema.safeParse(value);
  if (parsed.success) return { result: parsed.data, findings: [], lines };
  const findings = parsed.error.issues.map((issue): Finding => ({
    rule: SCHEMA_RULE.id,
    severity: 'error',
    message: `${formatJsonPath(issue.path)}: ${describe(issue.message)}`,
    line: lines.lineOf(issue.path),
    taskId: taskIdAt(value, issue.path),
  }));
  return { result: null, findings, lines };
}

/** zod's "Invalid input: expected object, received undefined" → "missing (expected object)". */
function describe(message: string): string {
  const m = /^Invalid input: expected (.+), received undefined$/.exec(message);
  return m ? `missing (expected ${m[1]})` : message;
}

function taskIdAt(value: unknown, path: readonly PropertyKey[]): string | null {
  if (path[0] !== 'tasks' || typeof path[1] !== 'number') return null;
  const tasks = (value as { tasks?: unknown }).tasks;
  const task = Array.isArray(tasks) ? tasks[path[1]] : undefined;
  const id = task && typeof task === 'object' ? (task as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}
