// Character helpers for the hot loops of the extractors and the structure stage.
//
// `text[i]` on Chinese text allocates a fresh one-character string every time (V8 caches only
// Latin-1 characters), and `[...text]` builds an array of them: on a 2,000-document batch these
// were a large share of all allocations. These helpers read char codes instead and allocate nothing.

/**
 * A set of UTF-16 code units, tested by code: `isOpen(text.charCodeAt(i))`. A bitmap over the BMP
 * (8 KB): a lookup is a shift and a mask. NaN (charCodeAt out of range) tests as code 0, which no
 * class holds.
 */
export function charClass(chars: string): (code: number) => boolean {
  const bits = new Uint32Array(2048);
  for (let i = 0; i < chars.length; i++) {
    const c = chars.charCodeAt(i);
    if (c === 0) throw new Error('charClass: NUL cannot be a member');
    bits[c >>> 5] |= 1 << (c & 31);
  }
  return (code: number) => (bits[code >>> 5] & (1 << (code & 31))) !== 0;
}

/** The number of code points of `s`: the same as `[...s].length`, without the array. */
export function codePointLength(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { n--; i++; }
    }
  }
  return n;
}

/** The first `count` code points of `s`: the same as `[...s].slice(0, count).join('')`. */
export function firstCodePoints(s: string, count: number): string {
  let i = 0;
  for (let k = 0; k < count && i < s.length; k++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      i += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    } else i++;
  }
  return i >= s.length ? s : s.slice(0, i);
}
