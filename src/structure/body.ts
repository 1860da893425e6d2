import type { Section } from '../result/schema.js';
import type { Paragraph } from '../read/types.js';
import { codePointLength } from '../extract/chars.js';
import { isBoilerplate } from './boilerplate.js';
import { collectHeadlines, isHeadline, type HeadlineBlock } from './headlines.js';
import { MARKER_RANK, parseMarker, parseSequelMarker, type Marker } from './markers.js';
import { headingOf, paragraphMeasures, segmentTasks, trimAfterResponsibility } from './measureTasks.js';
import { OutlineBuilder } from './outline.js';
import { DEADLINE_CLAUSE, TIME_LABEL } from './responsibility.js';
import { isLabelLine } from '../read/labelLines.js';
import { absorbEnumerations, absorbIntoClauses, absorbUnderOwnBracket, absorbUnderSharedBracket, hasResponsibility, isFallbackTask, newSegment, segmentText, siblings, underSafeguards, type Segment } from './segments.js';
import type { TableWording } from './restated.js';
import { norm, type TableOfContents } from './toc.js';
import type { DraftTask, DraftWarning } from './types.js';
import { leadsInText } from './unitsInText.js';
import { unplaced } from './warnings.js';

// The body of a document: numbered items (segments) with the paragraphs that
// follow them. Which segments are tasks depends on the whole document, so the
// walk collects segments first and decides afterwards (see docs/conventions.md).

export interface BodyOptions {
  /** When the document has a task table, body items are sections only. */
  tasksFromTable: boolean;
  toc: TableOfContents | null;
  /** Paragraph indexes that belong to the document head (title, 主送, 落款). */
  headIndexes: Set<number>;
  /** "排在第一位的部门为牵头部门": the document says the first unit of a list leads. */
  firstLeads: boolean;
  /** The task table's rows: a body item restating one of them is placed there. */
  tableWording?: TableWording;
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
  let colophon = false;
  let attachmentList = false;
  let lastArabic: number | null = null; // 1. 2. … items are numbered through the whole plan
  const tocEntries = opts.toc?.entries.map(norm) ?? [];

  for (let i = 0; i < paras.length; i++) {
    const p = paras[i];
    const text = p.text.trim();
    // The 版记 (抄送 … 印发) closes a document: its lines of names are form, not content.
    if (/^(?:抄送|抄报)[:：]/.test(text)) colophon = true;
    else if (colophon && codePointLength(text) > 60) colophon = false;
    // "附件：1.…登记表" and the attachment names under it; an attachment's own heading ends the
    // item before it, so a form that follows is not read as that item's text.
    if (/^附件\s*[\d一二三四五六七八九十]*\s*[:：]?/.test(text) && codePointLength(text) <= 60) {
      attachmentList = /[:：]\s*\d/.test(text);
      current = null;
      continue;
    }
    if (attachmentList && /^\d{1,2}\s*[.．、]\s*[^。]{1,60}$/.test(text)) continue;
    attachmentList = false;
    if (colophon || opts.headIndexes.has(i) || isBoilerplate(text)) continue;
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
    const marker: Marker | null = parseMarker(text) ?? (lastArabic !== null ? parseSequelMarker(text, lastArabic + 1) : null);
    if (marker) {
      if (marker.kind === 'arabic') lastArabic = marker.value;
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
    if (current?.lastWasLabel && continuesTimeLabel(current.labels[current.labels.length - 1], text)) {
      current.labels[current.labels.length - 1].push(p);
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
  absorbUnderSharedBracket(segments);
  absorbUnderOwnBracket(segments);
  const anyResponsibility = !opts.tasksFromTable && segments.some((s) => !s.absorbed && hasResponsibility(s));
  // In a plan whose measures carry responsibilities, 一是/二是 inside a measure are its parts.
  if (anyResponsibility) absorbEnumerations(segments);
  const live = segments.filter((s) => !s.absorbed);
  const taskSegments = new Set<Segment>();
  if (opts.tasksFromTable) {
    // A measure with a responsibility of its own that no row of the table restates is a task too.
    const table = opts.tableWording;
    for (const s of live) {
      if (!s.marker || (s.children > 0 && s.marker.kind !== 'article') || !hasResponsibility(s)) continue;
      if (table && !table.restates(headingOf(s.marker.rest), withoutBrackets(segmentText(s)))) taskSegments.add(s);
    }
  } else {
    if (anyResponsibility) {
      // Each segment is asked about once per sibling: remember the answers (nothing changes a segment here).
      const answers = new Map<Segment, boolean>();
      const responsible = (s: Segment) => {
        let a = answers.get(s);
        if (a === undefined) answers.set(s, (a = hasResponsibility(s)));
        return a;
      };
      for (const s of live) {
        if (!s.marker || (s.children > 0 && s.marker.kind !== 'article')) continue;
        // A sibling's responsibility makes a measure of an item without one, but not under 保障措施: one
        // safeguard with a 责任单位 does not make work of the others.
        if (responsible(s) || (!underSafeguards(s) && siblings(live, s).some(responsible))) taskSegments.add(s);
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
      const heading = headingOf(s.marker!.rest);
      const section = outline.add(s.marker!, heading, s.head.line);
      sectionOf.set(s, section);
      // "（一）加强组织领导。成立…领导小组…": the heading is the section's; the sentences after it are in no task.
      // "（二）汛期结束后，各市州要认真总结…，11月30日前形成书面报告。": a whole requirement as a heading is text too.
      const rest = s.marker!.rest.trim();
      const sentence = !opts.tasksFromTable && /。$/.test(rest) && /[，,；;]/.test(rest.replace(/[（(][^）)]*[）)]/g, '')) && codePointLength(rest) > 30;
      if ((saysMoreThan(heading, s.marker!.rest) || sentence) && !opts.tableWording?.mentions(heading)) warnings.push(unplaced(s.head));
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
    if ((anyResponsibility || opts.tasksFromTable) && !s.labels.length) for (const p of trimAfterResponsibility(s)) warnings.push(unplaced(p));
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

const withoutBrackets = (text: string) => text.replace(/[（(][^（）()]*[）)]/g, '');

/** The line goes on after its heading with text of its own (not just the closing 。). */
function saysMoreThan(heading: string, rest: string): boolean {
  const t = rest.trim();
  const after = t.startsWith(heading) ? t.slice(heading.length) : '';
  return /[\p{L}\p{N}]/u.test(after.replace(/^[。！？.]/, ''));
}

// "时间节点：" (or "时间节点：3月底前，…；") with its milestones on the lines below: each starts with a
// date and goes on the label, not into a new part of the task.
function continuesTimeLabel(labels: Paragraph[], text: string): boolean {
  const last = labels[labels.length - 1].text.trim();
  if (!DEADLINE_CLAUSE.test(text.trim())) return false;
  // An empty time label, or one (or a milestone line put there by this rule) whose list goes on after ；.
  return (TIME_LABEL.test(last) && /[:：]\s*$/.test(last)) || ((TIME_LABEL.test(last) || DEADLINE_CLAUSE.test(last)) && /[；;，,]$/.test(last));
}
