import { readDocument } from '../read/index.js';
import type { Format } from '../result/schema.js';

// The source document's text as rules see it: paragraphs and table rows, each with the 1-based
// line it starts on (the same lines as `origin.line` and `sections[].line` in the result).

export interface SourceParagraph {
  line: number;
  text: string;
}

export interface SourceRow {
  /** Line of the row's first cell. */
  line: number;
  cells: { text: string; line: number }[];
}

export interface SourceTable {
  line: number;
  rows: SourceRow[];
}

export class SourceText {
  readonly paragraphs: SourceParagraph[];
  readonly tables: SourceTable[];

  constructor(paragraphs: SourceParagraph[], tables: SourceTable[] = []) {
    this.paragraphs = [...paragraphs].sort((a, b) => a.line - b.line);
    this.tables = tables;
  }

  /** Plain text (one paragraph per line, as in a .txt file): every non-empty line is a paragraph. */
  static fromPlainText(text: string): SourceText {
    const paragraphs = text.split(/\r\n|\r|\n/).map((t, i) => ({ line: i + 1, text: t })).filter((p) => p.text.trim() !== '');
    return new SourceText(paragraphs);
  }

  /** The paragraph starting on `line`, if any. */
  paragraphAt(line: number): SourceParagraph | null {
    return this.paragraphs.find((p) => p.line === line) ?? null;
  }

  /** Paragraphs starting on lines from..to-1. */
  paragraphsBetween(from: number, to: number): SourceParagraph[] {
    return this.paragraphs.filter((p) => p.line >= from && p.line < to);
  }

  /** The table row starting on `line` (or having a cell there), if any. */
  rowAt(line: number): SourceRow | null {
    for (const t of this.tables) {
      for (const r of t.rows) if (r.line === line || r.cells.some((c) => c.line === line)) return r;
    }
    return null;
  }

  /** Line of the first table, or null. */
  get firstTableLine(): number | null {
    return this.tables.length ? Math.min(...this.tables.map((t) => t.line)) : null;
  }
}

/** Read a document's bytes into its source text with the same reader `parse` uses. */
export async function loadSource(bytes: Uint8Array, path: string | null, format?: Format): Promise<SourceText> {
  const doc = await readDocument(bytes, { path, format });
  const paragraphs: SourceParagraph[] = [];
  const tables: SourceTable[] = [];
  for (const b of doc.blocks) {
    if (b.kind === 'para') paragraphs.push({ line: b.line, text: b.text });
    else {
      tables.push({
        line: b.line,
        rows: b.rows.map((cells) => ({
          line: Math.min(...cells.filter((c) => !c.merged).map((c) => c.line), Infinity) === Infinity
            ? (cells[0]?.line ?? b.line)
            : Math.min(...cells.filter((c) => !c.merged).map((c) => c.line)),
          cells: cells.map((c) => ({ text: c.merged ? '' : c.text, line: c.line })),
        })),
      });
    }
  }
  return new SourceText(paragraphs, tables);
}
