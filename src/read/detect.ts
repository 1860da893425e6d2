import type { Format } from '../result/schema.js';
import { utf16WithoutBom } from './decode.js';

// The format comes from the bytes first; the extension only breaks ties
// (a .pdf that is really HTML is read as HTML, then judged on its content).

const EXT: Record<string, Format> = {
  txt: 'txt', text: 'txt', md: 'txt',
  docx: 'docx', pdf: 'pdf', html: 'html', htm: 'html', shtml: 'html', xhtml: 'html', doc: 'doc', wps: 'doc',
};

export type Sniffed = Format | 'zip' | 'ole2' | 'binary' | 'empty';

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return 'empty';
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'zip';
  if (head.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return 'ole2';
  const start = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (start.includes('%PDF-')) return 'pdf';
  if (looksHtml(start)) return 'html';
  if (looksBinary(bytes)) return 'binary';
  return 'txt';
}

/**
 * A web page: an HTML tag first (after a BOM, blank lines, comments or an XML
 * declaration, as saved pages often begin), or <html / <!doctype html early on.
 */
function looksHtml(start: string): boolean {
  const head = start.replace(/^(?:[\s\ufeff]|\xef\xbb\xbf|<\?xml[^>]*>|<!--[\s\S]*?-->)*/, '');
  if (/^<(?:!doctype html|html|head|body|meta|title|link|script|style|div|p|table|section|article|span|h[1-6]|font|center|br)\b/i.test(head)) return true;
  return /<html[\s>]|<!doctype html/i.test(start);
}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return !isUtf16(bytes) && !utf16WithoutBom(bytes);
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.05;
}

const isUtf16 = (b: Uint8Array) => (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);

export function extensionFormat(path: string | null): Format | null {
  if (!path) return null;
  const m = /\.([A-Za-z0-9]+)$/.exec(path);
  return m ? EXT[m[1].toLowerCase()] ?? null : null;
}

export const KNOWN_EXTENSIONS = Object.keys(EXT);
