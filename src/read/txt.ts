import { decodeText, splitLines } from './decode.js';
import type { Block, ReadDocument, TableCell } from './types.js';
import { tabCellTables } from './tabCellTable.js';
import { tsvTables } from './tsvTable.js';

/** Plain text (UTF-8 or GB18030): every line a paragraph, except tables written one cell per tab line. */
export function readTxt(bytes: Uint8Array): ReadDocument {
  const { text, encoding } = decodeText(bytes);
  return { format: 'txt', encoding, blocks: linesToBlocks(splitLines(text)), notes: [] };
}

/** Lines (index 0 = line 1) → paragraphs and tables. Shared by readers that produce text lines. */
export function linesToBlocks(lines: string[], firstLine = 1): Block[] {
  const blocks: Block[] = [];
  const tables = [...tabCellTables(lines), ...tsvTables(lines)].sort((a, b) => a.start - b.start);
  let t = 0;
  for (let i = 0; i < lines.length; ) {
    const table = tables[t];
    if (table && table.start === i) {
      blocks.push({ kind: 'table', rows: table.rows.map((r) => r.map((c): TableCell => ({ ...c, line: c.line + firstLine - 1 }))), line: i + firstLine });
      i = table.end;
      t++;
      continue;
    }
    const text = lines[i].trim();
    if (text) blocks.push({ kind: 'para', text, line: i + firstLine });
    i++;
  }
  return blocks;
}
