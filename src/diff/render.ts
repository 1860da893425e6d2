import { Chalk } from 'chalk';
import type { Deadline, Target, Unit } from '../result/schema.js';
import type {
  DeadlineChange, Diff, DocumentChange, SectionRef, Side, TargetChange, TaskChange, TaskRef, TaskSnapshot,
  UnitsChange, WordOp,
} from './schema.js';

// Renderers for a diff: text for people (like `git diff --word-diff`, coloured with chalk when
// asked), markdown for a report, JSON (the contract in schema.ts).

import { DIFF_FORMATS, type DiffFormat } from './options.js';

export { DIFF_FORMATS, type DiffFormat };

export interface RenderOptions {
  /** Colour level for text output: 0 none (default), 1 basic, 2 256, 3 truecolor. */
  color?: 0 | 1 | 2 | 3;
  /** Characters of unchanged text kept around each change in text/markdown (-1: all). Default 20. */
  context?: number;
  /** JSON on one line. */
  compact?: boolean;
}

export function renderDiff(d: Diff, format: DiffFormat, opts: RenderOptions = {}): string {
  switch (format) {
    case 'json': return opts.compact ? `${JSON.stringify(d)}\n` : `${JSON.stringify(d, null, 2)}\n`;
    case 'markdown': return renderMarkdown(d, opts);
    case 'text': return renderText(d, opts);
  }
}

// ---------------------------------------------------------------------------------------------
// Shared wording

interface Style {
  del(s: string): string;
  ins(s: string): string;
  /** Plain text as printed (markdown escapes it). */
  t(s: string): string;
}

const ROLE = { lead: 'lead', cooperate: 'cooperate', responsible: 'responsible' } as const;

const unit = (u: Unit) => `${u.name} (${ROLE[u.role]})`;

/** Elide the middle of long unchanged runs, keeping `ctx` characters next to each change. */
export function trimOps(ops: readonly WordOp[], ctx: number): WordOp[] {
  if (ctx < 0) return ops.map((o) => ({ ...o }));
  return ops.map((o, k) => {
    if (o.op !== 'equal') return { ...o };
    const chars = [...o.text];
    const first = k === 0, last = k === ops.length - 1;
    if (first && last) return { ...o };
    if (first) return chars.length > ctx + 1 ? { op: 'equal', text: `…${chars.slice(chars.length - ctx).join('')}` } : { ...o };
    if (last) return chars.length > ctx + 1 ? { op: 'equal', text: `${chars.slice(0, ctx).join('')}…` } : { ...o };
    return chars.length > 2 * ctx + 1
      ? { op: 'equal', text: `${chars.slice(0, ctx).join('')} … ${chars.slice(chars.length - ctx).join('')}` } : { ...o };
  });
}

function wordOps(ops: readonly WordOp[], s: Style, ctx: number): string {
  return trimOps(ops, ctx).map((o) => (o.op === 'equal' ? s.t(o.text) : o.op === 'delete' ? s.del(o.text) : s.ins(o.text))).join('');
}

const taskName = (r: TaskRef) => (r.number ?? `#${r.index + 1}`);

function unitsLine(u: UnitsChange, s: Style): string {
  return [
    ...u.removed.map((x) => s.del(unit(x))),
    ...u.added.map((x) => s.ins(unit(x))),
    ...u.roleChanged.map((r) => `${s.t(r.name)}: ${s.del(r.from.join('+'))} → ${s.ins(r.to.join('+'))}`),
  ].join(', ');
}

const deadlineText = (x: Deadline | null) => (x ? x.raw : 'none');

function deadlineLine(c: DeadlineChange, s: Style): string {
  const what = c.change === 'earlier' || c.change === 'later'
    ? `${c.change} by ${Math.abs(c.days ?? 0)} day${Math.abs(c.days ?? 0) === 1 ? '' : 's'}` : c.change;
  const from = c.from ? s.del(deadlineText(c.from)) : '';
  const to = c.to ? s.ins(deadlineText(c.to)) : '';
  return `${[from, to].filter(Boolean).join(' → ')} (${what})`;
}

const num = (x: number) => (Number.isInteger(x) ? String(x) : String(Math.round(x * 1e6) / 1e6));
const value = (t: Target) => `${t.comparator === '=' || t.comparator === '~' ? '' : `${t.comparator} `}${num(t.value)}${t.valueMax !== null ? `–${num(t.valueMax)}` : ''}${t.unit ?? ''}`;

function targetLine(c: TargetChange, s: Style): string {
  const metric = c.to?.metric ?? c.from?.metric;
  const head = metric ? `${s.t(metric)}: ` : '';
  if (!c.from) return `${head}${s.ins(c.to!.raw)} (added)`;
  if (!c.to) return `${head}${s.del(c.from.raw)} (removed)`;
  return `${head}${s.del(c.from.raw)} → ${s.ins(c.to.raw)} (${c.change}: ${value(c.from)} → ${value(c.to)})`;
}

function metaValue(v: DocumentChange['from']): string {
  if (v === null) return 'none';
  if (Array.isArray(v)) return v.length ? v.join('、') : 'none';
  return String(v);
}

const sectionName = (r: SectionRef) => `${r.marker}${r.heading}`;

function sideLabel(x: Side): string {
  return `${x.path ?? '(stdin)'}${x.input === 'result' ? ' [result]' : ''} (${x.tasks} tasks, ${x.sections} sections)`;
}

/** Is this change only a new number (no field change, same order and section)? */
const renumberOnly = (c: TaskChange) =>
  !!c.moved && !c.moved.order && !c.moved.section && !c.title && !c.text && !c.units && !c.deadline && !c.targets;

function movedNotes(c: TaskChange): string[] {
  const notes: string[] = [];
  if (c.moved?.order) notes.push('moved out of the original order');
  if (c.moved?.section) notes.push(`section ${c.moved.section.from ?? 'none'} → ${c.moved.section.to ?? 'none'}`);
  return notes;
}

export function summaryLine(d: Diff): string {
  const s = d.summary;
  if (d.equal) return `no differences (${s.unchanged} tasks aligned)`;
  const fields = (['text', 'units', 'deadline', 'targets'] as const).filter((k) => s[k] > 0).map((k) => `${k} ${s[k]}`);
  const parts = [
    `${s.added} added`, `${s.removed} removed`, `${s.moved} moved/renumbered`,
    `${s.changed} changed${fields.length ? ` (${fields.join(', ')})` : ''}`, `${s.unchanged} unchanged`,
  ];
  if (s.metadata) parts.push(`${s.metadata} document field${s.metadata === 1 ? '' : 's'}`);
  if (s.sections) parts.push(`${s.sections} section change${s.sections === 1 ? '' : 's'}`);
  return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------
// Text

export function renderText(d: Diff, opts: RenderOptions = {}): string {
  const c = new Chalk({ level: opts.color ?? 0 });
  const ctx = opts.context ?? 20;
  const s: Style = {
    del: (x) => c.red(`[-${x}-]`),
    ins: (x) => c.green(`{+${x}+}`),
    t: (x) => x,
  };
  const out: string[] = [];
  out.push(c.bold(`--- ${sideLabel(d.old)}`), c.bold(`+++ ${sideLabel(d.new)}`));

  if (d.document.length) {
    out.push('', c.bold('document'));
    for (const m of d.document) out.push(`  ${m.field}: ${s.del(metaValue(m.from))} ${s.ins(metaValue(m.to))}`);
  }

  const sec = d.sections;
  if (sec.added.length + sec.removed.length + sec.changed.length) {
    out.push('', c.bold('sections'));
    for (const r of sec.removed) out.push(c.red(`- ${sectionName(r)}`) + c.dim(`  (level ${r.level}, old line ${r.line})`));
    for (const r of sec.added) out.push(c.green(`+ ${sectionName(r)}`) + c.dim(`  (level ${r.level}, new line ${r.line})`));
    for (const ch of sec.changed) {
      const name = sectionName(ch.old) === sectionName(ch.new) ? sectionName(ch.new) : `${s.del(sectionName(ch.old))} ${s.ins(sectionName(ch.new))}`;
      const notes = ch.changes.map((k) => (k === 'level' ? `level ${ch.old.level} → ${ch.new.level}` : k === 'order' ? 'moved' : k === 'parent' ? 'parent changed' : k === 'marker' ? 'renumbered' : 'renamed'));
      out.push(`${c.yellow('~')} ${name}${c.dim(`  (${notes.join(', ')})`)}`);
    }
  }

  const t = d.tasks;
  const detailed = t.changed.filter((x) => !renumberOnly(x));
  const renumbered = t.changed.filter(renumberOnly);
  if (t.removed.length + t.added.length + t.changed.length) out.push('', c.bold('tasks'));
  const snapshot = (x: TaskSnapshot, sign: '+' | '-') => {
    const paint = sign === '+' ? c.green : c.red;
    const where = `${sign === '+' ? 'new' : 'old'} line ${x.line}${x.section ? `, ${x.section}` : ''}`;
    out.push(paint.bold(`${sign} ${taskName(x)}${x.title ? ` ${x.title}` : ''}`) + c.dim(`  (${sign === '+' ? 'added' : 'removed'}; ${where})`));
    const wrap = sign === '+' ? s.ins : s.del;
    if (x.text) out.push(`    ${wrap(x.text)}`);
    const fields: string[] = [];
    if (x.units.length) fields.push(`units: ${x.units.map(unit).join(', ')}`);
    if (x.deadline) fields.push(`deadline: ${x.deadline.raw}`);
    if (x.targets.length) fields.push(`targets: ${x.targets.map((y) => y.raw).join(', ')}`);
    for (const f of fields) out.push(c.dim(`    ${f}`));
  };
  for (const x of t.removed) snapshot(x, '-');
  for (const x of t.added) snapshot(x, '+');
  for (const x of detailed) {
    const number = x.moved?.number ? `${x.moved.number.from ?? 'none'} → ${x.moved.number.to ?? 'none'}` : taskName(x.new);
    const title = x.new.title ?? x.old.title;
    const notes = [...movedNotes(x).map((n) => n.replace(' out of the original order', '')), `line ${x.old.line} → ${x.new.line}`, `similarity ${x.similarity.toFixed(2)}`];
    out.push(`${c.yellow.bold(`~ ${number}${title ? ` ${title}` : ''}`)}${c.dim(`  (${notes.join('; ')})`)}`);
    if (x.title) out.push(`    title: ${s.del(x.title.from ?? 'none')} ${s.ins(x.title.to ?? 'none')}`);
    if (x.text) out.push(`    text: ${wordOps(x.text, s, ctx)}`);
    if (x.units) out.push(`    units: ${unitsLine(x.units, s)}`);
    if (x.deadline) out.push(`    deadline: ${deadlineLine(x.deadline, s)}`);
    if (x.targets) for (const y of x.targets) out.push(`    target: ${targetLine(y, s)}`);
  }
  if (renumbered.length) {
    out.push(c.yellow(`~ renumbered (${renumbered.length}): `) + renumbered.map((x) => `${x.moved!.number!.from ?? 'none'}→${x.moved!.number!.to ?? 'none'}`).join(', '));
  }
  out.push('', c.bold(summaryLine(d)));
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Markdown

/** Escape text for markdown (inline and inside table cells). */
export function md(s: string): string {
  return s.replace(/[\\`*_~[\]<>|#]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, ' ');
}

export function renderMarkdown(d: Diff, opts: RenderOptions = {}): string {
  const ctx = opts.context ?? 20;
  const s: Style = {
    del: (x) => (x.trim() ? `~~${md(x)}~~` : md(x)),
    ins: (x) => (x.trim() ? `**${md(x)}**` : md(x)),
    t: md,
  };
  const out: string[] = [];
  const name = (x: Side) => `\`${(x.path ?? '(stdin)').replace(/`/g, "'")}\``;
  out.push(`## policy-parse diff: ${name(d.old)} → ${name(d.new)}`, '');
  out.push(`**${md(summaryLine(d))}**`, '');
  out.push('| | Old | New |', '|---|---|---|');
  out.push(`| Input | ${md(d.old.path ?? '(stdin)')} | ${md(d.new.path ?? '(stdin)')} |`);
  out.push(`| Title | ${md(d.old.title ?? '—')} | ${md(d.new.title ?? '—')} |`);
  out.push(`| Tasks | ${d.old.tasks} | ${d.new.tasks} |`);
  out.push(`| Sections | ${d.old.sections} | ${d.new.sections} |`, '');

  if (d.document.length) {
    out.push('### Document', '', '| Field | Old | New |', '|---|---|---|');
    for (const m of d.document) out.push(`| ${m.field} | ${md(metaValue(m.from))} | ${md(metaValue(m.to))} |`);
    out.push('');
  }
  const sec = d.sections;
  if (sec.added.length + sec.removed.length + sec.changed.length) {
    out.push('### Sections', '');
    for (const r of sec.added) out.push(`- Added: ${md(sectionName(r))} (level ${r.level})`);
    for (const r of sec.removed) out.push(`- Removed: ${md(sectionName(r))} (level ${r.level})`);
    for (const ch of sec.changed) {
      out.push(`- Changed: ${md(sectionName(ch.old))} → ${md(sectionName(ch.new))} (${ch.changes.join(', ')})`);
    }
    out.push('');
  }
  const t = d.tasks;
  const snapshot = (x: TaskSnapshot) => {
    const fields = [
      x.units.length ? `units: ${md(x.units.map(unit).join('、'))}` : '',
      x.deadline ? `deadline: ${md(x.deadline.raw)}` : '',
      x.targets.length ? `targets: ${md(x.targets.map((y) => y.raw).join('、'))}` : '',
    ].filter(Boolean);
    out.push(`- **${md(taskName(x))}**${x.title ? ` ${md(x.title)}` : ''}${x.section ? ` — _${md(x.section)}_` : ''}`);
    if (x.text) out.push(`  > ${md(x.text)}`);
    if (fields.length) out.push(`  ${fields.join(' · ')}`);
  };
  if (t.added.length) { out.push(`### Added tasks (${t.added.length})`, ''); t.added.forEach(snapshot); out.push(''); }
  if (t.removed.length) { out.push(`### Removed tasks (${t.removed.length})`, ''); t.removed.forEach(snapshot); out.push(''); }
  const detailed = t.changed.filter((x) => !renumberOnly(x));
  const renumbered = t.changed.filter(renumberOnly);
  if (detailed.length) {
    out.push(`### Changed or moved tasks (${detailed.length})`, '');
    for (const x of detailed) {
      const number = x.moved?.number ? `${x.moved.number.from ?? 'none'} → ${x.moved.number.to ?? 'none'}` : taskName(x.new);
      const title = x.new.title ?? x.old.title;
      out.push(`#### ${md(number)}${title ? ` ${md(title)}` : ''}`, '');
      const notes = movedNotes(x);
      if (notes.length) out.push(`- Moved: ${md(notes.join('; '))}`);
      out.push(`- Lines: ${x.old.line} → ${x.new.line} · similarity ${x.similarity.toFixed(2)}`);
      if (x.title) out.push(`- Title: ${s.del(x.title.from ?? 'none')} → ${s.ins(x.title.to ?? 'none')}`);
      if (x.text) out.push(`- Text: ${wordOps(x.text, s, ctx)}`);
      if (x.units) out.push(`- Units: ${unitsLine(x.units, s)}`);
      if (x.deadline) out.push(`- Deadline: ${deadlineLine(x.deadline, s)}`);
      if (x.targets) for (const y of x.targets) out.push(`- Target: ${targetLine(y, s)}`);
      out.push('');
    }
  }
  if (renumbered.length) {
    out.push(`### Renumbered only (${renumbered.length})`, '');
    out.push(renumbered.map((x) => `${md(x.moved!.number!.from ?? 'none')} → ${md(x.moved!.number!.to ?? 'none')}`).join(', '), '');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}
