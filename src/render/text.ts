import type { Result } from '../result/schema.js';

/** A plain reading view: one block per task. */
export function renderText(result: Result): string {
  const d = result.document;
  const lines = [`${d.title ?? '(untitled)'}${d.docNumber ? `  ${d.docNumber}` : ''}`, ''];
  for (const t of result.tasks) {
    lines.push(`[${t.id}] ${t.number ?? ''} ${t.title ?? ''}`.trimEnd());
    lines.push(`  ${t.text}`);
    if (t.units.length) lines.push(`  units: ${t.units.map((u) => `${u.name}(${u.role})`).join('、')}`);
    if (t.deadline) lines.push(`  deadline: ${t.deadline.raw}${t.deadline.due ? ` → ${t.deadline.due}` : ''}${t.deadline.ongoing ? ' (ongoing)' : ''}`);
    if (t.targets.length) lines.push(`  targets: ${t.targets.map((x) => x.raw).join('；')}`);
    lines.push('');
  }
  if (result.warnings.length) lines.push(`${result.warnings.length} warning(s)`);
  return `${lines.join('\n')}\n`;
}
