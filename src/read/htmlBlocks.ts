import { expandSpans, joinCellParagraphs, joinText, type GridCell, type Item } from './assemble.js';
import { isTag, type XNode } from './dom.js';

// An HTML element (mammoth's output, or a web page's article body) → paragraphs and
// tables. Block elements end a paragraph, <br> too; data tables become full grids
// (rowspan/colspan expanded); layout tables (one row or column, or tables nested in
// cells) are read as ordinary content.

export interface HtmlBlockOptions {
  /** Render <ol> item numbers (a web page's list); mammoth's lists already carry their markers. */
  olNumbers?: boolean;
  /** Skip elements that are page furniture (share buttons, print links, related links…). */
  skip?: (n: XNode) => boolean;
}

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'blockquote', 'pre', 'center',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'figure', 'figcaption', 'address',
  'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption', 'form', 'fieldset', 'hr', 'body', 'html',
]);
const CJK_BREAK = /(?<=[\u3000-\u9fff\uff00-\uffef])[ \t]*[\r\n]+[ \t]*(?=[\u3000-\u9fff\uff00-\uffef])/g;
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'canvas', 'object', 'embed', 'select', 'button', 'input', 'textarea', 'head', 'title', 'meta', 'link', 'map', 'audio', 'video']);

export function htmlToItems(root: XNode, options: HtmlBlockOptions = {}): Item[] {
  const collector = new ItemCollector(options);
  collector.walk(root);
  collector.flush();
  return collector.items;
}

// A class, not closures made per call: V8 keeps optimised code only while a function
// object holds it, and a batch worker would otherwise optimise these anew after each
// full collection.
class ItemCollector {
  readonly items: Item[] = [];
  private current = '';

  constructor(private readonly options: HtmlBlockOptions) {}

  flush(): void {
    // A line break in the source between two Chinese characters is not a space (CSS segment-break rule).
    const current = this.current;
    const text = current.includes('\n') || current.includes('\r') ? current.replace(CJK_BREAK, '') : current;
    if (text.trim()) this.items.push({ kind: 'para', text });
    this.current = '';
  }

  walk(n: XNode, olCounter?: { value: number }): void {
    const options = this.options;
    for (const c of n.children ?? []) {
      if (c.type === 'text') { this.current += c.data ?? ''; continue; }
      if (!isTag(c) || hidden(c)) continue;
      const name = (c.name ?? '').toLowerCase();
      if (SKIP.has(name) || options.skip?.(c)) continue;
      if (name === 'br') { this.flush(); continue; }
      if (name === 'table') {
        this.flush();
        const table = readTable(c, options);
        if (table) this.items.push({ kind: 'table', rows: table });
        else this.walk(c);
        continue;
      }
      if (name === 'ol' || name === 'ul') {
        this.flush();
        const start = Number.parseInt(c.attribs?.start ?? '1', 10);
        this.walk(c, name === 'ol' && options.olNumbers ? { value: Number.isFinite(start) ? start : 1 } : undefined);
        this.flush();
        continue;
      }
      if (name === 'li') {
        this.flush();
        if (olCounter) this.current += `${olCounter.value++}. `;
        this.walk(c);
        this.flush();
        continue;
      }
      if (BLOCK.has(name)) {
        this.flush();
        this.walk(c);
        this.flush();
        continue;
      }
      this.walk(c, olCounter);
    }
  }
}

function hidden(n: XNode): boolean {
  const a = n.attribs;
  if (!a) return false;
  if ('hidden' in a) return true;
  if (a.style === undefined) return false;
  const style = a.style.replace(/\s+/g, '').toLowerCase();
  return /display:none|visibility:hidden/.test(style);
}

/** Direct rows of a table (through thead/tbody/tfoot, not nested tables). */
function tableRows(table: XNode): XNode[] {
  const rows: XNode[] = [];
  for (const c of table.children ?? []) {
    if (!isTag(c)) continue;
    const name = (c.name ?? '').toLowerCase();
    if (name === 'tr') rows.push(c);
    else if (name === 'thead' || name === 'tbody' || name === 'tfoot') rows.push(...tableRows(c));
  }
  return rows;
}

const cellsOf = (tr: XNode) => (tr.children ?? []).filter((c) => {
  if (!isTag(c)) return false;
  const name = (c.name ?? '').toLowerCase();
  return name === 'td' || name === 'th';
});

function containsTable(n: XNode): boolean {
  return (n.children ?? []).some((c) => isTag(c) && ((c.name ?? '').toLowerCase() === 'table' || containsTable(c)));
}

/** Rows of cells when the table is a data table (two rows and two columns at least, no table nested in a cell). */
function dataTableCells(table: XNode): XNode[][] | null {
  const rows = tableRows(table);
  if (rows.length < 2) return null;
  const cells = rows.map(cellsOf);
  const maxCols = Math.max(...cells.map((r) => r.reduce((n, c) => n + span(c, 'colspan'), 0)));
  if (maxCols < 2) return null;
  if (cells.some((r) => r.some((c) => containsTable(c)))) return null;
  return cells;
}

/** Is this <table> read as a grid (not a layout table, whose cells are read as content)? */
export const isDataTable = (table: XNode): boolean => dataTableCells(table) !== null;

/** A data table as a full grid, or null for a layout table (read as content instead). */
function readTable(table: XNode, options: HtmlBlockOptions): GridCell[][] | null {
  const cells = dataTableCells(table);
  if (!cells) return null;
  const spanned = cells.map((r) => r.map((c) => ({ text: cellText(c, options), rowSpan: span(c, 'rowspan'), colSpan: span(c, 'colspan') })));
  return expandSpans(spanned);
}

function span(c: XNode, a: 'rowspan' | 'colspan'): number {
  const n = Number.parseInt(c.attribs?.[a] ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 1000) : 1;
}

/** A cell's paragraphs joined into one line (as a .txt conversion of the table would). */
function cellText(cell: XNode, options: HtmlBlockOptions): string {
  const items = htmlToItems(cell, options);
  return items.reduce((acc, it) => joinCellParagraphs(acc, it.kind === 'para' ? it.text.trim() : ''), '');
}
