import type { Deadline, DocumentMeta, Target, Task, Unit, UnitRole } from '../result/schema.js';
import type {
  DeadlineChange, DocumentChange, DocumentField, TargetChange, UnitsChange, WordOp,
} from './schema.js';
import { diffSequences } from './sequence.js';
import { bigramDice, squash, words } from './similarity.js';

// Field-by-field comparison of two aligned tasks, and of the `document` metadata.

const isSpace = (w: string) => /^\s+$/u.test(w);

/** Texts that differ only in whitespace are the same text. */
export function sameText(a: string, b: string): boolean {
  return a === b || a.replace(/\s+/gu, '') === b.replace(/\s+/gu, '');
}

/**
 * Word-level diff of two texts over jieba tokens (Myers), as runs of equal / deleted / inserted
 * text; deletions come before insertions inside a change. Runs of whitespace compare equal.
 * When several shortest scripts exist, the one chosen does not depend on which text is "old":
 * the script is always computed from the lesser text to the greater and turned around if needed,
 * so wordDiff(b, a) is exactly wordDiff(a, b) with insertions and deletions swapped.
 */
export function wordDiff(from: string, to: string): WordOp[] {
  return from > to ? swapWordOps(orientedWordDiff(to, from)) : orientedWordDiff(from, to);
}

function orientedWordDiff(from: string, to: string): WordOp[] {
  const a = words(from), b = words(to);
  const edits = diffSequences(a, b, (x, y) => x === y || (isSpace(x) && isSpace(y)));
  const ops: WordOp[] = [];
  const push = (op: WordOp['op'], text: string) => {
    const last = ops[ops.length - 1];
    if (last && last.op === op) last.text += text;
    else ops.push({ op, text });
  };
  for (const e of edits) {
    if (e.op === 'equal') push('equal', b[e.b]);
    else if (e.op === 'delete') push('delete', a[e.a]);
    else push('insert', b[e.b]);
  }
  return ops;
}

/** The same word diff seen from the other side: insertions ↔ deletions, deletions first again. */
export function swapWordOps(ops: readonly WordOp[]): WordOp[] {
  const out: WordOp[] = [];
  let del = '', ins = '';
  const flush = () => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = ''; ins = '';
  };
  for (const o of ops) {
    if (o.op === 'equal') { flush(); out.push({ ...o }); }
    else if (o.op === 'insert') del += o.text;
    else ins += o.text;
  }
  flush();
  return out;
}

/** Units added, removed, or present on both sides with other roles; null when the same. */
export function diffUnits(from: readonly Unit[], to: readonly Unit[]): UnitsChange | null {
  const roles = (units: readonly Unit[]) => {
    const m = new Map<string, UnitRole[]>();
    for (const u of units) {
      const r = m.get(u.name) ?? [];
      if (!r.includes(u.role)) r.push(u.role);
      m.set(u.name, r);
    }
    return m;
  };
  const a = roles(from), b = roles(to);
  const only = (units: readonly Unit[], other: Map<string, UnitRole[]>) => {
    const seen = new Set<string>();
    return units.filter((u) => {
      const key = `${u.name}\u0000${u.role}`;
      if (other.has(u.name) || seen.has(key)) return false;
      seen.add(key);
      return true;
    }).map((u) => ({ name: u.name, role: u.role }));
  };
  const change: UnitsChange = { added: only(to, a), removed: only(from, b), roleChanged: [] };
  for (const [name, ra] of a) {
    const rb = b.get(name);
    if (!rb) continue;
    const same = ra.length === rb.length && ra.every((r) => rb.includes(r));
    if (!same) change.roleChanged.push({ name, from: ra, to: rb });
  }
  change.roleChanged.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)); // same order both ways
  return change.added.length || change.removed.length || change.roleChanged.length ? change : null;
}

const dayNumber = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
};

/**
 * A deadline moved earlier or later (both have dates), was added or removed, or otherwise
 * changed (a date became ongoing, a phrase without a date changed). The printed phrase alone
 * changing ("6月底" → "6月底前") with the same date and the same `ongoing` is not a change.
 */
export function diffDeadline(from: Deadline | null, to: Deadline | null): DeadlineChange | null {
  if (!from && !to) return null;
  if (!from) return { change: 'added', from: null, to, days: null };
  if (!to) return { change: 'removed', from, to: null, days: null };
  if (from.due && to.due) {
    const days = Math.round(dayNumber(to.due) - dayNumber(from.due));
    if (days < 0) return { change: 'earlier', from, to, days };
    if (days > 0) return { change: 'later', from, to, days };
    return from.ongoing !== to.ongoing ? { change: 'changed', from, to, days: 0 } : null;
  }
  if (from.due !== to.due || from.ongoing !== to.ongoing || squash(from.raw) !== squash(to.raw)) {
    return { change: 'changed', from, to, days: null };
  }
  return null;
}

const sameTarget = (x: Target, y: Target) =>
  x.comparator === y.comparator && x.value === y.value && x.valueMax === y.valueMax && (x.unit ?? null) === (y.unit ?? null);

/**
 * Pair the targets of two aligned tasks — same printed phrase, then the same metric, then the
 * same unit with a similar (or missing) metric — and report the pairs whose value changed, and
 * the targets left over as added or removed (two targets with the same unit but unrelated
 * metrics are not one target changed). Rewording a metric with the same value is not a change.
 */
export function diffTargets(from: readonly Target[], to: readonly Target[]): TargetChange[] | null {
  const left = [...from.keys()], right = [...to.keys()];
  const pairs: [number, number][] = [];
  const take = (ok: (x: Target, y: Target) => boolean) => {
    for (const i of [...left]) {
      const k = right.findIndex((j) => ok(from[i], to[j]));
      if (k < 0) continue;
      pairs.push([i, right[k]]);
      right.splice(k, 1);
      left.splice(left.indexOf(i), 1);
    }
  };
  const metric = (t: Target) => (t.metric ? squash(t.metric) : '');
  take((x, y) => squash(x.raw) === squash(y.raw) && metric(x) === metric(y));
  take((x, y) => metric(x) !== '' && metric(x) === metric(y) && x.unit === y.unit);
  take((x, y) => metric(x) !== '' && metric(x) === metric(y));
  take((x, y) => x.unit !== null && x.unit === y.unit
    && (!x.metric || !y.metric || bigramDice(x.metric, y.metric) >= 0.5));
  // Last resort: the only target with this unit on each side, unless both metrics say otherwise.
  take((x, y) => x.unit !== null && x.unit === y.unit
    && (!x.metric || !y.metric || bigramDice(x.metric, y.metric) >= 0.25)
    && left.filter((i) => from[i].unit === x.unit).length === 1
    && right.filter((j) => to[j].unit === y.unit).length === 1);

  const changes: TargetChange[] = [];
  // Pairs in the order of both lists (i + j, the same in either direction), then removed, then added.
  for (const [i, j] of pairs.sort((p, q) => p[0] + p[1] - (q[0] + q[1]) || p[0] - q[0])) {
    const x = from[i], y = to[j];
    if (sameTarget(x, y)) continue;
    let change: TargetChange['change'] = 'changed';
    if (x.unit === y.unit) {
      const d = y.value - x.value || (y.valueMax ?? y.value) - (x.valueMax ?? x.value);
      if (d > 0) change = 'raised';
      else if (d < 0) change = 'lowered';
    }
    changes.push({ change, from: x, to: y });
  }
  for (const i of left) changes.push({ change: 'removed', from: from[i], to: null });
  for (const j of right) changes.push({ change: 'added', from: null, to: to[j] });
  return changes.length ? changes : null;
}

/** Did anything about the task's content change, and how. */
export function diffTaskFields(a: Task, b: Task) {
  const title = a.title === b.title || (a.title !== null && b.title !== null && sameText(a.title, b.title))
    ? null : { from: a.title, to: b.title };
  const text = sameText(a.text, b.text) ? null : wordDiff(a.text, b.text);
  return {
    title,
    text,
    units: diffUnits(a.units, b.units),
    deadline: diffDeadline(a.deadline, b.deadline),
    targets: diffTargets(a.targets, b.targets),
  };
}

export const DOCUMENT_FIELDS: readonly DocumentField[] = ['title', 'docNumber', 'issuer', 'issuedDate', 'recipients', 'year'];

/** The `document` fields that differ (recipients compared as a list, order ignored). */
export function diffDocument(a: DocumentMeta, b: DocumentMeta): DocumentChange[] {
  const out: DocumentChange[] = [];
  for (const field of DOCUMENT_FIELDS) {
    const x = a[field], y = b[field];
    if (field === 'recipients') {
      const xs = [...(x as string[])].sort(), ys = [...(y as string[])].sort();
      if (xs.length !== ys.length || xs.some((v, k) => v !== ys[k])) out.push({ field, from: [...(x as string[])], to: [...(y as string[])] });
    } else if (x !== y) {
      out.push({ field, from: x as string | number | null, to: y as string | number | null });
    }
  }
  return out;
}
