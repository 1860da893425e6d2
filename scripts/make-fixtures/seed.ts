import { readFileSync } from 'node:fs';
import { decodeText, splitLines } from '../../src/read/decode.js';
import { tabCellTables } from '../../src/read/tabCellTable.js';

// A seed (.txt converted from a real .docx) as a document model the fixture
// builders render into .docx and .html: paragraphs, some of them automatically
// numbered, and tables made of cells with real row and column spans.

export type ListKind = 'l1' | 'l2' | 'l3';

export interface SeedPara {
  kind: 'para';
  /** Text without the list marker when `list` is set, otherwise as printed. */
  text: string;
  /** Automatic numbering: which list and which instance (a new instance restarts at 1). */
  list?: { kind: ListKind; instance: number; value: number; start: number };
  /** The marker as printed in the seed ("一、", "（二）", "3. "), for renderers without numbering. */
  marker?: string;
}

export interface SeedCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

export interface SeedTable {
  kind: 'table';
  /** Logical rows: cells covered by a span from above or the left are absent. */
  rows: SeedCell[][];
  width: number;
}

export type SeedItem = SeedPara | SeedTable;

export interface SeedDoc {
  name: string;
  items: SeedItem[];
  /** Text used as the running page header of the rendered document. */
  runningHeader: string;
}

const CN = '一二三四五六七八九十';

export function chineseNumber(n: number): string {
  if (n <= 10) return n === 10 ? '十' : CN[n - 1];
  if (n < 20) return '十' + CN[n - 11];
  const tens = Math.floor(n / 10), ones = n % 10;
  return CN[tens - 1] + '十' + (ones ? CN[ones - 1] : '');
}

const MARKERS: { kind: ListKind; re: RegExp; value: (m: RegExpExecArray) => number }[] = [
  { kind: 'l1', re: /^([一二三四五六七八九十]+)、/, value: (m) => fromChinese(m[1]) },
  { kind: 'l2', re: /^（([一二三四五六七八九十]+)）/, value: (m) => fromChinese(m[1]) },
  { kind: 'l3', re: /^(\d{1,2})\.\s?/, value: (m) => Number(m[1]) },
];

function fromChinese(s: string): number {
  for (let n = 1; n < 100; n++) if (chineseNumber(n) === s) return n;
  return -1;
}

/** Conversion artefacts of the seed text that are not part of a Word document. */
const stripArtefacts = (s: string) => s.replace(/\[bookmark: [^\]]*\]/g, '');

export function readSeed(path: string, name: string): SeedDoc {
  const lines = splitLines(decodeText(readFileSync(path)).text);
  const tables = tabCellTables(lines);
  const items: SeedItem[] = [];
  const counters: Record<ListKind, { instance: number; value: number; start: number }> = {
    l1: { instance: -1, value: 0, start: 1 }, l2: { instance: -1, value: 0, start: 1 }, l3: { instance: -1, value: 0, start: 1 },
  };
  let t = 0;
  for (let i = 0; i < lines.length; ) {
    const table = tables[t];
    if (table && table.start === i) {
      items.push(toSeedTable(table.rows.map((r) => r.map((c) => stripArtefacts(c.text)))));
      i = table.end;
      t++;
      continue;
    }
    const text = stripArtefacts(lines[i]).replace(/\t/g, '').trim();
    i++;
    if (!text) continue;
    items.push(numbered(text, counters));
  }
  const title = items.find((x): x is SeedPara => x.kind === 'para' && /方案/.test(x.text) && !/通知|印发/.test(x.text));
  return { name, items, runningHeader: title ? title.text.replace(/[“”"]/g, '').slice(0, 24) : name };
}

/**
 * A typed marker becomes automatic numbering: the next value of its list continues
 * it, 1 restarts it, and any other value starts a list of its own at that value
 * (Word shows what was typed either way).
 */
function numbered(text: string, counters: Record<ListKind, { instance: number; value: number; start: number }>): SeedPara {
  for (const { kind, re, value } of MARKERS) {
    const m = re.exec(text);
    if (!m) continue;
    const v = value(m);
    if (v < 1) return { kind: 'para', text };
    const c = counters[kind];
    if (v !== c.value + 1 || c.instance < 0) { c.instance++; c.start = v; }
    c.value = v;
    return { kind: 'para', text: text.slice(m[0].length), list: { kind, instance: c.instance, value: v, start: c.start }, marker: m[0] };
  }
  return { kind: 'para', text };
}

/**
 * Grid of texts (as read from the one-cell-per-tab-line form) → cells with spans:
 * a header shorter than the rows has its task column spanning the extra columns,
 * a one-cell row spans the whole width (a category row), and an empty 序号 or task
 * cell under a data row continues the cell above (a vertical merge).
 */
export function toSeedTable(grid: string[][]): SeedTable {
  const width = Math.max(...grid.map((r) => r.length));
  const rows: SeedCell[][] = [];
  // Cell that currently owns each column (for vertical merges), by row index.
  const owner: (SeedCell | null)[] = Array(width).fill(null);
  grid.forEach((r, ri) => {
    if (ri === 0 && r.length < width) {
      const at = Math.max(0, r.findIndex((t) => /任务|举措|事项/.test(t)));
      const extra = width - r.length;
      rows.push(r.map((text, j) => ({ text, rowSpan: 1, colSpan: j === at ? extra + 1 : 1 })));
      owner.fill(null);
      return;
    }
    if (r.length === 1) {
      rows.push([{ text: r[0], rowSpan: 1, colSpan: width }]);
      owner.fill(null);
      return;
    }
    const cells: SeedCell[] = [];
    const padded = r.concat(Array(width - r.length).fill(''));
    padded.forEach((text, j) => {
      const above = owner[j];
      if (!text && j <= 1 && above && ri > 1) {
        above.rowSpan++;
        return;
      }
      const cell = { text, rowSpan: 1, colSpan: 1 };
      cells.push(cell);
      owner[j] = j <= 1 ? cell : null;
    });
    rows.push(cells);
  });
  return { kind: 'table', rows, width };
}

/** The full grid of a table (each covered position repeated), for checks. */
export function expandSeedTable(table: SeedTable): { text: string; merged: boolean }[][] {
  const grid: { text: string; merged: boolean }[][] = table.rows.map(() => []);
  table.rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        for (let dc = 0; dc < cell.colSpan; dc++) {
          grid[r + dr][c + dc] = { text: cell.text, merged: dr > 0 || dc > 0 };
        }
      }
      c += cell.colSpan;
    }
  });
  return grid;
}
