import { codePointLength, firstCodePoints } from '../extract/chars.js';
import type { Paragraph } from '../read/types.js';
import { endsAt, findResponsibilities } from './responsibility.js';
import { segmentText, type Segment } from './segments.js';
import type { DraftTask, UnitSpec } from './types.js';
import { leadsInText, unitsInSentences } from './unitsInText.js';

// Turning a segment that is a task into draft tasks: one per responsibility, per
// label group, or per paragraph measure.

/** One segment → one task, or several when it holds several responsibilities or label groups. */
export function segmentTasks(s: Segment, sectionId: string | null, firstLeads: boolean): DraftTask[] {
  const m = s.marker!;
  let kind: DraftTask['origin']['kind'] = m.kind === 'article' ? 'article' : m.kind === 'enum' ? 'enumeration' : s.labels.length ? 'block' : 'measure';
  const number = m.number;
  // A clause of a regulation (第二条　本办法适用于…) has no heading unless one is set off by a colon; a
  // measure written as an article, with a responsibility ("第一条　鼓励企业加大研发投入。…（牵头单位：…）"), has.
  let titleFor = (t: string) => (m.kind === 'article' && !/[：:]/.test(m.raw) ? null : titleOf(t));
  // Label-line form: each group of paragraphs followed by its labels is a task.
  if (s.labels.length) {
    const headText = m.rest.trim();
    const groups = s.labels.map((labels, k) => ({ paras: s.groups[k] ?? [], labels }));
    // "（一）深化“一件事一次办”改革" on a line of its own, then the paragraph: the line is the title of
    // every part, as a heading line is in the other forms, and the text is the paragraph.
    const heading = groups[0].paras.length > 0 && isHeadingLine(headText) ? headText.replace(/。$/, '') : null;
    const out: DraftTask[] = [];
    groups.forEach((g, k) => {
      let text = g.paras.map((p) => p.text.trim()).join('\n');
      let line = g.paras[0]?.line ?? s.head.line;
      const headIsTitleOnly = groups.length > 1 && /^[^。]{1,40}。?$/.test(headText);
      if (k === 0 && heading === null && !(headIsTitleOnly && g.paras.length)) {
        text = [headText, text].filter(Boolean).join('\n');
        line = s.head.line;
      }
      if (!text) text = headText;
      if (k === 0 && heading !== null && groups.length === 1) line = s.head.line;
      const { unitSpecs, deadlineRaw } = readLabels(g.labels, firstLeads);
      // A part that opens with a short sentence of its own ("破解企业融资难融资贵问题。…") keeps it as its title.
      const title = heading !== null && groups.length === 1 ? heading : titleOf(text) ?? heading;
      out.push({ number, sectionId, title, text, unitSpecs, deadlineRaw, origin: { kind, line } });
    });
    return out;
  }
  // A heading line without sentence punctuation, then its paragraphs: the heading is the title.
  const headingLine = m.rest.trim();
  if (s.body.length && isHeadingLine(headingLine) && !/。$/.test(headingLine)) {
    const body = s.body.map((b) => b.text.trim()).join('\n');
    const phrases = findResponsibilities(body);
    const last = phrases[phrases.length - 1];
    const own = last && endsAt(body, last.end) ? last : null;
    return [{
      number, sectionId, title: headingLine, text: body,
      unitSpecs: own ? own.unitSpecs.map((u) => ({ ...u, firstLeads })) : unitsInSentences(body),
      deadlineRaw: own?.deadlineRaw ?? null, origin: { kind, line: s.head.line },
    }];
  }
  // Inline responsibilities: split after each phrase that is followed by more text.
  const text = segmentText(s);
  const phrases = findResponsibilities(text);
  const cuts: { end: number; units: UnitSpec[]; deadlineRaw: string | null }[] = [];
  for (const ph of phrases) {
    const trailing = endsAt(text, ph.end);
    const sentenceEnd = /^[。；;]/.test(text.slice(ph.end)) || /[。；;]$/.test(text.slice(0, ph.start));
    if (trailing || sentenceEnd) cuts.push({ end: trailing ? text.length : ph.end + (/^[。；;]/.test(text.slice(ph.end)) ? 1 : 0), units: ph.unitSpecs.map((u) => ({ ...u, firstLeads })), deadlineRaw: ph.deadlineRaw });
  }
  if (cuts.length && m.kind === 'article') {
    titleFor = titleOf;
    kind = 'measure'; // rule 2 of docs/conventions.md: a numbered measure that carries a responsibility
  }
  if (cuts.length <= 1) {
    const c = cuts[0];
    const units = c?.units ?? (kind === 'block' ? leadsInText(text) : unitsInSentences(text, { modalOnly: kind === 'enumeration' }));
    return [{ number, sectionId, title: titleFor(text), text, unitSpecs: units, deadlineRaw: c?.deadlineRaw ?? null, origin: { kind, line: s.head.line } }];
  }
  // Every part keeps the item's title, as rows under a merged title cell do.
  const out: DraftTask[] = [];
  const title = titleFor(text);
  let from = 0;
  cuts.forEach((c, k) => {
    const end = k === cuts.length - 1 ? text.length : c.end;
    const part = text.slice(from, end).trim();
    if (part) out.push({ number, sectionId, title, text: part, unitSpecs: c.units, deadlineRaw: c.deadlineRaw, origin: { kind, line: s.head.line } });
    from = end;
  });
  return out;
}

const LABEL_SPLIT = /(牵头单位|牵头部门|责任单位|责任部门|配合单位|配合部门|协办单位|完成时限|完成时间|时间节点|时限要求)\s*[:：]/g;

function readLabels(lines: Paragraph[], firstLeads: boolean): { unitSpecs: UnitSpec[]; deadlineRaw: string | null } {
  const unitSpecs: UnitSpec[] = [];
  let deadlineRaw: string | null = null;
  let lastLabel: string | null = null;
  for (const p of lines) {
    const t = p.text.trim();
    const parts: { label: string; value: string }[] = [];
    const matches = [...t.matchAll(LABEL_SPLIT)];
    // A milestone on a line of its own goes on the label above it ("时间节点：" then "3月底前，…；").
    if (!matches.length && lastLabel) parts.push({ label: lastLabel, value: t.replace(/[。.；;，,]$/, '') });
    matches.forEach((m, k) => {
      const start = m.index! + m[0].length;
      const end = k + 1 < matches.length ? matches[k + 1].index! : t.length;
      parts.push({ label: m[1], value: t.slice(start, end).trim().replace(/[。.；;，,]$/, '') });
      lastLabel = m[1];
    });
    for (const { label, value } of parts) {
      if (!value) continue;
      if (/时限|时间|时间节点/.test(label)) deadlineRaw = deadlineRaw ? `${deadlineRaw}；${value}` : value;
      else unitSpecs.push({ raw: value, role: /牵头/.test(label) ? 'lead' : /配合|协办/.test(label) ? 'cooperate' : 'responsible', firstLeads });
    }
  }
  return { unitSpecs, deadlineRaw };
}

/** A line that is only a heading: short, no sentence inside it (a closing 。 at most). */
function isHeadingLine(line: string): boolean {
  return codePointLength(line) <= 40 && !/[！？；;：:，,]$/.test(line) && !/[。；]/.test(line.replace(/。$/, ''));
}

/** The first sentence, when it is a short heading ("加强干部思想教育。…"). */
export function titleOf(text: string): string | null {
  const m = /^([^。！？\n]{2,40}?)[。！？]/.exec(text.trim());
  if (!m) return null;
  const t = m[1].trim();
  // A heading is not a clause of a longer sentence.
  if (/[，,；;：:]/.test(t) && t.length > 25) return null;
  return t;
}

export function headingOf(rest: string): string {
  const t = rest.trim();
  const m = /^([^。！？]{1,60}?)[。！？]/.exec(t);
  if (m) return m[1].trim();
  return codePointLength(t) <= 60 ? t : firstCodePoints(t, 60);
}

/**
 * A heading followed by un-numbered paragraphs that each end with their own
 * responsibility (若干政策 written as paragraphs): every such paragraph, with the
 * paragraphs just before it, is a task; the heading is a section.
 */
export function paragraphMeasures(s: Segment): { tasks: DraftTask[]; rest: Paragraph[] } | null {
  const heading = s.marker?.rest.trim() ?? '';
  if (!s.marker || s.labels.length || /[。；]/.test(heading.replace(/[。]$/, '')) || codePointLength(heading) > 40) return null;
  const ends = s.body.map((p) => {
    const t = p.text.trim();
    const phrases = findResponsibilities(t);
    const last = phrases[phrases.length - 1];
    return last && endsAt(t, last.end) ? last : null;
  });
  if (ends.filter(Boolean).length < 2) return null;
  const tasks: DraftTask[] = [];
  let pending: Paragraph[] = [];
  s.body.forEach((p, k) => {
    pending.push(p);
    const own = ends[k];
    if (!own) return;
    const text = pending.map((x) => x.text.trim()).join('\n');
    tasks.push({
      number: null, sectionId: null, title: titleOf(text), text,
      unitSpecs: own.unitSpecs, deadlineRaw: own.deadlineRaw, origin: { kind: 'measure', line: pending[0].line },
    });
    pending = [];
  });
  return { tasks, rest: pending };
}

/**
 * A measure ends with its responsibility: paragraphs after the last one that
 * closes with a responsibility phrase (a 专栏 box, a list of names) are not its text.
 */
export function trimAfterResponsibility(s: Segment): Paragraph[] {
  if (s.itemsAfterBracket) return [];
  const closes = (t: string) => {
    const phrases = findResponsibilities(t.trim());
    const last = phrases[phrases.length - 1];
    return !!last && endsAt(t.trim(), last.end);
  };
  let lastIdx = -1; // -1: the head paragraph
  s.body.forEach((p, k) => { if (closes(p.text)) lastIdx = k; });
  if (lastIdx === -1 && !closes(s.head.text)) return [];
  const rest = s.body.slice(lastIdx + 1);
  s.body = s.body.slice(0, lastIdx + 1);
  return rest;
}
