import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InputError } from '../errors.js';
import { assemble } from './assemble.js';
import { layoutPages, type PageInput, type Segment, type TextItem } from './pdfLayout.js';
import { charCount, MIN_PAGE_CHARS, readPages, type ReadPages } from './pdfPages.js';
import { loadingPdfjs } from './pdfjsBuiltins.js';
import { isPdfjsFileError } from './pdfjsErrors.js';
import { importExternal } from '../importExternal.js';
import type { ReadDocument } from './types.js';

// .pdf with pdf-parse 2 (pdf.js 5), loaded only when a PDF is read. Text comes
// with positions from pdf.js, ruled tables from the pages' drawing operators;
// pdfLayout.ts turns both into paragraphs and full-grid tables.
//
// CMaps: Chinese PDFs often use non-embedded fonts (STSong-Light + UniGB-UCS2-H);
// without pdf.js's CMap files their text is silently empty. `cMapUrl` must be a
// plain filesystem path with a trailing slash in Node.

const require = createRequire(import.meta.url);

/** pdfjs-dist is pdf-parse's dependency (not ours): resolve the copy pdf-parse uses. */
function pdfjsDir(): string {
  const fromPdfParse = createRequire(require.resolve('pdf-parse'));
  return dirname(fromPdfParse.resolve('pdfjs-dist/package.json'));
}

/** Where pdf.js finds its CMaps and standard fonts (the bench gives pdf-parse alone the same). */
export function pdfjsDataOptions(): { cMapUrl: string; cMapPacked: true; standardFontDataUrl: string } {
  const dir = pdfjsDir();
  return { cMapUrl: join(dir, 'cmaps') + '/', cMapPacked: true, standardFontDataUrl: join(dir, 'standard_fonts') + '/' };
}

interface PdfTextItem { str: string; transform: number[]; width: number; height: number; hasEOL?: boolean }
interface PdfPage {
  view: number[];
  getTextContent(params?: { includeMarkedContent?: boolean; disableNormalization?: boolean }): Promise<{ items: (PdfTextItem | { type: string })[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup(): void;
}
interface PdfDocument { numPages: number; getPage(n: number): Promise<PdfPage> }

/**
 * A document that accepts pdf.js's @font-face rules and keeps none of them. In Node pdf.js
 * defaults to `disableFontFace`, and then the worker compiles the outline of every glyph
 * shown into a canvas path whenever a page's operator list is built: half the cost of
 * getOperatorList, for drawing nothing. With font faces on, the display side installs each
 * font as a CSS rule into `ownerDocument` instead (once per font); nothing is rendered here,
 * so the rules can go nowhere. Without a `fonts` property pdf.js takes the CSS-rule path
 * (no FontFace API needed), and Node counts as loading fonts synchronously.
 */
const HEADLESS_DOCUMENT = {
  createElement: () => ({ sheet: { cssRules: [], insertRule: () => 0 }, remove: () => undefined }),
  documentElement: { getElementsByTagName: () => [{ append: () => undefined }] },
};

export async function readPdf(bytes: Uint8Array, name: string): Promise<ReadDocument> {
  const { pages, imagePages } = await readPdfPages(bytes, name);
  checkTextLayer(pages, imagePages, name);
  const { items, notes } = layoutPages(pages);
  const emptyPages = pages.filter((p) => charCount(p.items) < MIN_PAGE_CHARS).map((p) => p.number);
  if (emptyPages.length) {
    notes.push({ code: 'pdf-page-without-text', message: `page${emptyPages.length > 1 ? 's' : ''} ${emptyPages.join(', ')} ha${emptyPages.length > 1 ? 've' : 's'} no text${emptyPages.some((p) => imagePages.includes(p)) ? ' (scanned?)' : ''}`, line: null });
  }
  const { blocks, text } = assemble(items);
  return { format: 'pdf', encoding: null, blocks, notes, text };
}

/**
 * The PDF's pages: their text, and their rulings where a table or a scan may be (see
 * pdfPages.ts). The document is destroyed again before this returns or throws.
 */
export async function readPdfPages(bytes: Uint8Array, name: string): Promise<ReadPages> {
  const { PDFParse } = await loadingPdfjs(() => importExternal<typeof import('pdf-parse')>('pdf-parse'));
  const dir = pdfjsDir();
  // The drawing operator codes (OPS) of that same pdf.js build.
  const { OPS } = await loadingPdfjs(() => importExternal<{ OPS: OpsTable }>(pathToFileURL(join(dir, 'legacy/build/pdf.mjs')).href));
  const parser = new PDFParse({
    // pdf.js transfers the buffer to its worker: give it a copy.
    data: new Uint8Array(bytes),
    ...pdfjsDataOptions(),
    verbosity: 0,
    isEvalSupported: false,
    disableFontFace: false,
    ownerDocument: HEADLESS_DOCUMENT as unknown as Document,
  });
  try {
    let doc: PdfDocument;
    try {
      // PDFParse.load() is how its own getText()/getTable() open the document (not in its typings).
      // The first load also loads pdf.js's worker side, with core-js again.
      doc = await loadingPdfjs(() => (parser as unknown as { load(): Promise<PdfDocument> }).load());
    } catch (e) {
      throw loadError(e as Error, name);
    }
    try {
      return await readPages({
        numPages: doc.numPages,
        text: async (n) => {
          const page = await doc.getPage(n);
          try {
            const [x0, y0, x1, y1] = page.view;
            const content = await page.getTextContent({ includeMarkedContent: false, disableNormalization: false });
            const items: TextItem[] = [];
            for (const raw of content.items) {
              if (!('str' in raw)) continue;
              const [a, b, c, d, e, f] = raw.transform;
              // Rotated or vertical text (stamps, watermarks, margin notes) is not body text.
              if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d) || a <= 0) continue;
              const size = Math.abs(d) || raw.height || Math.abs(a);
              items.push({ str: raw.str, x: e - x0, y: f - y0, w: raw.width, size });
            }
            return { number: n, width: x1 - x0, height: y1 - y0, items, segments: [] };
          } finally {
            page.cleanup();
          }
        },
        rulings: async (n) => {
          const page = await doc.getPage(n);
          try {
            return rulings(await page.getOperatorList(), OPS, [page.view[0], page.view[1]]);
          } finally {
            page.cleanup();
          }
        },
      });
    } catch (e) {
      throw pageError(e as Error, name);
    }
  } finally {
    // Destroys the document with its worker side and caches.
    await parser.destroy().catch(() => undefined);
  }
}

function loadError(e: Error, name: string): InputError {
  if (e instanceof InputError) return e;
  const kind = e.name ?? '';
  if (/Password/i.test(kind) || /password/i.test(e.message)) return new InputError(name, 'encrypted PDF: a password is needed to open it');
  if (/InvalidPDF|FormatError/i.test(kind)) return new InputError(name, `not a valid PDF (${oneLine(e.message)})`);
  return new InputError(name, `cannot read the PDF (${oneLine(e.message)})`);
}

// pdf.js reports a broken stream inside a page (a corrupt or truncated file: "Bad encoding in flate
// stream") as an UnknownErrorException from its worker side: the file's fault, not the parser's.
function pageError(e: Error, name: string): Error {
  if (e instanceof InputError) return e;
  if (isPdfjsFileError(e)) return new InputError(name, `corrupt PDF: a page cannot be read (${oneLine(e.message)})`);
  return e;
}

const oneLine = (s: string) => s.split('\n')[0].slice(0, 200);

/**
 * No text at all (a scan) or text whose characters cannot be mapped back to Unicode
 * (fonts without a ToUnicode map: private-use, replacement or unrelated characters).
 */
function checkTextLayer(pages: PageInput[], imagePages: number[], name: string): void {
  const all = pages.flatMap((p) => p.items.map((i) => i.str)).join('').replace(/\s+/g, '');
  if (all.length < MIN_PAGE_CHARS * Math.max(1, Math.min(pages.length, 3))) {
    if (imagePages.length) throw new InputError(name, `no text layer: the PDF is scanned images (${imagePages.length} of ${pages.length} pages are images); run OCR first`);
    throw new InputError(name, 'the PDF has no text');
  }
  const share = garbageShare(all);
  if (share > 0.3) {
    throw new InputError(name, `the PDF's text layer is unreadable (${Math.round(share * 100)}% of its characters are private-use, unmapped or not Chinese text: fonts without a ToUnicode map); run OCR on the rendered pages`);
  }
}

/** Share of characters that cannot be Chinese document text. */
export function garbageShare(text: string): number {
  let bad = 0, cjk = 0, total = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    total++;
    if ((cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x20000 && cp <= 0x3134f)) { cjk++; continue; }
    if (
      (cp >= 0xe000 && cp <= 0xf8ff) || cp === 0xfffd || cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ||
      (cp >= 0x0100 && cp <= 0x024f) || // Latin Extended-A/B: glyph ids read as characters
      (cp >= 0x0250 && cp <= 0x02af) || (cp >= 0x0370 && cp <= 0x1fff && !(cp >= 0x0391 && cp <= 0x03c9)) ||
      (cp >= 0xf0000)
    ) bad++;
  }
  if (!total) return 0;
  // Latin-1 letters mixed into a text with no Chinese are also a sign of unmapped glyphs.
  if (cjk / total < 0.05) {
    for (const ch of text) if (/[\u00c0-\u00ff]/.test(ch)) bad++;
  }
  return bad / total;
}

type OpsTable = Record<string, number>;

/**
 * Ruling lines from the operator list: stroked axis-aligned segments, and thin filled
 * rectangles (how Word draws cell borders). The current transform is tracked through
 * save/restore/transform and form XObjects.
 */
function rulings(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: OpsTable, origin: [number, number]): { segments: Segment[]; images: number } {
  const segments: Segment[] = [];
  let images = 0;
  let ctm = [1, 0, 0, 1, 0, 0];
  const stack: number[][] = [];
  const apply = (m: number[], x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4] - origin[0], m[1] * x + m[3] * y + m[5] - origin[1]];
  const mul = (m: number[], n: number[]) => [
    n[0] * m[0] + n[1] * m[2], n[0] * m[1] + n[1] * m[3],
    n[2] * m[0] + n[3] * m[2], n[2] * m[1] + n[3] * m[3],
    n[4] * m[0] + n[5] * m[2] + m[4], n[4] * m[1] + n[5] * m[3] + m[5],
  ];
  const strokeOps = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fillOps = new Set([OPS.fill, OPS.eoFill]);
  const addLine = (p: [number, number], q: [number, number]) => {
    const [x1, y1] = p, [x2, y2] = q;
    if (Math.abs(y1 - y2) < 0.6 && Math.abs(x1 - x2) > 3) segments.push({ dir: 'h', y: (y1 + y2) / 2, x1: Math.min(x1, x2), x2: Math.max(x1, x2) });
    else if (Math.abs(x1 - x2) < 0.6 && Math.abs(y1 - y2) > 3) segments.push({ dir: 'v', x: (x1 + x2) / 2, y1: Math.min(y1, y2), y2: Math.max(y1, y2) });
  };
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args?.[0] as number[] | undefined;
      if (Array.isArray(m) || ArrayBuffer.isView(m)) ctm = mul(ctm, Array.from(m as ArrayLike<number>));
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject || fn === OPS.paintImageXObjectRepeat) images++;
    else if (fn === OPS.constructPath) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data || typeof (data as ArrayLike<number>).length !== 'number') continue;
      const stroke = strokeOps.has(paint);
      const fill = fillOps.has(paint);
      if (!stroke && !fill) continue;
      // Subpaths as point lists (moveTo 0, lineTo 1, curveTo 2, closePath 3).
      const subpaths: { pts: [number, number][]; closed: boolean; curved: boolean }[] = [];
      let cur: { pts: [number, number][]; closed: boolean; curved: boolean } | null = null;
      for (let k = 0; k < data.length;) {
        const op = data[k++];
        if (op === 0) { cur = { pts: [apply(ctm, data[k], data[k + 1])], closed: false, curved: false }; subpaths.push(cur); k += 2; }
        else if (op === 1) { cur?.pts.push(apply(ctm, data[k], data[k + 1])); k += 2; }
        else if (op === 2) { if (cur) { cur.curved = true; cur.pts.push(apply(ctm, data[k + 4], data[k + 5])); } k += 6; }
        else if (op === 3) { if (cur) cur.closed = true; }
        else break;
      }
      for (const sp of subpaths) {
        if (sp.curved || sp.pts.length < 2) continue;
        if (stroke) {
          for (let k = 1; k < sp.pts.length; k++) addLine(sp.pts[k - 1], sp.pts[k]);
          if (sp.closed) addLine(sp.pts[sp.pts.length - 1], sp.pts[0]);
        } else {
          // A filled thin rectangle is a ruling along its long side; a large one is shading.
          const xs = sp.pts.map((p) => p[0]), ys = sp.pts.map((p) => p[1]);
          const w = Math.max(...xs) - Math.min(...xs), h = Math.max(...ys) - Math.min(...ys);
          if (h <= 2 && w > 3) addLine([Math.min(...xs), (Math.min(...ys) + Math.max(...ys)) / 2], [Math.max(...xs), (Math.min(...ys) + Math.max(...ys)) / 2]);
          else if (w <= 2 && h > 3) addLine([(Math.min(...xs) + Math.max(...xs)) / 2, Math.min(...ys)], [(Math.min(...xs) + Math.max(...xs)) / 2, Math.max(...ys)]);
        }
      }
    }
  }
  return { segments, images };
}
