import type { Result } from '../../result/schema.js';
import type { Rule } from '../types.js';
import { quote, taskFinding, taskLabel } from '../finding.js';
import { chineseNumeral } from '../numbering.js';

export interface PlanPeriod {
  start: number;
  end: number;
  /** The words the period was read from, e.g. "2022-2024年" or "十四五". */
  printed: string;
}

const RANGE = /((?:19|20)\d{2})\s*年?\s*(?:[-－—–~～]+|至|到)\s*((?:19|20)\d{2})\s*年/;
const FIVE_YEAR = /[“"‘](十[一二三四五六七八九])五[”"’]|(十[一二三四五六七八九])五(?:规划|时期|期间)/;

/**
 * The period a plan covers, read from its title: "（2022-2024年）", "2022—2024年", "2021年至2025年",
 * or a five-year plan ("十四五" → 2021–2025). null when the title states none.
 */
export function planPeriod(title: string | null): PlanPeriod | null {
  if (!title) return null;
  const t = title.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = RANGE.exec(t);
  if (m) {
    const start = Number(m[1]);
    const end = Number(m[2]);
    if (end >= start && end - start <= 15) return { start, end, printed: m[0] };
  }
  const f = FIVE_YEAR.exec(t);
  if (f) {
    const nth = f[1] ?? f[2];
    const n = chineseNumeral(nth);
    // From the third five-year plan (1966–1970) on, plans follow each other without gaps.
    if (n !== null && n >= 3) return { start: 1966 + 5 * (n - 3), end: 1970 + 5 * (n - 3), printed: `${nth}五` };
  }
  return null;
}

/** A task due after the end of the plan's own period, e.g. a 2026 task in a 2022-2024 plan. */
export const deadlineOutOfPlan: Rule = {
  id: 'deadline-out-of-plan',
  severity: 'error',
  description: "a task is due after the end of the plan's own period (e.g. 2026 in a 2022-2024 plan)",
  check(result: Result) {
    const period = planPeriod(result.document.title);
    if (!period) return [];
    return result.tasks
      .filter((t) => t.deadline?.due && Number(t.deadline.due.slice(0, 4)) > period.end)
      .map((t) => taskFinding(deadlineOutOfPlan, result, t,
        `${taskLabel(t)} is due ${t.deadline!.due} (${quote(t.deadline!.raw)}), after the plan's period ${period.start}–${period.end} (title: ${quote(period.printed)})`));
  },
};
