import { DisjointSets } from '../unionFind.js';
import { joinCellParagraphs, joinText, type GridCell, type Item } from './assemble.js';
import { isLabelLine } from './labelLines.js';

// Positioned text and ruling lines of PDF pages → paragraphs and tables.
// Pure functions (no pdf.js), so the layout rules can be tested on their own.
// Coordinates are PDF user space: x to the right, y up, in points.

export interface TextItem {
  str: string;
  x: number;
  /** Baseline. */
  y: number;
  w: number;
  /** Font size (points). */
  size: number;
}

/** An axis-aligned ruling: horizontal (y fixed, x1 < x2) or vertical (x fixed, y1 < y2). */
export type Segment = { dir: 'h'; y: number; x1: number; x2: number } | { dir: 'v'; x: number; y1: number; y2: number };

export interface PageInput {
  number: number;
  width: number;
  height: number;
  items: TextItem[];
  segments: Segment[];
  /** findTables(segments, items, number), when already known. */
  tables?: PdfTable[];
}

export interface LayoutResult {
  items: Item[];
  notes: { code: string; message: string; line: null }[];
}

// ---------------------------------------------------------------- lines

interface Line {
  items: TextItem[];
  y: number;
  x: number;
  right: number;
  size: number;
  text: string;
  page: number;
}

const isCjk = (ch: string) => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019\u2014\u2026\u00b7]/.test(ch);
const isWordChar = (ch: string) => /[A-Za-z0-9]/.test(ch);

/** Group items into lines (same baseline), left to right, with spaces only where the gap is a real one. */
export function buildLines(items: TextItem[], page: number): Line[] {
  const sorted = items.filter((i) => i.str.length > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: TextItem[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - it.y) <= Math.max(1.5, 0.45 * Math.min(line[0].size, it.size))) line.push(it);
    else lines.push([it]);
  }
  return lines.map((l) => lineOf(l.sort((a, b) => a.x - b.x), page)).filter((l) => l.text.trim() !== '');
}

/**
 * Could the page hold a table? Reading the drawing operators for rulings costs about as
 * much as reading the text, so pages of plain paragraphs skip it. A table shows as text
 * side by side: pieces with clear space after them and more text further right at about
 * the same height, on two or more rows. Height, not baseline: a one-line cell is centred
 * against a two-line one, half a line off either of its lines.
 */
export function looksTabular(items: TextItem[]): boolean {
  return sideBySideRows(items, 2) >= 2;
}

/**
 * Rows (distinct heights, up to `enough`) holding an item that the next text to its right
 * at about its height (baselines less than a font size apart) starts more than 1.2 em after.
 */
export function sideBySideRows(items: TextItem[], enough = Infinity): number {
  const its = items.filter((i) => i.str.trim() !== '' && i.w > 0).sort((a, b) => a.y - b.y);
  let maxSize = 0;
  for (const i of its) maxSize = Math.max(maxSize, i.size);
  const heights: number[] = [];
  for (let k = 0; k < its.length; k++) {
    const a = its[k];
    const end = a.x + a.w;
    let next: TextItem | null = null;
    const consider = (b: TextItem) => {
      if (Math.abs(a.y - b.y) >= Math.max(a.size, b.size) || b.x + b.w <= end) return;
      if (!next || b.x < next.x) next = b;
    };
    for (let j = k - 1; j >= 0 && a.y - its[j].y < maxSize; j--) consider(its[j]);
    for (let j = k + 1; j < its.length && its[j].y - a.y < maxSize; j++) consider(its[j]);
    const b = next as TextItem | null;
    if (!b || b.x - end <= 1.2 * Math.min(a.size, b.size)) continue;
    if (heights.some((y) => Math.abs(y - a.y) <= 1.5)) continue;
    heights.push(a.y);
    if (heights.length >= enough) break;
  }
  return heights.length;
}

function lineOf(items: TextItem[], page: number): Line {
  let text = '';
  let prev: TextItem | null = null;
  for (const it of items) {
    const blank = it.str.trim() === '';
    if (blank) continue; // spaces are decided from the gaps below
    if (prev) text += gapText(prev, it, text);
    text += it.str;
    prev = it;
  }
  const visible = items.filter((i) => i.str.trim() !== '');
  const size = median(visible.map((i) => i.size)) || 10;
  return {
    items: visible,
    y: items[0].y,
    x: visible.length ? visible[0].x : items[0].x,
    right: Math.max(...visible.map((i) => i.x + i.w)),
    size,
    text: text.replace(/\s+/g, ' ').trim(),
    page,
  };
}

/**
 * What separates two items on a line. pdf.js reports gaps, not spaces: the gap
 * Writer and Word leave between Chinese and Latin text ("2025 年") is not a space
 * in the document, a gap between two Latin words is.
 */
function gapText(a: TextItem, b: TextItem, sofar: string): string {
  const gap = b.x - (a.x + a.w);
  const em = Math.min(a.size, b.size) || 10;
  const last = sofar.trimEnd().slice(-1);
  const first = b.str.trimStart()[0] ?? '';
  if (/\s$/.test(a.str) || /^\s/.test(b.str)) return '';
  if (gap > 2.5 * em) return ' '; // a wide gap: separate fields on one line
  if (isWordChar(last) && isWordChar(first)) return gap > 0.15 * em ? ' ' : '';
  // "1. 加强": a list number followed by a space.
  if (/\d[.,:;]$/.test(sofar.trimEnd()) && gap > 0.2 * em) return ' ';
  if (isCjk(last) || isCjk(first)) return gap > 1.2 * em ? ' ' : '';
  return gap > 0.3 * em ? ' ' : '';
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// ---------------------------------------------------------------- tables

interface Region {
  text: string;
  /** Items inside, for the text. */
  items: TextItem[];
  top: number;
  left: number;
}

export interface PdfTable {
  /** Grid of regions: a merged cell is the same Region object in every position it covers. */
  grid: Region[][];
  top: number;
  bottom: number;
  left: number;
  right: number;
  page: number;
}

const TOL = 2;

/** Merge collinear pieces of rulings (a border drawn cell by cell). */
function mergeSegments(segments: Segment[]): Segment[] {
  const hs = segments.filter((s): s is Extract<Segment, { dir: 'h' }> => s.dir === 'h').sort((a, b) => a.y - b.y || a.x1 - b.x1);
  const vs = segments.filter((s): s is Extract<Segment, { dir: 'v' }> => s.dir === 'v').sort((a, b) => a.x - b.x || a.y1 - b.y1);
  const outH: Extract<Segment, { dir: 'h' }>[] = [];
  for (const s of hs) {
    const prev = lastOf(outH, (o) => Math.abs(o.y - s.y) <= 1 && s.x1 <= o.x2 + TOL);
    if (prev) prev.x2 = Math.max(prev.x2, s.x2);
    else outH.push({ ...s });
  }
  const outV: Extract<Segment, { dir: 'v' }>[] = [];
  for (const s of vs) {
    const prev = lastOf(outV, (o) => Math.abs(o.x - s.x) <= 1 && s.y1 <= o.y2 + TOL);
    if (prev) prev.y2 = Math.max(prev.y2, s.y2);
    else outV.push({ ...s });
  }
  return [...outH, ...outV];
}

function lastOf<T>(xs: T[], pred: (x: T) => boolean): T | undefined {
  for (let i = xs.length - 1; i >= 0; i--) if (pred(xs[i])) return xs[i];
  return undefined;
}

function intersects(h: Extract<Segment, { dir: 'h' }>, v: Extract<Segment, { dir: 'v' }>): boolean {
  return v.x >= h.x1 - TOL && v.x <= h.x2 + TOL && h.y >= v.y1 - TOL && h.y <= v.y2 + TOL;
}

/** Whether a text item's centre lies inside one of the page's ruled tables. */
// Module-level rather than a closure made per page: V8 keeps optimised code only while a
// function object holds it, and a batch worker would otherwise optimise it anew after each
// full collection.
function inTable(it: TextItem, tables: PdfTable[]): boolean {
  const cx = it.x + it.w / 2, cy = it.y + it.size * 0.35;
  for (const t of tables) if (cx >= t.left && cx <= t.right && cy <= t.top && cy >= t.bottom) return true;
  return false;
}

/** Ruled tables of a page: connected rulings → grid → merged cells (regions without a ruling between them). */
export function findTables(segments: Segment[], items: TextItem[], page: number): PdfTable[] {
  const segs = mergeSegments(segments);
  const hs = segs.filter((s): s is Extract<Segment, { dir: 'h' }> => s.dir === 'h');
  const vs = segs.filter((s): s is Extract<Segment, { dir: 'v' }> => s.dir === 'v');
  // Connected components of crossing rulings.
  const sets = new DisjointSets(segs.length);
  const index = new Map<Segment, number>(segs.map((s, i) => [s, i]));
  for (const h of hs) for (const v of vs) if (intersects(h, v)) sets.union(index.get(v)!, index.get(h)!);
  const groups = new Map<number, Segment[]>();
  segs.forEach((s, i) => {
    const g = sets.find(i);
    if (!groups.has(g)) groups.set(g, []);
    groups.get(g)!.push(s);
  });
  const tables: PdfTable[] = [];
  for (const group of groups.values()) {
    const t = gridOf(group, items, page);
    if (t) tables.push(t);
  }
  return tables.sort((a, b) => b.top - a.top);
}

function cluster(values: number[]): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  for (const v of s) if (!out.length || v - out[out.length - 1] > TOL) out.push(v);
  return out;
}

function gridOf(group: Segment[], items: TextItem[], page: number): PdfTable | null {
  const hs = group.filter((s): s is Extract<Segment, { dir: 'h' }> => s.dir === 'h');
  const vs = group.filter((s): s is Extract<Segment, { dir: 'v' }> => s.dir === 'v');
  if (hs.length < 2 || vs.length < 2) return null;
  const ys = cluster(hs.map((h) => h.y)).reverse(); // top to bottom
  const xs = cluster(vs.map((v) => v.x));
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  if (rows < 1 || cols < 1 || rows * cols < 2) return null;
  const covered = (len: number, total: number) => len >= total * 0.5;
  const hasV = (x: number, yTop: number, yBottom: number) => {
    let len = 0;
    for (const v of vs) if (Math.abs(v.x - x) <= TOL) len += Math.max(0, Math.min(v.y2, yTop) - Math.max(v.y1, yBottom));
    return covered(len, yTop - yBottom);
  };
  const hasH = (y: number, xLeft: number, xRight: number) => {
    let len = 0;
    for (const h of hs) if (Math.abs(h.y - y) <= TOL) len += Math.max(0, Math.min(h.x2, xRight) - Math.max(h.x1, xLeft));
    return covered(len, xRight - xLeft);
  };
  // Union-find over grid positions.
  const id = (r: number, c: number) => r * cols + c;
  const sets = new DisjointSets(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !hasV(xs[c + 1], ys[r], ys[r + 1])) sets.union(id(r, c), id(r, c + 1));
      if (r + 1 < rows && !hasH(ys[r + 1], xs[c], xs[c + 1])) sets.union(id(r, c), id(r + 1, c));
    }
  }
  // A box around one block of text is not a table.
  const roots = new Set(Array.from({ length: rows * cols }, (_, i) => sets.find(i)));
  if (roots.size < 2) return null;
  const regions = new Map<number, Region>();
  const bounds = new Map<number, { top: number; bottom: number; left: number; right: number; r: number; c: number }>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = sets.find(id(r, c));
      const b = bounds.get(root);
      if (!b) bounds.set(root, { top: ys[r], bottom: ys[r + 1], left: xs[c], right: xs[c + 1], r, c });
      else {
        b.bottom = Math.min(b.bottom, ys[r + 1]);
        b.right = Math.max(b.right, xs[c + 1]);
      }
    }
  }
  for (const [root, b] of bounds) regions.set(root, { text: '', items: [], top: b.r, left: b.c });
  const top = ys[0], bottom = ys[rows], left = xs[0], right = xs[cols];
  for (const it of items) {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.size * 0.35;
    if (cx < left || cx > right || cy > top || cy < bottom) continue;
    const c = xs.findIndex((x, i) => i < cols && cx >= x && cx <= xs[i + 1]);
    const r = ys.findIndex((y, i) => i < rows && cy <= y && cy >= ys[i + 1]);
    if (c < 0 || r < 0) continue;
    regions.get(sets.find(id(r, c)))!.items.push(it);
  }
  for (const [root, region] of regions) region.text = cellText(region.items, page, bounds.get(root)!.right);
  const grid: Region[][] = [];
  for (let r = 0; r < rows; r++) grid.push(Array.from({ length: cols }, (_, c) => regions.get(sets.find(id(r, c)))!));
  return { grid: dropEmptyTracks(grid), top, bottom, left, right, page };
}

/**
 * A cell's lines joined into one. A line wraps on to the next when the next line's start would
 * not have fitted after it; a line that stops shorter than that ends a paragraph (a cell listing
 * "市财政局 / 市税务局" one per line), kept apart as the other readers keep a cell's paragraphs.
 */
function cellText(items: TextItem[], page: number, right: number): string {
  let text = '';
  let prev: Line | null = null;
  for (const l of buildLines(items, page)) {
    const room = prev ? (right - prev.right) / prev.size : 0; // in em, cell padding included
    text = prev && room > leadWidth(l.text) + 1 ? joinCellParagraphs(text, l.text) : joinText(text, l.text);
    prev = l;
  }
  return text;
}

// Closing punctuation never starts a line (禁则): it goes down with the character before it.
const NO_LINE_START = /^[）)」』】〕》、，,。.；;：:！!？?”’%％]+/;

/** Width in em of what a line break cannot split at the start of a line: "头）、", "2024年". */
function leadWidth(line: string): number {
  const t = line.trimStart();
  const word = /^[A-Za-z0-9.%]+/.exec(t)?.[0];
  const first = word ? word.length * 0.55 : 1;
  const rest = t.slice(word ? word.length : 1);
  return first + (NO_LINE_START.exec(rest)?.[0].length ?? 0);
}

/** Rows or columns made only by another column's or row's rulings (every position merged from elsewhere). */
function dropEmptyTracks(grid: Region[][]): Region[][] {
  const keepRow = grid.map((row, r) => row.some((reg, c) => isOrigin(grid, reg, r, c)));
  let g = grid.filter((_, r) => keepRow[r]);
  const cols = g[0]?.length ?? 0;
  const keepCol = Array.from({ length: cols }, (_, c) => g.some((row, r) => isOrigin(g, row[c], r, c)));
  g = g.map((row) => row.filter((_, c) => keepCol[c]));
  return g;
}

const isOrigin = (grid: Region[][], reg: Region, r: number, c: number) =>
  (r === 0 || grid[r - 1][c] !== reg) && (c === 0 || grid[r][c - 1] !== reg);

// ---------------------------------------------------------------- page furniture

const PAGE_NUMBER = [
  /^[-—–－―~·•\s]*\d{1,4}[-—–－―~·•\s]*$/, // 3, — 3 —, - 3 -
  /^-+\s*\d+\s+of\s+\d+\s*-+$/i, // -- 1 of 2 --
  /^(page\s*)?\d+\s*(\/|of)\s*\d+$/i, // 1/5, Page 1 of 5
  /^第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?$/, // 第 1 页 共 5 页
  /^共\s*\d+\s*页\s*第\s*\d+\s*页$/,
  /^[-—–－―~·•]+\s*[一二三四五六七八九十百]+\s*[-—–－―~·•]+$/, // — 三 —
];

export const isPageNumber = (text: string) => PAGE_NUMBER.some((re) => re.test(text.trim()));

const furnitureKey = (text: string) => text.replace(/\s+/g, '').replace(/\d+/g, '#').replace(/[一二三四五六七八九十]+/g, '#');

/** The top and bottom bands of a page, where running headers, footers and page numbers are. */
export const inFurnitureBand = (y: number, pageHeight: number) => y > pageHeight * 0.86 || y < pageHeight * 0.14;

/**
 * Drop page numbers and running headers/footers: lines in the top or bottom band of
 * a page that are a page number, or whose text (digits aside) repeats on many pages.
 */
export function dropFurniture(pages: { height: number; lines: Line[] }[]): number {
  const band = (p: { height: number }, l: Line) => inFurnitureBand(l.y, p.height);
  const counts = new Map<string, number>();
  for (const p of pages) {
    const seen = new Set<string>();
    for (const l of p.lines) if (band(p, l)) seen.add(furnitureKey(l.text));
    for (const k of seen) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  // A running header or footer is on most pages (the first may lack it). Content can repeat too:
  // a label line such as "完成时限：长期坚持" at the top of two pages out of five is not furniture.
  const repeated = (k: string) => pages.length >= 2 && (counts.get(k) ?? 0) >= Math.max(2, Math.ceil((pages.length - 1) * 0.6));
  let dropped = 0;
  for (const p of pages) {
    const edge = new Set([p.lines[0], p.lines[p.lines.length - 1]]);
    p.lines = p.lines.filter((l) => {
      const drop = (band(p, l) || edge.has(l)) && (isPageNumber(l.text) || (band(p, l) && !isLabelLine(l.text) && repeated(furnitureKey(l.text))));
      if (drop) dropped++;
      return !drop;
    });
  }
  return dropped;
}

// ---------------------------------------------------------------- paragraphs

const MARKER = /^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d)|第[一二三四五六七八九十百\d]+[条章节]|[①-⑳]|附件)/;
const SENTENCE_END = /[。；！？!?;：:）)」』”]$/;
const CLOSING_LABEL = /[（(](?:责任单位|责任部门|牵头单位|牵头部门)\s*[:：][^（）()]*[）)]$/;
const CLOSING_LABEL_MAX = 300; // characters: longer than any list of responsible bodies

interface Geometry { left: number; right: number }

function pageGeometry(lines: Line[]): Geometry {
  if (!lines.length) return { left: 0, right: 0 };
  // The left margin: the most common start among lines (rounded), preferring the leftmost frequent one.
  const starts = new Map<number, number>();
  for (const l of lines) starts.set(Math.round(l.x), (starts.get(Math.round(l.x)) ?? 0) + 1);
  const frequent = [...starts].filter(([, n]) => n >= Math.max(2, lines.length * 0.15)).map(([x]) => x);
  const left = frequent.length ? Math.min(...frequent) : Math.min(...lines.map((l) => l.x));
  // The right margin: the most common line end (lines ending in punctuation may hang past it).
  const ends = new Map<number, number>();
  for (const l of lines) ends.set(Math.round(l.right), (ends.get(Math.round(l.right)) ?? 0) + 1);
  const common = [...ends].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  // A shared end far short of the longest line is two short lines (label lines, headings) ending
  // alike, not the margin: lines reaching only that far do not run on.
  const longest = Math.max(...lines.map((l) => l.right));
  const em = median(lines.map((l) => l.size));
  const right = common && common[1] >= 2 && common[0] >= longest - 3 * em ? common[0] : longest;
  return { left, right };
}

const CN_DIGITS = '一二三四五六七八九十';

/**
 * "…(1)全面梳理…。" then a line "(2)进一步完善…": an item of an enumeration run inside the
 * paragraph (its predecessor is printed in it, after its start) goes on with that paragraph
 * when a line happens to wrap before it.
 */
function continuesInlineItems(paraText: string, next: string): boolean {
  const m = /^([（(])(\d{1,2}|[一二三四五六七八九十])[）)]|^([②-⑳])/.exec(next);
  if (!m) return false;
  let before: string[];
  if (m[3]) before = [String.fromCharCode(m[3].charCodeAt(0) - 1)];
  else {
    const n = /\d/.test(m[2]) ? Number(m[2]) : CN_DIGITS.indexOf(m[2]) + 1;
    if (n < 2) return false;
    const prev = /\d/.test(m[2]) ? String(n - 1) : CN_DIGITS[n - 2];
    before = [`(${prev})`, `（${prev}）`];
  }
  return before.some((b) => paraText.indexOf(b) > 0);
}

/** Does `next` continue the paragraph that `prev` is the last line of (`paraText` so far)? */
function continues(prev: Line, prevGeo: Geometry, next: Line, nextGeo: Geometry, samePage: boolean, paraText: string): boolean {
  const em = prev.size;
  // Left-aligned (ragged) text ends a line up to a few characters early (no line may start with
  // a closing mark, none end with an opening one); the next line's indent is the stronger sign.
  const reachesRight = prev.right >= prevGeo.right - 3 * em;
  if (!reachesRight) return false;
  if (next.x > nextGeo.left + 0.8 * next.size) return false; // first-line indent: a new paragraph
  if (Math.abs(next.size - prev.size) > 0.2 * prev.size) return false;
  if (samePage && prev.y - next.y > 2.2 * Math.max(prev.size, next.size)) return false; // space between paragraphs
  if (MARKER.test(next.text) && SENTENCE_END.test(prev.text) && !continuesInlineItems(paraText, next.text)) return false;
  // "责任单位：…" / "完成时限：…" lines stand alone, and so does what follows them; a measure
  // ends with its "（责任单位：…）" (a 专栏 box or the next item may follow unindented).
  if (isLabelLine(next.text) || (isLabelLine(prev.text) && MARKER.test(next.text))) return false;
  // Only the paragraph's end can hold it: test the last line's bracket, not the whole text per line.
  if (/[）)]$/.test(prev.text) && CLOSING_LABEL.test(paraText.slice(-CLOSING_LABEL_MAX))) return false;
  return true;
}

// ---------------------------------------------------------------- document

export function layoutPages(pages: PageInput[]): LayoutResult {
  const notes: LayoutResult['notes'] = [];
  const prepared = pages.map((p) => {
    const tables = p.tables ?? findTables(p.segments, p.items, p.number);
    const lines = buildLines(p.items.filter((it) => !inTable(it, tables)), p.number);
    return { number: p.number, height: p.height, lines, tables };
  });
  const dropped = dropFurniture(prepared);
  if (dropped) notes.push({ code: 'pdf-furniture', message: `${dropped} page numbers and running header/footer lines dropped`, line: null });

  // Reading order per page: lines and tables by their top.
  type Flow = { kind: 'line'; line: Line; geo: Geometry } | { kind: 'table'; table: PdfTable };
  const flow: Flow[] = [];
  for (const p of prepared) {
    const geo = pageGeometry(p.lines);
    const entries: { top: number; f: Flow }[] = [
      ...p.lines.map((l) => ({ top: l.y + l.size, f: { kind: 'line', line: l, geo } as Flow })),
      ...p.tables.map((t) => ({ top: t.top, f: { kind: 'table', table: t } as Flow })),
    ];
    entries.sort((a, b) => b.top - a.top);
    flow.push(...entries.map((e) => e.f));
  }

  const items: Item[] = [];
  let para: { text: string; page: number; last: Line; geo: Geometry } | null = null;
  let table: { grid: Region[][]; page: number; lastPage: number } | null = null;
  const flushPara = () => { if (para) items.push({ kind: 'para', text: para.text, page: para.page }); para = null; };
  const flushTable = () => { if (table) items.push({ kind: 'table', rows: toGrid(table.grid), page: table.page }); table = null; };
  for (const f of flow) {
    if (f.kind === 'table') {
      flushPara();
      const t = f.table;
      if (table && t.page === table.lastPage + 1 && continuesTable(table.grid, t.grid)) {
        table.grid = appendTable(table.grid, t.grid);
        table.lastPage = t.page;
        continue;
      }
      flushTable();
      table = { grid: t.grid, page: t.page, lastPage: t.page };
      continue;
    }
    flushTable();
    const l = f.line;
    if (para && continues(para.last, para.geo, l, f.geo, para.last.page === l.page, para.text)) {
      para.text = joinText(para.text, l.text);
      para.last = l;
      para.geo = f.geo;
      continue;
    }
    flushPara();
    para = { text: l.text, page: l.page, last: l, geo: f.geo };
  }
  flushPara();
  flushTable();
  return { items, notes };
}

/** A table at the top of the next page continues the previous one when it has as many columns. */
function continuesTable(prev: Region[][], next: Region[][]): boolean {
  return prev.length > 0 && next.length > 0 && prev[0].length === next[0].length;
}

const norm = (s: string) => s.replace(/\s+/g, '');
const FINISHED = /[。；！？!?;…）)」』”]$|^$/;

/**
 * Append the rows of a table's continuation on the next page: drop its repeated
 * header rows, join a row split by the page break to the row it continues, and
 * carry a vertically merged cell that crosses the break into the new page's rows.
 */
function appendTable(prev: Region[][], next: Region[][]): Region[][] {
  let rows = next;
  // Header rows repeated at the top of the page.
  let h = 0;
  while (h < rows.length && h < prev.length - 1 && h < 3 && rows[h].every((reg, c) => norm(reg.text) === norm(prev[h][c].text))) h++;
  rows = rows.slice(h);
  if (!rows.length) return prev;
  const last = prev[prev.length - 1];
  const first = rows[0];
  const width = last.length;
  const originHere = (c: number) => (c === 0 || first[c - 1] !== first[c]);
  // Is the first row the rest of the previous page's last row?
  const longest = last.reduce((a, reg) => (reg.text.length > a.text.length ? reg : a), last[0]);
  const emptyLead = !first[0].text;
  // A split row leaves some data cells empty on the new page (their text fitted above); empty
  // leading cells (序号, task) are no sign: a merged cell crossing the page is empty there too.
  let lead = 0;
  while (lead < width && !first[lead].text) lead++;
  const partial = first.some((reg, c) => c > lead && originHere(c) && !reg.text && last[c].text);
  const split = emptyLead && first.some((reg) => reg.text) && (!FINISHED.test(longest.text.trim()) || partial);
  const replace = (from: Region, to: Region) => {
    for (const row of rows) for (let c = 0; c < row.length; c++) if (row[c] === from) row[c] = to;
  };
  for (let c = 0; c < width; c++) {
    if (!originHere(c)) continue;
    const reg = first[c];
    const above = last[c];
    const aboveIsVertical = prev.length >= 2 && prev[prev.length - 2][c] === above;
    if (split) {
      // The split row's pieces continue the cells above (whose text they end).
      if (reg.text && reg !== above) above.text = joinText(above.text, reg.text);
      replace(reg, above);
    } else if (!reg.text && above.text && (aboveIsVertical || rowsSpanned(rows, reg) > 1)) {
      // An empty cell under a merged cell that crosses the page: the same cell.
      replace(reg, above);
    }
  }
  // Rows after a split row that were merged with it now reference the joined regions of `last`.
  return prev.concat(split ? rows.slice(1) : rows);
}

function rowsSpanned(rows: Region[][], reg: Region): number {
  return rows.filter((row) => row.includes(reg)).length;
}

/** Regions → the full grid of the reader contract (text repeated, `merged` off the top-left). */
function toGrid(grid: Region[][]): GridCell[][] {
  const seen = new Set<Region>();
  return grid.map((row) => row.map((reg) => {
    if (seen.has(reg)) return { text: reg.text, merged: true };
    seen.add(reg);
    return { text: reg.text };
  }));
}
