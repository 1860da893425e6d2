import { codePointLength } from '../extract/chars.js';
import type { Paragraph } from '../read/types.js';
import type { Marker } from './markers.js';
import { headingOf } from './measureTasks.js';
import { endsAt, findResponsibilities } from './responsibility.js';
import { unitsInSentences } from './unitsInText.js';

// A segment is a numbered item with the paragraphs that follow it, up to the next
// item; the body walk builds them, and the decisions of body.ts are made on them.

export interface Segment {
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
  itemsAfterBracket?: boolean; // its sub-items follow its own responsibility phrase: they are its text
}

export function newSegment(marker: Marker | null, head: Paragraph, rank: number, parent: Segment | null): Segment {
  return { marker, head, body: [], labels: [], groups: [], rank, parent, children: 0, root: false, headline: false, lastWasLabel: false };
}

/** The heading's rest and the body's paragraphs, joined by `separator` ('\n' where sentences must not run on). */
export function segmentText(s: Segment, separator = ''): string {
  return [s.marker ? s.marker.rest.trim() : s.head.text.trim(), ...s.body.map((b) => b.text.trim())].join(separator);
}

const namesUnits = (text: string) => unitsInSentences(text).length > 0;

export function hasResponsibility(s: Segment): boolean {
  if (!s.marker) return false;
  if (s.labels.some((g) => g.some((p) => /^(牵头|责任|配合|协办)/.test(p.text.trim())))) return true;
  return findResponsibilities(segmentText(s)).length > 0;
}

export function siblings(all: Segment[], s: Segment): Segment[] {
  // Clauses are numbered through the whole document, across chapters.
  if (s.marker?.kind === 'article') return all.filter((o) => o !== s && o.marker?.kind === 'article');
  return all.filter((o) => o !== s && o.parent === s.parent && o.marker?.kind === s.marker?.kind);
}

/** The （一）(二)… items of a clause are part of the clause: its text, not tasks or sections. */
export function absorbIntoClauses(segments: Segment[]): void {
  for (const s of segments) {
    let clause: Segment | null = s.parent;
    while (clause && clause.marker?.kind !== 'article') clause = clause.parent;
    if (clause && s !== clause) absorb(s, clause);
  }
}

/**
 * "7.实施制造业数字化改造。" / "（1）…" / "（2）…" / "（牵头单位：…；完成时限：…）": a responsibility printed on
 * a line of its own after the last sub-item, when no sub-item has one of its own, is the measure's; its
 * sub-items are its text.
 */
export function absorbUnderSharedBracket(segments: Segment[]): void {
  for (const s of segments) {
    if (s.absorbed || !s.marker || s.children === 0 || s.marker.kind === 'article') continue;
    const children = segments.filter((c) => c.parent === s && !c.absorbed);
    const last = children[children.length - 1];
    const closing = last?.body[last.body.length - 1];
    if (!closing || !isBracketLine(closing.text.trim())) continue;
    const own = (c: Segment) => findResponsibilities(segmentText({ ...c, body: c === last ? c.body.slice(0, -1) : c.body })).length > 0;
    if (children.some(own) || segments.some((d) => d.parent && children.includes(d.parent))) continue;
    for (const c of children) { absorb(c, s); s.children--; }
  }
}

/**
 * "1．制定服务清单。…。（市民政局牵头，市财政局配合）" / "（1）…" / "（2）…": a measure whose own paragraph
 * carries the responsibility, when nothing numbered under it carries one, is the task; its sub-items
 * are its text.
 */
export function absorbUnderOwnBracket(segments: Segment[]): void {
  for (const s of segments) {
    if (s.absorbed || !s.marker || s.children === 0 || s.marker.kind === 'article') continue;
    if (findResponsibilities(segmentText(s)).length === 0) continue;
    const under = segments.filter((d) => !d.absorbed && descends(d, s));
    if (under.some((d) => findResponsibilities(segmentText(d)).length > 0 || d.labels.length > 0)) continue;
    for (const d of under) absorb(d, s);
    s.children = 0;
    s.itemsAfterBracket = true;
  }
}

function descends(d: Segment, from: Segment): boolean {
  for (let p = d.parent; p; p = p.parent) if (p === from) return true;
  return false;
}

/** A paragraph that is only a responsibility phrase. */
function isBracketLine(t: string): boolean {
  const phrases = findResponsibilities(t);
  return phrases.length === 1 && phrases[0].start === 0 && endsAt(t, phrases[0].end);
}

/** 一是/二是 items under a numbered measure become part of that measure's text. */
export function absorbEnumerations(segments: Segment[]): void {
  for (const s of segments) {
    if (s.absorbed || s.marker?.kind !== 'enum' || !s.parent?.marker || s.parent.absorbed) continue;
    absorb(s, s.parent);
    s.parent.children--;
  }
}

function absorb(s: Segment, into: Segment): void {
  s.absorbed = true;
  into.body.push({ ...s.head }, ...s.body);
  if (into.groups.length === 0) into.groups.push([]);
  into.groups[into.groups.length - 1].push({ ...s.head }, ...s.body);
}

const SAFEGUARDS = /保障措施|组织实施|组织保障|工作要求|保障机制|工作保障|有关要求|组织领导$/;
// The framing parts of a plan: what it aims at and stands on, not work to be done (conventions, rule 3).
const FRAMING = /总体要求|指导思想|(?:基本|工作|考核|评价|评估)原则|总体目标|工作目标|发展目标|主要目标|总体思路|重要意义|重要性|必要性|总体定位|^附\s*则$/;
// "（一）日常工作（30分）": an item of a score sheet's rules, weighed in points, is not work to do.
const SCORED = /[（(]\d+(?:\.\d+)?分[）)]$/;

/** Under 保障措施/组织实施 headings, or itself such a heading: items without a responsibility are not tasks. */
export function underSafeguards(s: Segment): boolean {
  for (let p: Segment | null = s; p; p = p.parent) if (p.marker && SAFEGUARDS.test(headingOf(p.marker.rest))) return true;
  return false;
}

/** Under 总体要求/基本原则/工作目标…, or itself such a heading. */
export function framing(s: Segment): boolean {
  for (let p: Segment | null = s; p; p = p.parent) if (p.marker && FRAMING.test(headingOf(p.marker.rest))) return true;
  return false;
}

/** Without responsibilities anywhere: clauses, enumerations and deepest numbered items with text. */
export function isFallbackTask(s: Segment): boolean {
  const kind = s.marker!.kind;
  if (kind === 'article' || kind === 'enum') return true;
  if (s.children > 0 || kind === 'chapter' || framing(s) || SCORED.test(headingOf(s.marker!.rest))) return false;
  if (underSafeguards(s) && !namesUnits(segmentText(s, '\n'))) return false;
  // A numbered item is a task when it says something beyond a heading: more sentences,
  // paragraphs of its own, or one long sentence (a requirement of a notice). Also at the top
  // level: a notice's requirements are often 一、二、 items with no level under them.
  const rest = s.marker!.rest.trim();
  const firstSentenceEnd = rest.search(/[。；]/);
  const hasMoreText = s.body.length > 0 || (firstSentenceEnd >= 0 && firstSentenceEnd < rest.length - 1) ||
    // A sentence with clauses ("请各单位于4月28日前上报名单，并确保…。") is a requirement, not a heading.
    (/[。；]$/.test(rest) && (codePointLength(rest) > 40 || (/[，,]/.test(rest) && codePointLength(rest) > 20)));
  return hasMoreText;
}
