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
  try {
    return { text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: gb18030.decode(bytes), encoding: 'gb18030' };
  }
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
