import type { TableCell } from './types.js';

// Tables written one row per line with TAB between cells (text exported from
// .doc or copied from a spreadsheet). A run of at least two lines with three or
// more tab-separated fields is a table; a line that is a single field inside the
// run (a category row) stays in it as a one-cell row.

export interface TsvTable { start: number; end: number; rows: TableCell[][] }

const fields = (l: string) => l.split('\t').map((f) => f.trim());
const tabs = (l: string) => (l.match(/\t/g) ?? []).length;
// Two tabs or more: one-cell-per-line text has a single leading tab, a contents line a single tab.
const isRow = (l: string) => tabs(l) >= 2 && fields(l).filter(Boolean).length >= 2;
const continuesRun = (l: string) => tabs(l) >= 2 && fields(l).some(Boolean);

export function tsvTables(lines: string[]): TsvTable[] {
  const out: TsvTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isRow(lines[i])) continue;
    let end = i;
    const rows: TableCell[][] = [];
    while (end < lines.length) {
      const l = lines[end];
      if (continuesRun(l)) rows.push(fields(l).map((text) => ({ text, line: end + 1 })));
      else if (l.trim() && !l.includes('\t') && [...l.trim()].length <= 40 && rowFollows(lines, end)) rows.push([{ text: l.trim(), line: end + 1 }]);
      else break;
      end++;
    }
    if (rows.filter((r) => r.length > 1).length >= 2) out.push({ start: i, end, rows });
    i = end;
  }
  return out;
}

/** A category line sits between rows: one of the next two lines is a row again. */
function rowFollows(lines: string[], i: number): boolean {
  return [lines[i + 1], lines[i + 2]].some((l) => l !== undefined && continuesRun(l));
}
