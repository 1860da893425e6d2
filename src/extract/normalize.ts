// Width and bracket normalization shared by the extractors.
//
// Every function here maps one character to one character (or deletes whole characters in
// normalizeWithMap), so a position found in the normalized text can be traced back to the printed
// text: extractors search the normalized text and slice `raw` out of the original.

/** Full-width ASCII (digits, Latin letters, ％ ＋ － ． ／ ～) → half-width; ideographic space → space. */
export function toHalfWidth(s: string): string {
  // Most text has nothing to convert: return it as it is, without building a copy.
  let i = 0;
  while (i < s.length && halfWidthCode(s.charCodeAt(i)) < 0) i++;
  if (i === s.length) return s;
  let out = '';
  let from = 0;
  for (; i < s.length; i++) {
    const h = halfWidthCode(s.charCodeAt(i));
    if (h < 0) continue;
    out += s.slice(from, i) + String.fromCharCode(h);
    from = i + 1;
  }
  return out + s.slice(from);
}

/** The half-width code of a character toHalfWidth converts, else -1. */
function halfWidthCode(c: number): number {
  if (c === 0x3000) return 0x20; // ideographic space
  if (c < 0xff01 || c > 0xff5e) return -1;
  const h = c - 0xfee0;
  // Digits, Latin letters and % + - . / ~; Chinese punctuation that is conventionally
  // full-width (，：（） …) stays as it is.
  return (h >= 0x30 && h <= 0x39) || (h >= 0x41 && h <= 0x5a) || (h >= 0x61 && h <= 0x7a)
    || h === 0x25 || h === 0x2b || h === 0x2d || h === 0x2e || h === 0x2f || h === 0x7e ? h : -1;
}

/** Brackets to the full-width form used in Chinese names: (区) → （区）, 〔街道〕 → （街道）. */
export function fullWidthBrackets(s: string): string {
  return s.replace(/[(〔［]/g, '（').replace(/[)〕］]/g, '）');
}

/** One printed character → its normalized form ('' to drop it). */
export type CharMap = (ch: string) => string;

/**
 * Normalize `text` character by character and keep, for every normalized character, the index of
 * the printed character it came from — so a match in the normalized text maps back to the print.
 */
export function normalizeWithMap(text: string, map: CharMap): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const n = map(text[i]);
    for (let k = 0; k < n.length; k++) origin.push(i);
    out += n;
  }
  return { text: out, origin };
}
