import { InputError } from '../errors.js';
import type { Format } from '../result/schema.js';
import { extensionFormat, sniff } from './detect.js';
// Loaded with the library (not with pdf.ts) so that its record of Node's built-ins is taken
// before anything in the process has loaded pdf.js.
import './pdfjsBuiltins.js';
import type { ReadDocument } from './types.js';

export type { ReadDocument, Block, Paragraph, TableBlock, TableCell } from './types.js';

export interface ReadOptions {
  /** Used in error messages and as a tie-breaker for the format. */
  path?: string | null;
  /** Force a format instead of detecting it. */
  format?: Format;
}

/**
 * Bytes of any supported format → blocks. Throws InputError with a one-line
 * reason for input that cannot be read. Readers of binary formats are loaded
 * on demand so a .txt run never pays for mammoth or pdf.js.
 */
export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadDocument> {
  const name = options.path ?? '-';
  const format = options.format ?? resolveFormat(bytes, name, options.path ?? null);
  switch (format) {
    case 'txt':
      return (await import('./txt.js')).readTxt(bytes);
    case 'docx':
      return (await import('./docx.js')).readDocx(bytes, name);
    case 'pdf':
      return (await import('./pdf.js')).readPdf(bytes, name);
    case 'html':
      return (await import('./html.js')).readHtml(bytes, name, { claimed: extensionFormat(options.path ?? null) });
    case 'doc':
      return (await import('./doc.js')).readDoc(bytes, name);
  }
}

export function resolveFormat(bytes: Uint8Array, name: string, path: string | null): Format {
  const sniffed = sniff(bytes);
  const ext = extensionFormat(path);
  switch (sniffed) {
    case 'empty':
      throw new InputError(name, 'empty file');
    case 'binary':
      throw new InputError(name, ext && ext !== 'txt'
        ? `not a valid .${ext} file (unrecognised binary content)`
        : 'binary file, not a document');
    case 'zip':
      if (ext && ext !== 'docx') {
        // A ZIP that is not named .docx is still tried as OOXML: the reader says if it is not one.
      }
      return 'docx';
    case 'ole2':
      return 'doc';
    case 'txt':
      if (path && !ext) {
        // Unknown extension with text content: read as text only when the name has no extension.
        if (/\.[A-Za-z0-9]+$/.test(path)) throw new InputError(name, `unsupported file type "${path.slice(path.lastIndexOf('.'))}" (expected .txt, .docx, .pdf, .html, .doc)`);
      }
      if (ext && ext !== 'txt') throw new InputError(name, `not a valid .${ext} file (it contains plain text)`);
      return 'txt';
    default:
      return sniffed;
  }
}
