import { createRequire } from 'node:module';
import type Mammoth from 'mammoth';
import { InputError } from '../errors.js';
import { assemble } from './assemble.js';
import { parseHtml, parseMammothHtml, type XNode } from './dom.js';
import { docxBodyTree } from './docxBody.js';
import { docxParagraphMarkers, type ParagraphMarker } from './docxNumbering.js';
import { htmlToItems } from './htmlBlocks.js';
import type { ReadDocument } from './types.js';
import { listZip, plainZip, readEntry, ZipError, type ZipEntry } from './zip.js';

// .docx: word/document.xml → the tree of paragraphs and tables that htmlToItems walks
// into blocks. The package is first checked with our own ZIP reader: every XML part is
// inflated under a size limit (a zip bomb is refused before anything parses it), and
// word/numbering.xml with the paragraphs' w:numPr gives back the automatic list
// markers mammoth drops. The tree is read directly (docxBodyTree, which follows
// mammoth's reading rules) when the document stays within what those rules cover;
// anything else is converted by mammoth to HTML and read back. mammoth then reads the
// parts inflated here instead of unzipping the package again (plainZip), and its HTML
// is read without an HTML5 parser (parseMammothHtml); each shortcut falls back to the
// general path for input where it could differ.

/** Total inflated size allowed for the XML parts of one .docx. */
export const DOCX_XML_LIMIT = 50 * 1024 * 1024;

const require = createRequire(import.meta.url);

interface MammothNode { type: string; value?: string; children?: MammothNode[] }

/** mammoth, loaded when a document needs it (most are read without it). */
interface MammothApi {
  main: typeof Mammoth;
  // Its document model's constructors, to put restored markers into paragraphs.
  documents: {
    Run: (children: unknown[], properties?: Record<string, unknown>) => unknown;
    Text: (value: string) => unknown;
  };
  // mammoth.transforms is not in its type declarations.
  transforms: { paragraph(fn: (p: MammothNode) => MammothNode): (element: unknown) => unknown };
  zip: { openArrayBuffer(buffer: Buffer): Promise<MammothZipFile> };
}
let mammothApi: MammothApi | null = null;
function mammoth(): MammothApi {
  if (!mammothApi) {
    const main = require('mammoth') as typeof Mammoth;
    mammothApi = {
      main,
      documents: require('mammoth/lib/documents.js') as MammothApi['documents'],
      transforms: (main as unknown as { transforms: MammothApi['transforms'] }).transforms,
      zip: require('mammoth/lib/zipfile.js') as MammothApi['zip'],
    };
  }
  return mammothApi;
}

export interface DocxOptions {
  /** Convert with mammoth even when docxBodyTree could read the document (to compare the two). */
  mammoth?: boolean;
}

export async function readDocx(bytes: Uint8Array, name: string, options: DocxOptions = {}): Promise<ReadDocument> {
  const parts = readPackage(bytes, name);
  const markers = parts.document
    ? docxParagraphMarkers(parts.document, parts.numbering, parts.styles)
    : [];
  // Most documents are read without mammoth (docxBodyTree says which); the rest are converted by it.
  const direct = parts.document && !parts.styleMap && !parts.misstated && !options.mammoth;
  const root = (direct ? docxBodyTree(parts.document!, aligner(markers)) : null)
    ?? await mammothTree(bytes, parts, aligner(markers), name);
  const { blocks, text } = assemble(htmlToItems(root, { olNumbers: false }));
  const restored = markers.filter((m) => m.marker).length;
  const notes: ReadDocument['notes'] = [];
  if (restored) notes.push({ code: 'numbering-restored', message: `${restored} automatic list markers restored from word/numbering.xml`, line: null });
  if (!blocks.length) throw new InputError(name, 'the .docx has no text');
  return { format: 'docx', encoding: null, blocks, notes, text };
}

/** mammoth's HTML of the document, with `align`'s list markers, read back into a tree. */
async function mammothTree(bytes: Uint8Array, parts: Package, align: (text: string) => string | null, name: string): Promise<XNode> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { main, documents, transforms } = mammoth();
  let html: string;
  try {
    const result = await main.convertToHtml(
      // The XML parts are inflated already: mammoth reads them from there rather than unzip the package again.
      parts.file ? { file: parts.file } as unknown as { buffer: Buffer } : { buffer },
      {
        // Images are not read (their bytes could be large, and they carry no text).
        convertImage: main.images.imgElement(async () => ({ src: '' })),
        transformDocument: transforms.paragraph((p: MammothNode) => {
          const marker = align(plainText(p));
          if (!marker) return p;
          const run = documents.Run([documents.Text(marker)]) as MammothNode;
          return { ...p, children: [run, ...(p.children ?? [])] };
        }),
      },
    );
    html = result.value;
  } catch (e) {
    throw new InputError(name, `not a valid .docx (${oneLine((e as Error).message)})`);
  }
  // mammoth's HTML is regular: read it directly unless parse5 would restructure it.
  return parseMammothHtml(html) ?? parseHtml(`<body>${html}</body>`).root;
}

interface Package {
  document: string | null;
  /** The package carries a style map for mammoth (mammoth/style-map), which only mammoth applies. */
  styleMap: boolean;
  /** Some XML part inflated to another size than its header says: mammoth's unzipper refuses such a package. */
  misstated: boolean;
  numbering: string | null;
  styles: string | null;
  /** The package as mammoth's zip file interface, when it can be served from the parts inflated here. */
  file: MammothZipFile | null;
}

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
  const xml = new Map<string, Buffer>();
  // By exact entry name (as JSZip lists them), the parts whose inflated size is the declared one.
  const exact = new Map<string, Buffer>();
  let misstated = false;
  try {
    for (const e of entries) {
      if (!/\.(xml|rels)$/i.test(e.name)) continue;
      const data = readEntry(bytes, e, budget);
      budget -= data.length;
      xml.set(e.name.replace(/^\//, ''), data);
      if (data.length === e.size) exact.set(e.name, data);
      else {
        exact.delete(e.name);
        misstated = true;
      }
    }
  } catch (e) {
    if (e instanceof ZipError && e.kind === 'limit') {
      throw new InputError(name, `refused: its XML inflates to more than ${DOCX_XML_LIMIT / 1024 / 1024} MB (a zip bomb?)`);
    }
    throw new InputError(name, `not a valid .docx (${(e as Error).message})`);
  }
  const strings = new Map<Buffer, string>();
  const decoded = (data: Buffer) => {
    let s = strings.get(data);
    if (s === undefined) strings.set(data, (s = data.toString('utf8')));
    return s;
  };
  const text = (path: string) => {
    const data = xml.get(path);
    return data && decoded(data);
  };
  const main = mainDocumentPath(text('_rels/.rels')) ?? 'word/document.xml';
  const document = text(main) ?? null;
  if (!document) throw new InputError(name, `not a valid .docx (no ${main} in the package)`);
  const rels = relationships(text(main.replace(/([^/]+)$/, '_rels/$1.rels')) ?? '', main);
  return {
    document,
    styleMap: byName.has('mammoth/style-map'),
    misstated,
    numbering: text(rels.numbering ?? 'word/numbering.xml') ?? null,
    styles: text(rels.styles ?? 'word/styles.xml') ?? null,
    file: plainZip(bytes) ? mammothFile(bytes, entries, exact, decoded) : null,
  };
}

/** mammoth's zip file interface (mammoth/lib/zipfile.js), which mammoth.convertToHtml accepts as `file`. */
interface MammothZipFile {
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<unknown>;
  write(name: string, contents: unknown): void;
  toArrayBuffer(): Promise<ArrayBuffer>;
}

const OBJECT = {};

/**
 * The package as mammoth would open it (plainZip: JSZip lists the same entries under the
 * same names), its XML parts served from what readPackage inflated and decoded as mammoth
 * decodes them. Anything else (mammoth's own style map, images) is read by mammoth's unzipper.
 */
function mammothFile(bytes: Uint8Array, entries: ZipEntry[], parts: Map<string, Buffer>, decoded: (data: Buffer) => string): MammothZipFile {
  const names = new Set(entries.map((e) => e.name));
  let zip: Promise<MammothZipFile> | null = null;
  const opened = () => (zip ??= mammoth().zip.openArrayBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  return {
    exists: (name) => {
      // JSZip's file(name) is null for directories (their names end with "/" here, plainZip checks).
      if (names.has(name)) return !name.endsWith('/');
      // It looks names up in a plain object, where Object.prototype's keys are found too.
      const inherited = (OBJECT as Record<string, unknown>)[name] as { dir?: unknown } | undefined;
      return !!inherited && !inherited.dir;
    },
    read: (name, encoding) => {
      const data = parts.get(name);
      if (data && (encoding === 'utf-8' || encoding === 'utf8')) {
        // What mammoth's TextDecoder gives: the UTF-8 text without a leading byte-order mark.
        const s = decoded(data);
        return Promise.resolve(data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? s.slice(1) : s);
      }
      return opened().then((f) => f.read(name, encoding));
    },
    write: () => { throw new Error('read-only package'); },
    toArrayBuffer: () => opened().then((f) => f.toArrayBuffer()),
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

function mainDocumentPath(rels: string | undefined): string | null {
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
  let s = '';
  for (const c of n.children ?? []) s += plainText(c);
  return s;
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
