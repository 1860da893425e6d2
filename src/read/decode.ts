// Bytes → text. Strict UTF-8 first; anything that is not valid UTF-8 is read as
// GB18030 (a superset of GBK and GB2312; decoding as gb2312 would mangle characters
// outside that older set).

const utf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8.decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const bomless = utf16WithoutBom(bytes);
  if (bomless) return { text: new TextDecoder(bomless).decode(bytes), encoding: bomless };
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: gb18030.decode(bytes), encoding: 'gb18030' };
  }
}

/**
 * UTF-16 saved without a byte order mark (some Windows exports): the zero high bytes of ASCII
 * characters (digits, line ends) fall mostly on one side, and the text decodes to Chinese and
 * ASCII without control characters. Any other encoding puts no zero bytes in a text.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return null;
  let evenZeros = 0, oddZeros = 0;
  for (let i = 0; i < n; i += 2) { if (bytes[i] === 0) evenZeros++; if (bytes[i + 1] === 0) oddZeros++; }
  const pairs = n / 2;
  // Chinese characters have zero low bytes too (U+3000, the indent space): one side dominates.
  const encoding = oddZeros >= pairs * 0.01 && oddZeros >= 3 * evenZeros ? 'utf-16le'
    : evenZeros >= pairs * 0.01 && evenZeros >= 3 * oddZeros ? 'utf-16be' : null;
  if (!encoding) return null;
  let text: string;
  try { text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, n)); } catch { return null; }
  let plausible = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return null;
    if (c < 0x7f || (c >= 0x3000 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f)) plausible++;
  }
  return plausible >= text.length * 0.9 ? encoding : null;
}

/** Decode with a declared charset (HTML <meta charset>), falling back to detection. */
export function decodeWithCharset(bytes: Uint8Array, charset: string | null): DecodedText {
  const cs = charset?.trim().toLowerCase();
  if (cs && /^(gb2312|gbk|gb18030|x-gbk|cp936)$/.test(cs)) {
    return { text: gb18030.decode(bytes), encoding: 'gb18030' };
  }
  return decodeText(bytes);
}

/**
 * Split into lines: CRLF, bare CR and LF all end a line (real files mix them).
 * Full-width spaces and NBSP become ordinary spaces; trailing spaces go.
 */
export function splitLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\u3000\u00a0]/g, ' ').replace(/[ \u200b\ufeff]+$/u, ''));
}
