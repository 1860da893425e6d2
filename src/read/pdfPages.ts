import { buildLines, findTables, inFurnitureBand, isPageNumber, looksTabular, type PageInput, type Segment, type TextItem } from './pdfLayout.js';

// Which pages' drawing operators to read. Rulings (ruled tables) and images (scans) are
// only in a page's operator list, and pdf.js builds that by parsing the content stream a
// second time and shipping every operator, glyphs included, to the caller: about as much
// work as reading the text. So the text comes first, and the operators only for pages
// that may hold a table (text side by side) or a scan (no text), and for the pages a
// table may run over to (it starts or ends its page), where the rest of it may be too
// little to look like a table (a header row, the end of a split row).
//
// No pdf.js here: readPdf gives the pages, tests give stand-ins.

/** Pages with fewer characters than this count as having no text layer. */
export const MIN_PAGE_CHARS = 5;

export const charCount = (items: TextItem[]) => items.reduce((n, i) => n + i.str.replace(/\s+/g, '').length, 0);

/** A PDF's pages, one at a time. */
export interface PageSource {
  numPages: number;
  /** Page `n` (from 1) with its text; `segments` empty. */
  text(n: number): Promise<PageInput>;
  /** The rulings of page `n` from its drawing operators, and how many images it paints. */
  rulings(n: number): Promise<{ segments: Segment[]; images: number }>;
}

export interface ReadPages {
  /** Every page; those whose operators were read have their segments and tables. */
  pages: PageInput[];
  /** Pages that paint images, among those whose operators were read. */
  imagePages: number[];
  /** Pages whose operators were read, in that order. */
  scanned: number[];
}

/** Text of every page, rulings where a table or a scan may be. */
export async function readPages(src: PageSource): Promise<ReadPages> {
  const pages: PageInput[] = [];
  const imagePages: number[] = [];
  const scanned: number[] = [];
  const scan = async (page: PageInput) => {
    const found = await src.rulings(page.number);
    page.segments = found.segments;
    page.tables = findTables(found.segments, page.items, page.number);
    if (found.images) imagePages.push(page.number);
    scanned.push(page.number);
  };
  for (let n = 1; n <= src.numPages; n++) {
    const page = await src.text(n);
    pages.push(page);
    if (mayHoldTableOrScan(page)) await scan(page);
  }
  // The page before a table that starts its page, the page after one that ends its page,
  // and so on while they have one.
  const queue = pages.filter((p) => p.tables?.length).map((p) => p.number);
  while (queue.length) {
    const page = pages[queue.shift()! - 1];
    const { before, after } = runsOver(page);
    for (const m of [before ? page.number - 1 : 0, after ? page.number + 1 : 0]) {
      if (m < 1 || m > pages.length || scanned.includes(m)) continue;
      const next = pages[m - 1];
      await scan(next);
      if (next.tables!.length) queue.push(m);
    }
  }
  return { pages, imagePages, scanned };
}

/**
 * Could a table of the page run on from the page before (no line above it but page
 * furniture: in the header band or a page number) or onto the page after (none below it)?
 */
export function runsOver(page: PageInput): { before: boolean; after: boolean } {
  const tables = page.tables ?? [];
  if (!tables.length) return { before: false, after: false };
  const top = Math.max(...tables.map((t) => t.top));
  const bottom = Math.min(...tables.map((t) => t.bottom));
  const outside = page.items.filter((i) => {
    const cx = i.x + i.w / 2, cy = i.y + i.size * 0.35;
    return !tables.some((t) => cx >= t.left && cx <= t.right && cy <= t.top && cy >= t.bottom);
  });
  const body = buildLines(outside, page.number).filter((l) => !inFurnitureBand(l.y, page.height) && !isPageNumber(l.text));
  return { before: !body.some((l) => l.y > top), after: !body.some((l) => l.y < bottom) };
}

/** A page without text (a scan?) or with text side by side (table cells?). */
export function mayHoldTableOrScan(page: PageInput): boolean {
  return charCount(page.items) < MIN_PAGE_CHARS || looksTabular(page.items);
}
