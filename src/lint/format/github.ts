import type { FileOutcome } from './index.js';
import { isFailure } from './index.js';
import type { Severity } from '../types.js';

// GitHub Actions workflow commands: `::error file=F,line=L,title=RULE::MESSAGE`.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escape the message part of a workflow command. */
export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escape a property value (file, title). */
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGithub(outcomes: FileOutcome[]): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    const file = o.file === '-' ? null : o.file;
    if (isFailure(o)) {
      lines.push(`::error ${file ? `file=${escapeProperty(file)},` : ''}title=policy-parse::${escapeData(`${o.file}: ${o.error}`)}`);
      continue;
    }
    for (const f of o.findings) {
      const props = [
        file ? `file=${escapeProperty(file)}` : '',
        f.line ? `line=${f.line}` : '',
        `title=${escapeProperty(f.rule)}`,
      ].filter(Boolean).join(',');
      lines.push(`::${COMMAND[f.severity]} ${props}::${escapeData(f.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
