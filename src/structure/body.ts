import type { Section } from '../result/schema.js';
import type { Paragraph } from '../read/types.js';
import { isBoilerplate } from './boilerplate.js';
import { MARKER_RANK, parseMarker, type Marker } from './markers.js';
import { OutlineBuilder } from './outline.js';
import { isLabelLine } from './paragraphs.js';
import { endsAt, findResponsibilities } from './responsibility.js';
import { norm, type TableOfContents } from './toc.js';
import type { DraftTask, DraftWarning, UnitSpec } from './types.js';

// The body of a document: numbered items (segments) with the paragraphs that
// follow them. Which segments are tasks depends on the whole document, so the
// walk collects segments first and decides afterwards (see docs/conventions.md).

interface Segment {
  marker: Marker | null; // null: an article of a compilation, or a headline block
  head: Paragraph; // the paragraph that opens the segment
  body: Paragraph[]; // continuation paragraphs (not label lines)
  labels: Paragraph[][]; // label-line groups; labels[k] follows bodyGroups[k]
  groups: Paragraph[][]; // body paragraphs split where a label group ends
  rank: number;
  parent: Segment | null;
  children: number;
  root: boolean; // an article title from the table of contents
  headline: boolean; // an un-numbered short headline followed by its paragraph
  lastWasLabel: boolean;
  untitled?: boolean;
  absorbed?: boolean; // an item inside a clause: part of the clause's text
}

export interface BodyOptions {
  /** When the document has a task table, body items are sections only. */
  tasksFromTable: boolean;
  toc: TableOfContents | null;
  /** Paragraph indexes that belong to the document head (title, 主送, 落款). */
  headIndexes: Set<number>;
  /** "排在第一位的部门为牵头部门": the document says the first unit of a list leads. */
  firstLeads: boolean;
}

export interface BodyResult {
  sections: Section[];
  tasks: DraftTask[];
  warnings: DraftWarning[];
}

export function readBody(paras: Paragraph[], outline: OutlineBuilder, opts: BodyOptions): BodyResult {
  const warnings: DraftWarning[] = [];
  const segments: Segment[] = [];
  const loose: Paragraph[] = []; // text outside any segment
  const stack: Segment[] = [];
  let current: Segment | null = null;
  let tocIndex = 0;
  const tocEntries = opts.toc?.entries.map(norm) ?? [];

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const text = p.text.trim();
    if (opts.headIndexes.has(i) || isBoilerplate(text)) continue;
    if (opts.toc && i >= opts.toc.start && i < opts.toc.end) continue;
    // An article of a compilation: a title listed in the table of contents, or text set
    // apart by blank lines (a title line, or an untitled fragment right after the contents).
    if (opts.toc) {
      const at = tocEntries.indexOf(norm(text), tocIndex);
      const gap = (p as { gapBefore?: number }).gapBefore ?? 0;
      const titleLike = isHeadline(text) && !parseMarker(text) && i + 1 < paras.length;
      const untitled = gap >= 2 && !titleLike && !segments.some((s) => s.root) && !parseMarker(text);
      if (at >= 0 || (gap >= 2 && titleLike && !isHeadline(paras[i + 1].text)) || untitled) {
        if (at >= 0) tocIndex = at + 1;
        const seg = newSegment(null, p, -1, null);
        seg.root = true;
        segments.push(seg);
        stack.length = 0;
        stack.push(seg);
        current = seg;
        if (untitled) { seg.untitled = true; seg.groups.push([p]); seg.body.push(p); }
        continue;
      }
    }
    const marker = parseMarker(text);
    if (marker) {
      const rank = MARKER_RANK[marker.kind];
      while (stack.length && !stack[stack.length - 1].root && stack[stack.length - 1].rank >= rank) stack.pop();
      const parent = stack.length ? stack[stack.length - 1] : null;
      const seg = newSegment(marker, p, rank, parent);
      if (parent) parent.children++;
      segments.push(seg);
      stack.push(seg);
      current = seg;
      continue;
    }
    if (isLabelLine(text) && current) {
      // groups[k] are the paragraphs that labels[k] follow.
      if (current.lastWasLabel) current.labels[current.labels.length - 1].push(p);
      else {
        while (current.groups.length < current.labels.length + 1) current.groups.push([]);
        current.labels.push([p]);
      }
      current.lastWasLabel = true;
      continue;
    }
    if (current) {
      if (current.lastWasLabel || current.groups.length === 0) current.groups.push([p]);
      else current.groups[current.groups.length - 1].push(p);
      current.lastWasLabel = false;
      current.body.push(p);
      continue;
    }
    loose.push(p);
  }

  absorbIntoClauses(segments);
  const live = segments.filter((s) => !s.absorbed);
  const anyResponsibility = !opts.tasksFromTable && live.some(hasResponsibility);
  const taskSegments = new Set<Segment>();
  if (!opts.tasksFromTable) {
    if (anyResponsibility) {
      for (const s of live) {
        if (!s.marker || (s.children > 0 && s.marker.kind !== 'article')) continue;
        if (hasResponsibility(s) || siblings(live, s).some(hasResponsibility)) taskSegments.add(s);
      }
    } else {
      for (const s of live) if (s.marker && isFallbackTask(s)) taskSegments.add(s);
    }
  }

  // Headline blocks (a short un-numbered line followed by its paragraph) are tasks only
  // in documents without responsibilities, inside an article or section.
  const headlineTasks: HeadlineBlock[] = [];

  // Emit sections and tasks in reading order.
  const sectionOf = new Map<Segment, Section>();
  const tasks: DraftTask[] = [];
  outline.reset();
  for (const s of live) {
    if (s.root) {
      sectionOf.set(s, outline.openRoot(s.untitled ? '' : s.head.text.trim(), s.head.line));
      if (opts.tasksFromTable || anyResponsibility) for (const b of s.body) warnings.push(unplaced(b));
      else collectHeadlines(s.body, s, headlineTasks, warnings);
      continue;
    }
    const container = !opts.tasksFromTable && anyResponsibility && paragraphMeasures(s);
    if (!taskSegments.has(s) || container) {
      const section = outline.add(s.marker!, headingOf(s.marker!.rest), s.head.line);
      sectionOf.set(s, section);
      if (container) {
        tasks.push(...container.tasks.map((t) => ({ ...t, sectionId: section.id })));
        for (const b of container.rest) warnings.push(unplaced(b));
      } else if (opts.tasksFromTable || anyResponsibility) {
        for (const b of s.body) warnings.push(unplaced(b));
      } else {
        collectHeadlines(s.body, s, headlineTasks, warnings);
      }
      continue;
    }
    const parentSection = outline.parentFor(s.marker!.kind);
    if (anyResponsibility && !s.labels.length) for (const p of trimAfterResponsibility(s)) warnings.push(unplaced(p));
    tasks.push(...segmentTasks(s, parentSection?.id ?? null, opts.firstLeads));
  }
  // Loose text before/between items; in a compilation, headlines inside articles.
  for (const p of loose) warnings.push(unplaced(p));
  for (const h of headlineTasks) {
    const parent = h.parent ? sectionOf.get(h.parent) ?? null : null;
    const text = h.body.map((b) => b.text.trim()).join('\n');
    tasks.push({
      number: null, sectionId: parent?.id ?? null, title: h.title.text.trim().replace(/[。.]$/, ''), text,
      unitSpecs: leadsInText(text), deadlineRaw: null, origin: { kind: 'block', line: h.title.line },
    });
  }
  tasks.sort((a, b) => a.origin.line - b.origin.line);
  return { sections: outline.sections, tasks, warnings };
}

function newSegment(marker: Marker | null, head: Paragraph, rank: number, parent: Segment | null): Segment {
  return { marker, head, body: [], labels: [], groups: [], rank, parent, children: 0, root: false, headline: false, lastWasLabel: false };
}

function segmentText(s: Segment): string {
  return [s.marker ? s.marker.rest.trim() : s.head.text.trim(), ...s.body.map((b) => b.text.trim())].join('');
}

function hasResponsibility(s: Segment): boolean {
  if (!s.marker) return false;
  if (s.labels.some((g) => g.some((p) => /^(牵头|责任|配合|协办)/.test(p.text.trim())))) return true;
  return findResponsibilities(segmentText(s)).length > 0;
}

function siblings(all: Segment[], s: Segment): Segment[] {
  // Clauses are numbered through the whole document, across chapters.
  if (s.marker?.kind === 'article') return all.filter((o) => o !== s && o.marker?.kind === 'article');
  return all.filter((o) => o !== s && o.parent === s.parent && o.marker?.kind === s.marker?.kind);
}

/** The （一）(二)… items of a clause are part of the clause: its text, not tasks or sections. */
function absorbIntoClauses(segments: Segment[]): void {
  for (const s of segments) {
    let clause: Segment | null = s.parent;
    while (clause && clause.marker?.kind !== 'article') clause = clause.parent;
    if (!clause || s === clause) continue;
    s.absorbed = true;
    clause.body.push({ ...s.head }, ...s.body);
    if (clause.groups.length === 0) clause.groups.push([]);
    clause.groups[clause.groups.length - 1].push({ ...s.head }, ...s.body);
  }
}

const SAFEGUARDS = /保障措施|组织实施|组织保障|工作要求|保障机制|工作保障|有关要求|组织领导$/;

/** Under 保障措施/组织实施 headings, items without a responsibility are not tasks. */
function underSafeguards(s: Segment): boolean {
  for (let p = s.parent; p; p = p.parent) if (p.marker && SAFEGUARDS.test(headingOf(p.marker.rest))) return true;
  return false;
}

/** Without responsibilities anywhere: clauses, enumerations and deepest numbered items with text. */
function isFallbackTask(s: Segment): boolean {
  const kind = s.marker!.kind;
  if (kind === 'article' || kind === 'enum') return true;
  if (s.children > 0 || kind === 'chapter' || underSafeguards(s)) return false;
  // A numbered item is a task when it says something beyond a heading: more sentences,
  // paragraphs of its own, or one long sentence (a requirement of a notice).
  const rest = s.marker!.rest.trim();
  const firstSentenceEnd = rest.search(/[。；]/);
  const hasMoreText = s.body.length > 0 || (firstSentenceEnd >= 0 && firstSentenceEnd < rest.length - 1) ||
    ([...rest].length > 40 && /[。；]$/.test(rest));
  return hasMoreText && (s.parent !== null || kind !== 'cn');
}

/** Headline blocks: a headline and the paragraphs after it, up to the next headline. */
function collectHeadlines(body: Paragraph[], parent: Segment, out: HeadlineBlock[], warnings: DraftWarning[]): void {
  for (let i = 0; i < body.length; i++) {
    const p = body[i];
    const next = body[i + 1];
    if (next && isHeadline(p.text) && !isHeadline(next.text)) {
      const paras = [next];
      for (i += 2; i < body.length && !(isHeadline(body[i].text) && body[i + 1] && !isHeadline(body[i + 1].text)); i++) paras.push(body[i]);
      i--;
      out.push({ title: p, body: paras, parent });
      continue;
    }
    warnings.push(unplaced(p));
  }
}

interface HeadlineBlock { title: Paragraph; body: Paragraph[]; parent: Segment | null }

/** A short line that reads as a heading, not a sentence: "企业开办3小时办结", "在“放”上求突破，提升“内动力”。" */
function isHeadline(t: string): boolean {
  const s = t.trim().replace(/[。.]$/, '');
  return [...s].length <= 30 && !/[。；！？;]/.test(s) && !/[：:]$/.test(s) && (s.match(/[，,]/g) ?? []).length <= 1;
}

/** One segment → one task, or several when it holds several responsibilities or label groups. */
function segmentTasks(s: Segment, sectionId: string | null, firstLeads: boolean): DraftTask[] {
  const m = s.marker!;
  const kind = m.kind === 'article' ? 'article' : m.kind === 'enum' ? 'enumeration' : s.labels.length ? 'block' : 'measure';
  const number = m.number;
  // A clause of a regulation (第二条　本办法适用于…) has no heading unless one is set off by a colon.
  const titleFor = (t: string) => (m.kind === 'article' && !/[：:]/.test(m.raw) ? null : titleOf(t));
  // Label-line form: each group of paragraphs followed by its labels is a task.
  if (s.labels.length) {
    const headText = m.rest.trim();
    const groups = s.labels.map((labels, k) => ({ paras: s.groups[k] ?? [], labels }));
    const out: DraftTask[] = [];
    groups.forEach((g, k) => {
      let text = g.paras.map((p) => p.text.trim()).join('\n');
      let line = g.paras[0]?.line ?? s.head.line;
      const headIsTitleOnly = groups.length > 1 && /^[^。]{1,40}。?$/.test(headText);
      if (k === 0 && !(headIsTitleOnly && g.paras.length)) {
        text = [headText, text].filter(Boolean).join('\n');
        line = s.head.line;
      }
      const { unitSpecs, deadlineRaw } = readLabels(g.labels, firstLeads);
      out.push({ number, sectionId, title: titleOf(text), text: healNewlines(text), unitSpecs, deadlineRaw, origin: { kind, line } });
    });
    return out;
  }
  // A heading line without sentence punctuation, then its paragraphs: the heading is the title.
  const headingLine = m.rest.trim();
  if (s.body.length && [...headingLine].length <= 40 && !/[。！？；;：:，,]$/.test(headingLine) && !/[。；]/.test(headingLine)) {
    const body = s.body.map((b) => b.text.trim()).join('\n');
    const phrases = findResponsibilities(body);
    const last = phrases[phrases.length - 1];
    const own = last && endsAt(body, last.end) ? last : null;
    return [{
      number, sectionId, title: headingLine, text: body,
      unitSpecs: own ? own.unitSpecs.map((u) => ({ ...u, firstLeads })) : leadsInText(body),
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
  if (cuts.length <= 1) {
    const c = cuts[0];
    const inText = leadsInText(text);
    const units = c?.units ?? (inText.length ? inText : kind === 'article' ? dutiesInText(text) : []);
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
  for (const p of lines) {
    const t = p.text.trim();
    const parts: { label: string; value: string }[] = [];
    const matches = [...t.matchAll(LABEL_SPLIT)];
    matches.forEach((m, k) => {
      const start = m.index! + m[0].length;
      const end = k + 1 < matches.length ? matches[k + 1].index! : t.length;
      parts.push({ label: m[1], value: t.slice(start, end).trim().replace(/[。.]$/, '') });
    });
    for (const { label, value } of parts) {
      if (!value) continue;
      if (/时限|时间|时间节点/.test(label)) deadlineRaw = deadlineRaw ? `${deadlineRaw}；${value}` : value;
      else unitSpecs.push({ raw: value, role: /牵头/.test(label) ? 'lead' : /配合|协办/.test(label) ? 'cooperate' : 'responsible', firstLeads });
    }
  }
  return { unitSpecs, deadlineRaw };
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

function headingOf(rest: string): string {
  const t = rest.trim();
  const m = /^([^。！？]{1,60}?)[。！？]/.exec(t);
  if (m) return m[1].trim();
  return [...t].length <= 60 ? t : [...t].slice(0, 60).join('');
}

function healNewlines(t: string): string {
  return t;
}

function unplaced(p: Paragraph): DraftWarning {
  const t = p.text.trim();
  const snippet = [...t].length > 30 ? `${[...t].slice(0, 30).join('')}…` : t;
  return { code: 'unplaced-text', message: `text not placed in any task: ${snippet}`, line: p.line };
}


/** "由区金融监管局牵头，…" in running text names a lead unit. */
function leadsInText(text: string): UnitSpec[] {
  const out: UnitSpec[] = [];
  for (const m of text.matchAll(/由([^，。；、“”]{2,30}?)(?:具体|统一|主要|共同|直接|全面)?(牵头|负责(?!人|同志))/g)) {
    if (/领导|同志|干部|人员|企业|群众|公司|专家|个人/.test(m[1])) continue;
    out.push({ raw: m[1], role: m[2] === '牵头' ? 'lead' : 'responsible' });
  }
  return out;
}

const AUTHORITY = '(?:主管部门|管理部门|行政部门|部门|局|委员会|委|办公室|办|人民政府|政府|机关|中心)';
const DUTY = new RegExp(`(?:^|[。；;])\\s*((?:[省市县区镇乡]|各级)[^，。；、“”（(]{1,20}?${AUTHORITY})(?:负责|应当|会同)`, 'g');

/** A regulation assigns duties in its sentences: "市建设行政主管部门负责…", "市政务数据主管部门应当…". */
function dutiesInText(text: string): UnitSpec[] {
  const out: UnitSpec[] = [];
  for (const m of text.matchAll(DUTY)) if (!out.some((u) => u.raw === m[1])) out.push({ raw: m[1], role: 'responsible' });
  return out;
}

/**
 * A heading followed by un-numbered paragraphs that each end with their own
 * responsibility (若干政策 written as paragraphs): every such paragraph, with the
 * paragraphs just before it, is a task; the heading is a section.
 */
function paragraphMeasures(s: Segment): { tasks: DraftTask[]; rest: Paragraph[] } | null {
  const heading = s.marker?.rest.trim() ?? '';
  if (!s.marker || s.labels.length || /[。；]/.test(heading.replace(/[。]$/, '')) || [...heading].length > 40) return null;
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
function trimAfterResponsibility(s: Segment): Paragraph[] {
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
