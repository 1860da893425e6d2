import type { TableCell } from './types.js';

// Text converted from .docx writes a table one cell per line, each cell line
// starting with a TAB and rows separated by blank lines. A cell may continue on
// lines without the tab (also after a blank line inside the cell), merged cells
// are empty cells, and a row spanning the whole table (a category row) has one
// cell. This module rebuilds the grid.

export interface TabCellTable {
  start: number; // index of the first line
  end: number; // index after the last line
  rows: TableCell[][];
}

const isCellLine = (l: string) => l.startsWith('\t') && !l.slice(1).includes('\t');
const isBlank = (l: string) => !l.startsWith('\t') && l.trim() === '';

export function tabCellTables(lines: string[]): TabCellTable[] {
  const out: TabCellTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (!isCellLine(lines[i])) { i++; continue; }
    const table = readTable(lines, i);
    // A lone tab-indented paragraph is not a table.
    if (table.rows.length >= 2) out.push(table);
    i = Math.max(table.end, i + 1);
  }
  return out;
}

interface RawRow { cells: TableCell[]; line: number }

function readTable(lines: string[], start: number): TabCellTable {
  // Pass 1: groups of cells separated by blank lines; continuation lines join the last cell.
  const groups: RawRow[] = [];
  let cur: RawRow | null = null;
  let i = start;
  let lastCell: TableCell | null = null;
  for (; i < lines.length; i++) {
    const l = lines[i];
    if (isCellLine(l)) {
      if (!cur) { cur = { cells: [], line: i + 1 }; groups.push(cur); }
      lastCell = { text: l.slice(1).trim(), line: i + 1 };
      cur.cells.push(lastCell);
      continue;
    }
    if (isBlank(l)) { cur = null; continue; }
    // Text without a tab: a continuation of the last cell, if that cell plausibly goes on.
    if (lastCell && (lastCell.text === '' || continues(lines, i, groups))) {
      // Reopen the row the cell belongs to (the cell held a blank line).
      cur = groups[groups.length - 1];
      lastCell.text = joinCellText(lastCell.text, l.trim());
      if (!lastCell.text) lastCell.line = i + 1;
      continue;
    }
    break;
  }
  let end = i;
  while (end > start && isBlank(lines[end - 1])) end--;
  return { start, end, rows: regroup(groups) };
}

/** Is line i (no tab) still inside the table? Yes when the previous non-blank line is a cell
 *  line or a continuation and the next non-blank line after it is a cell line, or the last row is short. */
function continues(lines: string[], i: number, groups: RawRow[]): boolean {
  let prev = i - 1;
  while (prev >= 0 && isBlank(lines[prev])) prev--;
  const blankBefore = prev < i - 1;
  if (!blankBefore) return true;
  let next = i + 1;
  while (next < lines.length && isBlank(lines[next])) next++;
  const nextIsCell = next < lines.length && isCellLine(lines[next]);
  const last = groups[groups.length - 1];
  const width = modeWidth(groups);
  return nextIsCell && !!last && last.cells.length < width;
}

function joinCellText(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  // Chinese text is joined without a space; Latin words keep one.
  return /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}

function modeWidth(groups: RawRow[]): number {
  const count = new Map<number, number>();
  for (const g of groups) if (g.cells.length > 1) count.set(g.cells.length, (count.get(g.cells.length) ?? 0) + 1);
  let best = 0, bestN = 0;
  for (const [w, n] of count) if (n > bestN || (n === bestN && w > best)) { best = w; bestN = n; }
  return best || 1;
}

/** Pass 2: a row cut by a blank line inside a cell is joined with the group after it. */
function regroup(groups: RawRow[]): TableCell[][] {
  const width = modeWidth(groups);
  const rows: TableCell[][] = [];
  for (let g = 0; g < groups.length; g++) {
    let cells = groups[g].cells;
    const isHeader = g === 0;
    while (!isHeader && cells.length > 1 && cells.length < width && g + 1 < groups.length &&
           cells.length + groups[g + 1].cells.length <= width && groups[g + 1].cells.length > 0 &&
           !(groups[g + 1].cells.length === 1 && looksLikeCategory(groups[g + 1].cells[0].text))) {
      cells = cells.concat(groups[g + 1].cells);
      g++;
    }
    rows.push(cells);
  }
  return rows;
}

const looksLikeCategory = (t: string) => /^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[）)]/.test(t);
