import type { Result, Task, Target, Unit } from '../src/result/schema.js';
import { parseDeadline } from '../src/extract/deadline.js';
import { findTargets } from '../src/extract/targets.js';

// Compare a parse result with a hand-checked expected file (fixtures/expected/*.json).
// Tasks are aligned in document order (a monotonic alignment maximising text
// similarity), then fields are compared on the aligned pairs.

export interface ExpectedTask {
  number: string | null;
  title: string | null;
  text: string;
  units: Unit[];
  deadline: { raw: string; due: string | null; ongoing: boolean; precision: string | null } | null;
  targets: Omit<Target, 'metric'> & { metric?: string | null }[] | any[];
  origin: { kind: string; line: number };
}

export interface Expected {
  fixture: string;
  set?: string;
  document: Result['document'];
  sections?: { level: number; marker: string; heading: string }[];
  tasks: ExpectedTask[];
}

export interface Counts { tp: number; fp: number; fn: number }
export interface FileScore {
  fixture: string;
  tasks: Counts;
  units: Counts;
  lead: { ok: number; total: number };
  deadline: { ok: number; total: number };
  title: { ok: number; total: number };
  targets: Counts;
  metadata: { ok: number; total: number };
  /** The extractors alone, on the expected phrases (no structure stage in between). */
  alone: { deadline: { ok: number; total: number }; targets: Counts };
  mismatches: string[];
}

const MATCH_THRESHOLD = 0.5;

function bigrams(s: string): Map<string, number> {
  const t = s.replace(/[\s，。、；：（）()“”"‘’,.;:【】《》\[\]]/g, '');
  const m = new Map<string, number>();
  for (let i = 0; i < t.length - 1; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
  return m;
}

export function similarity(a: string, b: string): number {
  const A = bigrams(a), B = bigrams(b);
  let inter = 0, na = 0, nb = 0;
  for (const v of A.values()) na += v;
  for (const v of B.values()) nb += v;
  for (const [k, v] of A) inter += Math.min(v, B.get(k) ?? 0);
  return na + nb === 0 ? (a === b ? 1 : 0) : (2 * inter) / (na + nb);
}

/** Monotonic alignment of expected and actual tasks by text similarity. */
export function alignTasks(expected: ExpectedTask[], actual: Task[]): [number, number][] {
  const n = expected.length, m = actual.length;
  const eb = expected.map((t) => bigramsCache(t.text));
  const ab = actual.map((t) => bigramsCache(t.text));
  const sim = (i: number, j: number) => {
    let s = diceCached(eb[i], ab[j]);
    if (expected[i].number && actual[j].number && norm(expected[i].number!) === norm(actual[j].number!)) s += 0.05;
    return s;
  };
  const score = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
  const move = Array.from({ length: n + 1 }, () => new Uint8Array(m + 1));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      let best = score[i - 1][j], mv = 1;
      if (score[i][j - 1] > best) { best = score[i][j - 1]; mv = 2; }
      const s = sim(i - 1, j - 1);
      if (s >= MATCH_THRESHOLD && score[i - 1][j - 1] + s > best) { best = score[i - 1][j - 1] + s; mv = 3; }
      score[i][j] = best; move[i][j] = mv;
    }
  }
  const pairs: [number, number][] = [];
  for (let i = n, j = m; i > 0 && j > 0;) {
    const mv = move[i][j];
    if (mv === 3) { pairs.push([i - 1, j - 1]); i--; j--; } else if (mv === 1) i--; else j--;
  }
  return pairs.reverse();
}

type Bag = { map: Map<string, number>; total: number };
function bigramsCache(s: string): Bag {
  const map = bigrams(s);
  let total = 0;
  for (const v of map.values()) total += v;
  return { map, total };
}
function diceCached(A: Bag, B: Bag): number {
  if (A.total + B.total === 0) return 1;
  let inter = 0;
  const [small, big] = A.map.size < B.map.size ? [A, B] : [B, A];
  for (const [k, v] of small.map) inter += Math.min(v, big.map.get(k) ?? 0);
  return (2 * inter) / (A.total + B.total);
}

const norm = (s: string) => s.replace(/[（）()、.．\s]/g, '');

function multisetCounts<T>(exp: T[], act: T[], key: (x: T) => string): Counts {
  const pool = new Map<string, number>();
  for (const e of exp) pool.set(key(e), (pool.get(key(e)) ?? 0) + 1);
  let tp = 0;
  for (const a of act) {
    const k = key(a);
    const n = pool.get(k) ?? 0;
    if (n > 0) { tp++; pool.set(k, n - 1); }
  }
  return { tp, fp: act.length - tp, fn: exp.length - tp };
}

const unitKey = (u: Unit) => `${u.name}|${u.role}`;
const targetKey = (t: { comparator: string; value: number; valueMax: number | null; unit: string | null }) =>
  `${t.comparator}|${t.value}|${t.valueMax ?? ''}|${t.unit ?? ''}`;

export function scoreFile(expected: Expected, result: Result): FileScore {
  const pairs = alignTasks(expected.tasks, result.tasks);
  const add = (a: Counts, b: Counts) => { a.tp += b.tp; a.fp += b.fp; a.fn += b.fn; };
  const units: Counts = { tp: 0, fp: 0, fn: 0 };
  const targets: Counts = { tp: 0, fp: 0, fn: 0 };
  const lead = { ok: 0, total: 0 };
  const deadline = { ok: 0, total: 0 };
  const title = { ok: 0, total: 0 };
  const mismatches: string[] = [];
  for (const [i, j] of pairs) {
    const e = expected.tasks[i], a = result.tasks[j];
    const u = multisetCounts(e.units, a.units, unitKey);
    add(units, u);
    if (u.fp || u.fn) mismatches.push(`units  line ${e.origin.line} #${e.number}: expected ${e.units.map(unitKey).join(',')} got ${a.units.map(unitKey).join(',')}`);
    const eLead = e.units.filter((x) => x.role === 'lead').map((x) => x.name).sort().join(',');
    const aLead = a.units.filter((x) => x.role === 'lead').map((x) => x.name).sort().join(',');
    if (eLead) { lead.total++; if (eLead === aLead) lead.ok++; }
    title.total++;
    if (normTitle(e.title) === normTitle(a.title)) title.ok++;
    else mismatches.push(`title  line ${e.origin.line} #${e.number}: expected ${e.title} got ${a.title}`);
    deadline.total++;
    const ed = e.deadline, ad = a.deadline;
    const dOk = (!ed && !ad) || (!!ed && !!ad && ed.due === ad.due && ed.ongoing === ad.ongoing) ||
      (!!ed && !ad && !ed.due && !ed.ongoing) || (!ed && !!ad && !ad.due && !ad.ongoing);
    if (dOk) deadline.ok++;
    else mismatches.push(`deadline line ${e.origin.line} #${e.number}: expected ${ed ? `${ed.raw}→${ed.due}/${ed.ongoing}` : 'none'} got ${ad ? `${ad.raw}→${ad.due}/${ad.ongoing}` : 'none'}`);
    const t = multisetCounts(e.targets as any[], a.targets, targetKey);
    add(targets, t);
    if (t.fp || t.fn) mismatches.push(`targets line ${e.origin.line} #${e.number}: expected ${(e.targets as any[]).map(targetKey).join(',')} got ${a.targets.map(targetKey).join(',')}`);
  }
  const matchedE = new Set(pairs.map(([i]) => i));
  const matchedA = new Set(pairs.map(([, j]) => j));
  expected.tasks.forEach((t, i) => { if (!matchedE.has(i)) mismatches.push(`missing line ${t.origin.line} #${t.number}: ${t.text.slice(0, 30)}`); });
  result.tasks.forEach((t, j) => { if (!matchedA.has(j)) mismatches.push(`extra   line ${t.origin.line} #${t.number}: ${t.text.slice(0, 30)}`); });
  const fields = ['title', 'docNumber', 'issuer', 'issuedDate', 'recipients', 'year'] as const;
  const metadata = { ok: 0, total: fields.length };
  for (const f of fields) {
    const ok = JSON.stringify(normMeta(expected.document[f])) === JSON.stringify(normMeta(result.document[f]));
    if (ok) metadata.ok++; else mismatches.push(`metadata ${f}: expected ${JSON.stringify(expected.document[f])} got ${JSON.stringify(result.document[f])}`);
  }
  const alone = { deadline: { ok: 0, total: 0 }, targets: { tp: 0, fp: 0, fn: 0 } };
  for (const e of expected.tasks) {
    if (e.deadline) {
      alone.deadline.total++;
      const d = parseDeadline(e.deadline.raw, { year: expected.document.year });
      if (d.due === e.deadline.due && d.ongoing === e.deadline.ongoing) alone.deadline.ok++;
      else mismatches.push(`alone deadline ${JSON.stringify(e.deadline.raw)}: expected ${e.deadline.due}/${e.deadline.ongoing} got ${d.due}/${d.ongoing}`);
    }
    add(alone.targets, multisetCounts(e.targets as any[], findTargets(e.text), targetKey));
  }
  return {
    fixture: expected.fixture,
    alone,
    tasks: { tp: pairs.length, fp: result.tasks.length - pairs.length, fn: expected.tasks.length - pairs.length },
    units, lead, deadline, title, targets, metadata, mismatches,
  };
}

const normTitle = (t: string | null) => (t ?? '').replace(/[\s。.]/g, '').replace(/\(/g, '（').replace(/\)/g, '）');

// Titles are compared without layout spaces.
function normMeta(v: unknown): unknown {
  return typeof v === 'string' ? v.replace(/\s+/g, '') : v;
}

export interface Summary {
  taskPrecision: number; taskRecall: number; unitF1: number; leadAccuracy: number;
  deadlineAccuracy: number; targetF1: number; metadataAccuracy: number; titleAccuracy: number;
  /** parseDeadline on the expected raw phrase, findTargets on the expected text. */
  deadlineAloneAccuracy: number; targetAloneF1: number;
}

export function summarize(scores: FileScore[]): Summary {
  const sum = (f: (s: FileScore) => Counts): Counts => scores.reduce((a, s) => {
    const c = f(s); return { tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn };
  }, { tp: 0, fp: 0, fn: 0 });
  const ratio = (f: (s: FileScore) => { ok: number; total: number }) => {
    const ok = scores.reduce((a, s) => a + f(s).ok, 0), total = scores.reduce((a, s) => a + f(s).total, 0);
    return total ? ok / total : 1;
  };
  const t = sum((s) => s.tasks), u = sum((s) => s.units), g = sum((s) => s.targets);
  return {
    taskPrecision: prec(t), taskRecall: rec(t), unitF1: f1(u), leadAccuracy: ratio((s) => s.lead),
    deadlineAccuracy: ratio((s) => s.deadline), targetF1: f1(g), metadataAccuracy: ratio((s) => s.metadata),
    titleAccuracy: ratio((s) => s.title),
    deadlineAloneAccuracy: ratio((s) => s.alone.deadline), targetAloneF1: f1(sum((s) => s.alone.targets)),
  };
}

const prec = (c: Counts) => (c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1);
const rec = (c: Counts) => (c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1);
const f1 = (c: Counts) => { const p = prec(c), r = rec(c); return p + r ? (2 * p * r) / (p + r) : 0; };

export function fileSummary(s: FileScore): Summary {
  return summarize([s]);
}
