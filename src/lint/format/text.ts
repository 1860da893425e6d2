import { Chalk } from 'chalk';
import type { FileOutcome, FormatOptions } from './index.js';
import { isFailure } from './index.js';
import type { Severity } from '../types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** ESLint-style text: a block per file with problems, then a summary line. */
export function formatText(outcomes: FileOutcome[], opts: FormatOptions): string {
  const c = new Chalk({ level: opts.colorLevel });
  const sev: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const lines: string[] = [];
  const total = { error: 0, warning: 0, info: 0 };
  let failed = 0;
  for (const o of outcomes) {
    if (isFailure(o)) { failed++; continue; }
    total.error += o.counts.error;
    total.warning += o.counts.warning;
    total.info += o.counts.info;
    if (!o.findings.length) continue;
    lines.push(c.underline(o.file));
    const width = Math.max(...o.findings.map((f) => String(f.line ?? '').length), 1);
    for (const f of o.findings) {
      const line = String(f.line ?? '').padStart(width);
      const src = f.sourceLine != null ? c.dim(` (source line ${f.sourceLine})`) : '';
      lines.push(`  ${c.dim(line)}  ${sev[f.severity](f.severity.padEnd(7))}  ${f.message}${src}  ${c.dim(f.rule)}`);
    }
    lines.push('');
  }
  const problems = total.error + total.warning + total.info;
  const read = outcomes.length - failed;
  const unreadable = failed ? `${plural(failed, 'file')} could not be read` : '';
  if (problems === 0) {
    if (!failed) lines.push(c.green(`✔ no problems in ${plural(read, 'file')}`));
    else lines.push(c.red(read ? `✖ no problems in ${plural(read, 'file')}, but ${unreadable}` : `✖ ${unreadable}`));
  } else {
    const colour = total.error || failed ? c.red.bold : total.warning ? c.yellow.bold : c.blue.bold;
    lines.push(colour(`✖ ${plural(problems, 'problem')} (${plural(total.error, 'error')}, ${plural(total.warning, 'warning')}, ${total.info} info) in ${plural(read, 'file')}${failed ? `, ${unreadable}` : ''}`));
  }
  return lines.join('\n') + '\n';
}
