import type { Result } from '../result/schema.js';
import type { Levels } from './config.js';
import { RULES } from './rules/index.js';
import type { Finding, LintContext, Rule, Severity } from './types.js';

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Rules that are not off. */
export function enabledRules(levels: Levels, rules: readonly Rule[] = RULES): Rule[] {
  return rules.filter((r) => (levels.get(r.id) ?? r.severity) !== 'off');
}

/** Run the enabled rules on a result; findings carry their configured severity, in line order. */
export function lint(result: Result, context: LintContext, levels: Levels = new Map(), rules: readonly Rule[] = RULES): Finding[] {
  const out: Finding[] = [];
  for (const rule of enabledRules(levels, rules)) {
    const severity = (levels.get(rule.id) ?? rule.severity) as Severity;
    for (const f of rule.check(result, context)) out.push({ ...f, rule: rule.id, severity });
  }
  return sortFindings(out, rules);
}

export function sortFindings(findings: Finding[], rules: readonly Rule[] = RULES): Finding[] {
  const rank = new Map(rules.map((r, i) => [r.id, i]));
  return [...findings].sort((a, b) =>
    (a.line ?? Infinity) - (b.line ?? Infinity)
    || (rank.get(a.rule) ?? -1) - (rank.get(b.rule) ?? -1)
    || ORDER[a.severity] - ORDER[b.severity]);
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
