import type { Result, Section, Target, Task } from '../../result/schema.js';
import { findTargets } from '../../extract/targets.js';
import { parseResponsibility } from '../../extract/units.js';
import type { Finding, Rule } from '../types.js';
import { quote, taskFinding } from '../finding.js';
import { parseNumber, type NumberStyle } from '../numbering.js';
import { normalizeTitle } from '../sequences.js';
import type { SourceText } from '../source.js';
import { unitKeys } from '../unitKey.js';

// When a document has both numbered measures in its body and a task-decomposition table, the
// table's rows are the tasks and the body's measures are sections (their heading is the measure's
// title, their marker its number). The body's own text — its （责任单位：…） and its targets — is not
// in the result, so this rule reads it from the source and compares, number by number, with the
// table rows of the same number.

const OPEN = '（(【[〔';
const CLOSE = '）)】]〕';
const RESPONSIBILITY_WORDS = /责任单位|责任部门|牵头|负责|配合|协办/;

/** The last bracketed responsibility phrase of a measure: its inside and where it starts. */
export function responsibilityOf(text: string): { inner: string; start: number; end: number } | null {
  let found: { inner: string; start: number; end: number } | null = null;
  for (let i = 0; i < text.length; i++) {
    if (!OPEN.includes(text[i])) continue;
    let depth = 0;
    let end = text.length;
    for (let k = i; k < text.length; k++) {
      if (OPEN.includes(text[k])) depth++;
      else if (CLOSE.includes(text[k]) && --depth === 0) { end = k + 1; break; }
    }
    // An unclosed bracket (a missing final ）) runs to the end of the measure.
    const inner = text.slice(i + 1, depth === 0 ? end - 1 : text.length);
    if (RESPONSIBILITY_WORDS.test(inner) && !/[。；]/.test(inner.replace(/[。；]$/, ''))) {
      found = { inner, start: i, end: depth === 0 ? end : text.length };
      i = found.end - 1;
    }
  }
  return found;
}

/** Character-bigram Dice similarity of two titles, 1 when one contains the other. */
export function titleSimilarity(a: string | null, b: string | null): number {
  const x = normalizeTitle(a);
  const y = normalizeTitle(b);
  if (!x || !y) return 0;
  if (x.includes(y) || y.includes(x)) return 1;
  const grams = (s: string) => { const g: string[] = []; for (let i = 0; i + 1 < s.length; i++) g.push(s.slice(i, i + 2)); return g; };
  const gx = grams(x);
  const gy = grams(y);
  const pool = [...gy];
  let common = 0;
  for (const g of gx) { const k = pool.indexOf(g); if (k >= 0) { common++; pool.splice(k, 1); } }
  return gx.length + gy.length ? (2 * common) / (gx.length + gy.length) : 0;
}

// "12场次以上" and "12次以上" count the same thing.
const UNIT_CLASS: Record<string, string> = { 场次: '次', 场: '次', 轮次: '次', 轮: '次', 批次: '次', 期: '次' };
const unitClass = (u: string | null) => (u ? UNIT_CLASS[u] ?? u : '');

/** Targets of `a` with no target of the same value (and compatible unit) in `b`. */
export function unmatchedTargets(a: Target[], b: Target[]): Target[] {
  const pool = [...b];
  const out: Target[] = [];
  for (const t of a) {
    const k = pool.findIndex((u) => u.value === t.value && (u.valueMax ?? null) === (t.valueMax ?? null)
      && (!t.unit || !u.unit || unitClass(t.unit) === unitClass(u.unit)));
    if (k >= 0) pool.splice(k, 1);
    else out.push(t);
  }
  return out;
}

interface Measure {
  section: Section;
  value: number;
  text: string;
}

/** The body's numbered measures: sections before the table whose marker is a number, with their text. */
function bodyMeasures(result: Result, source: SourceText, tableStart: number): Map<NumberStyle, Measure[]> {
  const sections = [...result.sections].sort((a, b) => a.line - b.line);
  const byStyle = new Map<NumberStyle, Measure[]>();
  sections.forEach((s, i) => {
    if (s.line >= tableStart) return;
    const n = parseNumber(s.marker);
    if (!n) return;
    const next = Math.min(tableStart, ...sections.slice(i + 1).map((x) => x.line).filter((l) => l > s.line));
    const text = source.paragraphsBetween(s.line, next).map((p) => p.text.trim()).join('\n');
    if (!byStyle.has(n.style)) byStyle.set(n.style, []);
    byStyle.get(n.style)!.push({ section: s, value: n.value, text });
  });
  return byStyle;
}

export const bodyTableMismatch: Rule = {
  id: 'body-table-mismatch',
  severity: 'warning',
  description: "the body's numbered measure and the table rows of the same number differ in units, targets or title",
  needsSource: true,
  check(result, context) {
    const source = context.source;
    const tableTasks = result.tasks.filter((t) => t.origin.kind === 'table');
    if (!source || !tableTasks.length) return [];
    const tableStart = Math.min(...tableTasks.map((t) => t.origin.line), source.firstTableLine ?? Infinity);

    const rows = new Map<number, Task[]>();
    for (const t of tableTasks) {
      const n = parseNumber(t.number);
      if (!n) continue;
      if (!rows.has(n.value)) rows.set(n.value, []);
      rows.get(n.value)!.push(t);
    }
    if (!rows.size) return [];

    // The measures that correspond to the table: the numbering style whose headings match the
    // table's titles by number. A body whose numbers count something else (its measures group
    // the table's categories) is not compared.
    let measures: Measure[] = [];
    let best = 0;
    for (const list of bodyMeasures(result, source, tableStart).values()) {
      const common = list.filter((m) => rows.has(m.value));
      const similar = common.filter((m) => rows.get(m.value)!.some((t) => titleSimilarity(m.section.heading, t.title) >= 0.5)).length;
      if (common.length && similar * 2 >= common.length && similar > best) { best = similar; measures = list; }
    }
    if (!measures.length) return [];

    const out: Finding[] = [];
    const bodyUnits = new Map<number, string[]>();
    for (const m of measures) {
      const r = responsibilityOf(m.text);
      const units = r ? parseResponsibility(r.inner) : null;
      if (units) bodyUnits.set(m.value, units.map((u) => u.name));
    }
    const keys = unitKeys([...[...bodyUnits.values()].flat(), ...tableTasks.flatMap((t) => t.units.map((u) => u.name))]);
    const key = (n: string) => keys.get(n) ?? n;

    for (const m of measures) {
      const tasks = rows.get(m.value);
      const where = `body line ${m.section.line}`;
      const number = m.section.marker.replace(/[.．、]$/, '');
      if (!tasks) {
        out.push({ rule: bodyTableMismatch.id, severity: bodyTableMismatch.severity, line: m.section.line, taskId: null,
          message: `measure ${number} ${quote(m.section.heading, 24)} (${where}) has no row in the table` });
        continue;
      }
      const first = tasks[0];
      const report = (message: string) => out.push(taskFinding(bodyTableMismatch, result, first, `task ${number}: ${message}`));

      // Units
      const body = bodyUnits.get(m.value);
      if (body) {
        const tableNames = tasks.flatMap((t) => t.units.map((u) => u.name));
        const tableKeys = new Set(tableNames.map(key));
        const bodyKeys = new Set(body.map(key));
        const bodyOnly = [...new Set(body.filter((n) => !tableKeys.has(key(n))))];
        const tableOnly: string[] = [];
        const shown = new Set<string>();
        for (const n of tableNames) {
          if (bodyKeys.has(key(n)) || shown.has(key(n))) continue;
          shown.add(key(n));
          tableOnly.push(n);
        }
        if (bodyOnly.length || tableOnly.length) {
          const parts = [
            bodyOnly.length ? `only in the body (${where}): ${bodyOnly.join('、')}` : '',
            tableOnly.length ? `only in the table: ${tableOnly.join('、')}` : '',
          ].filter(Boolean);
          report(`responsible units differ — ${parts.join('; ')}`);
        }
      }

      // Targets
      const r = responsibilityOf(m.text);
      const bodyText = r ? m.text.slice(0, r.start) + m.text.slice(r.end) : m.text;
      const bodyTargets = findTargets(bodyText);
      const tableTargets = tasks.flatMap((t) => t.targets);
      const bodyOnlyT = unmatchedTargets(bodyTargets, tableTargets);
      const tableOnlyT = unmatchedTargets(tableTargets, bodyTargets);
      if (bodyOnlyT.length || tableOnlyT.length) {
        const parts = [
          bodyOnlyT.length ? `the body (${where}) says ${bodyOnlyT.map((t) => quote(t.raw)).join(', ')}` : '',
          tableOnlyT.length ? `the table says ${tableOnlyT.map((t) => quote(t.raw)).join(', ')}` : '',
        ].filter(Boolean);
        report(`targets differ — ${parts.join('; ')}`);
      }

      // Title
      const titles = [...new Map(tasks.filter((t) => normalizeTitle(t.title)).map((t) => [normalizeTitle(t.title), t.title!])).values()];
      if (titles.length && !titles.some((t) => normalizeTitle(t) === normalizeTitle(m.section.heading))) {
        report(`titles differ — the body (${where}) says ${quote(m.section.heading, 40)}, the table says ${titles.map((t) => quote(t, 40)).join(', ')}`);
      }
    }

    // Table numbers with no measure in the body.
    const bodyValues = new Set(measures.map((m) => m.value));
    for (const [value, tasks] of rows) {
      if (bodyValues.has(value)) continue;
      out.push(taskFinding(bodyTableMismatch, result, tasks[0],
        `task ${tasks[0].number} ${tasks[0].title ? quote(tasks[0].title, 24) + ' ' : ''}has no numbered measure ${value} in the body`));
    }
    return out;
  },
};
