import type { Format, Result, Section, Task } from '../result/schema.js';
import { alignSections, alignTasks, DEFAULT_THRESHOLD } from './align.js';
import { diffDocument, diffTaskFields, swapWordOps } from './fields.js';
import {
  DIFF_VERSION, type ChangeKind, type DeadlineChange, type Diff, type SectionChange, type SectionRef,
  type Side, type Summary, type TargetChange, type TaskChange, type TaskRef, type TaskSnapshot,
} from './schema.js';
import { inEveryLongestIncreasing } from './sequence.js';

export interface DiffSideInfo {
  /** The path to show (defaults to the result's source.path). */
  path?: string | null;
  /** "result" when the side was read from a result JSON file (defaults to the source format). */
  input?: 'result' | Format;
}

export interface DiffOptions {
  /** Minimum similarity score for two tasks to be aligned (0–1, default 0.35). */
  threshold?: number;
  old?: DiffSideInfo;
  new?: DiffSideInfo;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

const sectionLabel = (s: Section | undefined) => (s ? `${s.marker}${s.heading}`.trim() : null);

function side(r: Result, info: DiffSideInfo | undefined): Side {
  return {
    path: info?.path !== undefined ? info.path : r.source.path,
    input: info?.input ?? r.source.format,
    sha256: r.source.sha256,
    title: r.document.title,
    tasks: r.tasks.length,
    sections: r.sections.length,
  };
}

function sectionRef(s: Section, index: number): SectionRef {
  return { index, id: s.id, level: s.level, marker: s.marker, heading: s.heading, line: s.line };
}

function taskRef(t: Task, index: number, sections: Map<string, Section>): TaskRef {
  return {
    index, id: t.id, number: t.number, sectionId: t.sectionId,
    section: t.sectionId ? sectionLabel(sections.get(t.sectionId)) : null,
    title: t.title, line: t.origin.line,
  };
}

function snapshot(t: Task, index: number, sections: Map<string, Section>): TaskSnapshot {
  return {
    ...taskRef(t, index, sections),
    text: t.text, units: t.units.map((u) => ({ ...u })), deadline: t.deadline ? { ...t.deadline } : null,
    targets: t.targets.map((x) => ({ ...x })),
  };
}

/** Compare two results: what was added, removed, moved or changed, field by field. */
export function diffResults(a: Result, b: Result, options: DiffOptions = {}): Diff {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const secA = new Map(a.sections.map((s) => [s.id, s]));
  const secB = new Map(b.sections.map((s) => [s.id, s]));

  // Sections.
  const sectionPairs = alignSections(a.sections, b.sections);
  const secToB = new Map(sectionPairs.map((p) => [a.sections[p.old].id, b.sections[p.new].id]));
  const secStable = stableFlags(sectionPairs);
  const sectionChanges: SectionChange[] = [];
  sectionPairs.forEach((p, k) => {
    const x = a.sections[p.old], y = b.sections[p.new];
    const changes: SectionChange['changes'] = [];
    if (x.marker !== y.marker) changes.push('marker');
    if (x.heading !== y.heading) changes.push('heading');
    if (x.level !== y.level) changes.push('level');
    const parent = x.parentId === null ? null : (secToB.get(x.parentId) ?? `\u0000${x.parentId}`);
    if (parent !== y.parentId) changes.push('parent');
    if (!secStable[k]) changes.push('order');
    if (changes.length) sectionChanges.push({ old: sectionRef(x, p.old), new: sectionRef(y, p.new), changes });
  });
  const secMatchedA = new Set(sectionPairs.map((p) => p.old));
  const secMatchedB = new Set(sectionPairs.map((p) => p.new));

  // Tasks.
  const pairs = alignTasks(a, b, sectionPairs, { threshold });
  const stable = stableFlags(pairs);
  const changed: TaskChange[] = [];
  let unchanged = 0;
  pairs.forEach((p, k) => {
    const x = a.tasks[p.old], y = b.tasks[p.new];
    const fields = diffTaskFields(x, y);
    const mappedSection = x.sectionId === null ? null : (secToB.get(x.sectionId) ?? `\u0000${x.sectionId}`);
    const sectionMoved = mappedSection !== y.sectionId;
    const numberMoved = x.number !== y.number;
    const moved = !stable[k] || sectionMoved || numberMoved
      ? {
        order: !stable[k],
        section: sectionMoved ? { from: x.sectionId ? sectionLabel(secA.get(x.sectionId)) : null, to: y.sectionId ? sectionLabel(secB.get(y.sectionId)) : null } : null,
        number: numberMoved ? { from: x.number, to: y.number } : null,
      }
      : null;
    if (!moved && !fields.title && !fields.text && !fields.units && !fields.deadline && !fields.targets) { unchanged++; return; }
    changed.push({
      old: taskRef(x, p.old, secA), new: taskRef(y, p.new, secB), similarity: round3(p.similarity),
      moved, ...fields,
    });
  });
  changed.sort((p, q) => p.new.index - q.new.index);
  const matchedA = new Set(pairs.map((p) => p.old));
  const matchedB = new Set(pairs.map((p) => p.new));

  const diff: Diff = {
    diffVersion: DIFF_VERSION,
    old: side(a, options.old),
    new: side(b, options.new),
    threshold,
    equal: true,
    summary: emptySummary(),
    document: diffDocument(a.document, b.document),
    sections: {
      added: b.sections.flatMap((s, j) => (secMatchedB.has(j) ? [] : [sectionRef(s, j)])),
      removed: a.sections.flatMap((s, i) => (secMatchedA.has(i) ? [] : [sectionRef(s, i)])),
      changed: sectionChanges.sort((p, q) => p.new.index - q.new.index),
    },
    tasks: {
      added: b.tasks.flatMap((t, j) => (matchedB.has(j) ? [] : [snapshot(t, j, secB)])),
      removed: a.tasks.flatMap((t, i) => (matchedA.has(i) ? [] : [snapshot(t, i, secA)])),
      changed,
    },
  };
  diff.summary = summarize(diff, unchanged);
  diff.equal = CHANGE_KIND_LIST.every((k) => diff.summary[k] === 0);
  return diff;
}

const CHANGE_KIND_LIST: readonly ChangeKind[] = ['added', 'removed', 'moved', 'text', 'units', 'deadline', 'targets', 'metadata', 'sections'];

/** Pairs (sorted by old index) that kept their relative order in the new document. */
function stableFlags(pairs: readonly { old: number; new: number }[]): boolean[] {
  const sorted = pairs.map((p, k) => ({ ...p, k })).sort((x, y) => x.old - y.old);
  const flags = inEveryLongestIncreasing(sorted.map((p) => p.new));
  const out = new Array<boolean>(pairs.length);
  sorted.forEach((p, idx) => { out[p.k] = flags[idx]; });
  return out;
}

function emptySummary(): Summary {
  return { unchanged: 0, changed: 0, added: 0, removed: 0, moved: 0, text: 0, units: 0, deadline: 0, targets: 0, metadata: 0, sections: 0 };
}

function summarize(d: Diff, unchanged: number): Summary {
  const c = d.tasks.changed;
  return {
    unchanged,
    changed: c.filter((t) => t.title || t.text || t.units || t.deadline || t.targets).length,
    added: d.tasks.added.length,
    removed: d.tasks.removed.length,
    moved: c.filter((t) => t.moved).length,
    text: c.filter((t) => t.title || t.text).length,
    units: c.filter((t) => t.units).length,
    deadline: c.filter((t) => t.deadline).length,
    targets: c.filter((t) => t.targets).length,
    metadata: d.document.length,
    sections: d.sections.added.length + d.sections.removed.length + d.sections.changed.length,
  };
}

/** The kinds of change present in a diff (non-zero summary counts), in CHANGE_KINDS order. */
export function changeKinds(d: Diff): ChangeKind[] {
  return CHANGE_KIND_LIST.filter((k) => d.summary[k] > 0);
}

/**
 * The exit status of `policy-parse diff`: 1 when the diff has a change of one of `failOn`
 * (every kind when omitted), else 0.
 */
export function diffExitCode(d: Diff, failOn?: readonly ChangeKind[]): 0 | 1 {
  const kinds = failOn && failOn.length ? failOn : CHANGE_KIND_LIST;
  return kinds.some((k) => d.summary[k] > 0) ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------
// Mirroring: diff(B, A) is expected to equal mirrorDiff(diff(A, B)).

const MIRROR_DEADLINE: Record<DeadlineChange['change'], DeadlineChange['change']> = {
  earlier: 'later', later: 'earlier', added: 'removed', removed: 'added', changed: 'changed',
};
const MIRROR_TARGET: Record<TargetChange['change'], TargetChange['change']> = {
  raised: 'lowered', lowered: 'raised', added: 'removed', removed: 'added', changed: 'changed',
};

const targetGroup = (t: TargetChange) => (t.from && t.to ? 0 : t.from ? 1 : 2);

/** The same diff seen from the other side (old ↔ new). */
export function mirrorDiff(d: Diff): Diff {
  const swap = <T>(x: { from: T; to: T } | null) => (x ? { from: x.to, to: x.from } : null);
  const changed: TaskChange[] = d.tasks.changed.map((c) => ({
    old: { ...c.new }, new: { ...c.old }, similarity: c.similarity,
    moved: c.moved ? { order: c.moved.order, section: swap(c.moved.section), number: swap(c.moved.number) } : null,
    title: swap(c.title),
    text: c.text ? swapWordOps(c.text) : null,
    units: c.units ? {
      added: c.units.removed, removed: c.units.added,
      roleChanged: c.units.roleChanged.map((r) => ({ name: r.name, from: r.to, to: r.from })),
    } : null,
    deadline: c.deadline ? {
      change: MIRROR_DEADLINE[c.deadline.change], from: c.deadline.to, to: c.deadline.from,
      days: c.deadline.days === null ? null : -c.deadline.days || 0,
    } : null,
    targets: c.targets
      ? c.targets.map((t) => ({ change: MIRROR_TARGET[t.change], from: t.to, to: t.from }))
        .sort((x, y) => targetGroup(x) - targetGroup(y)) // stable: pairs, removed, added
      : null,
  }));
  changed.sort((p, q) => p.new.index - q.new.index);
  const s = d.summary;
  return {
    ...d,
    old: { ...d.new },
    new: { ...d.old },
    summary: { ...s, added: s.removed, removed: s.added },
    document: d.document.map((c) => ({ field: c.field, from: c.to, to: c.from })),
    sections: {
      added: d.sections.removed,
      removed: d.sections.added,
      changed: d.sections.changed.map((c) => ({ old: c.new, new: c.old, changes: c.changes }))
        .sort((p, q) => p.new.index - q.new.index),
    },
    tasks: { added: d.tasks.removed, removed: d.tasks.added, changed },
  };
}
