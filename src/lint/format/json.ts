import type { FileOutcome } from './index.js';
import { isFailure } from './index.js';

/** One object per file: { file, findings: [{ rule, severity, message, line, taskId }], counts } (or { file, error }). */
export function formatJson(outcomes: FileOutcome[]): string {
  const out = outcomes.map((o) => {
    if (isFailure(o)) return { file: o.file, error: o.error, findings: [], counts: { error: 0, warning: 0, info: 0 } };
    return {
      file: o.file,
      kind: o.kind,
      findings: o.findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        line: f.line,
        taskId: f.taskId,
        ...(f.sourceLine !== undefined ? { sourceLine: f.sourceLine } : {}),
      })),
      counts: o.counts,
    };
  });
  return JSON.stringify(out, null, 2) + '\n';
}
