import type { Format } from '../result/schema.js';

// What every reader produces: the document as a sequence of blocks, in reading
// order, each with the 1-based line it starts on in the reader's plain text.

export interface Paragraph {
  kind: 'para';
  text: string;
  line: number;
  page?: number;
}

export interface TableCell {
  text: string;
  /** Line of the cell's first text (or of its row when empty). */
  line: number;
  /** True when this grid position is covered by a merged cell started above or to the left. */
  merged?: boolean;
}

export interface TableBlock {
  kind: 'table';
  /**
   * A full grid: every row has one entry per column. A cell merged over several
   * rows or columns is repeated in each position it covers, with `merged: true`
   * on all but its first (top-left) position. Readers that cannot see spans
   * (text converted from .docx) leave such positions empty, and a row they saw
   * as one spanning cell (a category row) may be shorter than the others.
   */
  rows: TableCell[][];
  line: number;
}

export type Block = Paragraph | TableBlock;

export interface ReadDocument {
  format: Format;
  /** The text encoding detected for text inputs ("utf-8", "gb18030"); null for binary formats. */
  encoding: string | null;
  blocks: Block[];
  /** Messages from the reader itself (e.g. a page that had no text). */
  notes: { code: string; message: string; line: number | null }[];
  /**
   * The reader's plain-text rendering that `line` numbers refer to (readers of
   * binary formats; the .txt reader's is the input itself). Tables are written one
   * cell per TAB line, rows separated by blank lines, as in text converted from .docx.
   */
  text?: string;
}
