import type { Block, TableCell } from './types.js';

// Readers of structured formats (.docx, .doc, .html, .pdf) produce paragraphs and
// tables; this module numbers them against the reader's plain-text rendering, which
// is the same one-cell-per-tab-line form the .txt reader understands:
//
//   paragraph text
//   <blank>
//   \t序号
//   \t重点任务          (one line per cell, a merged position is an empty "\t" line)
//   <blank>            (rows separated by blank lines)
//   \t1
//   …
//   <blank>
//   next paragraph
//
// `text` is that rendering: reading it with the .txt reader gives the same blocks,
// without the spans.

export interface GridCell {
  text: string;
  /** Covered by a cell starting above or to the left (its text is repeated here). */
  merged?: boolean;
}

export type Item =
  | { kind: 'para'; text: string; page?: number }
  | { kind: 'table'; rows: GridCell[][]; page?: number };

export interface Assembled {
  blocks: Block[];
  text: string;
}

export function assemble(items: Item[]): Assembled {
  const lines: string[] = [];
  const blocks: Block[] = [];
  for (const item of items) {
    if (item.kind === 'para') {
      const text = cleanText(item.text);
      if (!text) continue;
      // A paragraph right after a table needs the blank line that ends the table.
      if (lines.length && lines[lines.length - 1].startsWith('\t')) lines.push('');
      lines.push(text);
      blocks.push(item.page === undefined ? { kind: 'para', text, line: lines.length } : { kind: 'para', text, line: lines.length, page: item.page });
      continue;
    }
    const rows = item.rows.filter((r) => r.length > 0);
    if (!rows.length) continue;
    if (lines.length) lines.push('');
    const start = lines.length + 1;
    const out: TableCell[][] = [];
    rows.forEach((row, r) => {
      if (r > 0) lines.push('');
      const rowLine = lines.length + 1;
      out.push(row.map((c): TableCell => {
        const text = cleanText(c.text);
        lines.push(`\t${c.merged ? '' : text}`);
        const cell: TableCell = { text, line: c.merged || !text ? rowLine : lines.length };
        if (c.merged) cell.merged = true;
        return cell;
      }));
    });
    blocks.push({ kind: 'table', rows: out, line: start });
  }
  return { blocks, text: lines.join('\n') + (lines.length ? '\n' : '') };
}

/** One line of text: whitespace runs (tabs, NBSP, ideographic spaces) become one space. */
export function cleanText(s: string): string {
  return s
    .replace(/[\u00a0\u3000\t\r\n\f\v\u2028\u2029]+/g, ' ')
    .replace(/[\u200b\u200c\u200d\ufeff]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Join two pieces of one sentence: Chinese without a space, Latin words with one. */
export function joinText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  // The same rule as the .txt reader's table cells (tabCellTable.ts).
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

/**
 * Join the paragraphs (or hard line breaks) of one table cell. They are set apart by a space, so
 * that "市财政局 / 市税务局" printed one per line stays two names; after punctuation that already
 * separates them (。；，、：) no space is needed. A PDF cell's lines are wrapping, not paragraphs:
 * its reader joins them with joinText.
 */
export function joinCellParagraphs(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return /[。；;，,、：:]$/.test(a) ? joinText(a, b) : `${a} ${b}`;
}

/**
 * Expand rows of cells with rowspan/colspan into a full grid: each covered
 * position repeats the cell's text with `merged: true`.
 */
export function expandSpans(rows: { text: string; rowSpan: number; colSpan: number }[][]): GridCell[][] {
  const grid: GridCell[][] = rows.map(() => []);
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c]) c++;
      const rs = Math.max(1, Math.min(cell.rowSpan, rows.length - r));
      const cs = Math.max(1, Math.min(cell.colSpan, 1000));
      for (let dr = 0; dr < rs; dr++) {
        for (let dc = 0; dc < cs; dc++) {
          grid[r + dr][c + dc] = dr || dc ? { text: cell.text, merged: true } : { text: cell.text };
        }
      }
      c += cs;
    }
  });
  // Rows shorter than the widest (a missing cell at the end) are padded with empty cells.
  const width = Math.max(0, ...grid.map((r) => r.length));
  for (const row of grid) {
    for (let c = 0; c < width; c++) if (!row[c]) row[c] = { text: '' };
  }
  return grid;
}
