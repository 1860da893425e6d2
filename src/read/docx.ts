import { createRequire } from 'node:module';
import mammoth from 'mammoth';
import { InputError } from '../errors.js';
import { assemble } from './assemble.js';
import { parseHtml } from './dom.js';
import { docxParagraphMarkers, type ParagraphMarker } from './docxNumbering.js';
import { htmlToItems } from './htmlBlocks.js';
import type { ReadDocument } from './types.js';
import { listZip, readEntry, ZipError, type ZipEntry } from './zip.js';

// .docx: mammoth converts to HTML, cheerio walks it. Before that the package is
// checked with our own ZIP reader: every XML part is inflated under a size limit
// (a zip bomb is refused before mammoth sees it), and word/numbering.xml with the
// paragraphs' w:numPr gives back the automatic list markers mammoth drops.

/** Total inflated size allowed for the XML parts of one .docx. */
export const DOCX_XML_LIMIT = 50 * 1024 * 1024;

const require = createRequire(import.meta.url);
// mammoth's document model constructors, to put restored markers into paragraphs.
const mammothDocuments = require('mammoth/lib/documents.js') as {
  Run: (children: unknown[], properties?: Record<string, unknown>) => unknown;
  Text: (value: string) => unknown;
};

interface MammothNode { type: string; value?: string; children?: MammothNode[] }
// mammoth.transforms is not in its type declarations.
const transforms = (mammoth as unknown as {
  transforms: { paragraph(fn: (p: MammothNode) => MammothNode): (element: unknown) => unknown };
}).transforms;

export async function readDocx(bytes: Uint8Array, name: string): Promise<ReadDocument> {
  const parts = readPackage(bytes, name);
  const markers = parts.document
    ? docxParagraphMarkers(parts.document, parts.numbering, parts.styles)
    : [];
  const align = aligner(markers);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Images are not read (their bytes could be large, and they carry no text).
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        transformDocument: transforms.paragraph((p: MammothNode) => {
          const marker = align(plainText(p));
          if (!marker) return p;
          const run = mammothDocuments.Run([mammothDocuments.Text(marker)]) as MammothNode;
          return { ...p, children: [run, ...(p.children ?? [])] };
        }),
      },
    );
    html = result.value;
  } catch (e) {
    throw new InputError(name, `not a valid .docx (${oneLine((e as Error).message)})`);
  }
  const { root } = parseHtml(`<body>${html}</body>`);
  const { blocks, text } = assemble(htmlToItems(root, { olNumbers: false }));
  const restored = markers.filter((m) => m.marker).length;
  const notes: ReadDocument['notes'] = [];
  if (restored) notes.push({ code: 'numbering-restored', message: `${restored} automatic list markers restored from word/numbering.xml`, line: null });
  if (!blocks.length) throw new InputError(name, 'the .docx has no text');
  return { format: 'docx', encoding: null, blocks, notes, text };
}

interface Package { document: string | null; numbering: string | null; styles: string | null }

/** Check the ZIP and inflate its XML parts under DOCX_XML_LIMIT; return the parts we read. */
function readPackage(bytes: Uint8Array, name: string): Package {
  let entries: ZipEntry[];
  try {
    entries = listZip(bytes);
  } catch (e) {
    throw new InputError(name, `not a valid .docx (${(e as Error).message})`);
  }
  const byName = new Map(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const kind = otherPackage(byName);
  if (kind) throw new InputError(name, `not a .docx: it is ${kind}`);
  let budget = DOCX_XML_LIMIT;
  const xml = new Map<string, string>();
  try {
    for (const e of entries) {
      if (!/\.(xml|rels)$/i.test(e.name)) continue;
      const data = readEntry(bytes, e, budget);
      budget -= data.length;
      xml.set(e.name.replace(/^\//, ''), data.toString('utf8'));
    }
  } catch (e) {
    if (e instanceof ZipError && e.kind === 'limit') {
      throw new InputError(name, `refused: its XML inflates to more than ${DOCX_XML_LIMIT / 1024 / 1024} MB (a zip bomb?)`);
    }
    throw new InputError(name, `not a valid .docx (${(e as Error).message})`);
  }
  const main = mainDocumentPath(xml) ?? 'word/document.xml';
  const document = xml.get(main) ?? null;
  if (!document) throw new InputError(name, `not a valid .docx (no ${main} in the package)`);
  const rels = relationships(xml.get(main.replace(/([^/]+)$/, '_rels/$1.rels')) ?? '', main);
  return {
    document,
    numbering: xml.get(rels.numbering ?? 'word/numbering.xml') ?? null,
    styles: xml.get(rels.styles ?? 'word/styles.xml') ?? null,
  };
}

function otherPackage(byName: Map<string, ZipEntry>): string | null {
  if (byName.has('word/document.xml')) return null;
  if (byName.has('xl/workbook.xml')) return 'an Excel workbook (.xlsx)';
  if (byName.has('ppt/presentation.xml')) return 'a PowerPoint presentation (.pptx)';
  if (byName.has('content.xml') && byName.has('mimetype')) return 'an OpenDocument file (.odt/.ods), not Word';
  if (byName.has('Contents/Section0.xml') || byName.has('Contents/content.hpf')) return 'a Hancom/WPS .hwpx package, not Word';
  if (byName.has('_rels/.rels')) return null; // the main part may have another name: the relationships say
  return 'a ZIP archive without a Word document in it';
}

function mainDocumentPath(xml: Map<string, string>): string | null {
  const rels = xml.get('_rels/.rels');
  if (!rels) return null;
  const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(rels);
  const target = m ? /Target="([^"]+)"/.exec(m[0])?.[1] : undefined;
  return target ? target.replace(/^\//, '') : null;
}

function relationships(rels: string, main: string): { numbering?: string; styles?: string } {
  const dir = main.includes('/') ? main.slice(0, main.lastIndexOf('/') + 1) : '';
  const out: { numbering?: string; styles?: string } = {};
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const type = /Type="([^"]+)"/.exec(m[0])?.[1] ?? '';
    const target = /Target="([^"]+)"/.exec(m[0])?.[1];
    if (!target) continue;
    const path = target.startsWith('/') ? target.slice(1) : dir + target;
    if (type.endsWith('/numbering')) out.numbering = path;
    if (type.endsWith('/styles')) out.styles = path;
  }
  return out;
}

function plainText(n: MammothNode): string {
  if (n.type === 'text') return n.value ?? '';
  if (n.type === 'tab') return '\t';
  return (n.children ?? []).map(plainText).join('');
}

/**
 * Match mammoth's paragraphs (in document order) to ours by text, looking a little
 * ahead: mammoth skips some paragraphs (deleted, in unsupported containers), and we
 * list some it does not read.
 */
function aligner(markers: ParagraphMarker[]): (text: string) => string | null {
  let next = 0;
  return (text) => {
    const key = text.replace(/\s+/g, '');
    for (let i = next; i < Math.min(markers.length, next + 200); i++) {
      if (markers[i].key === key) {
        next = i + 1;
        return markers[i].marker;
      }
    }
    return null;
  };
}

const oneLine = (s: string) => s.split('\n')[0].slice(0, 200);
