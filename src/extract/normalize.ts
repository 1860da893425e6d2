// Width and bracket normalization shared by the extractors.
//
// Every function here maps one character to one character (or deletes whole characters in
// normalizeWithMap), so a position found in the normalized text can be traced back to the printed
// text: extractors search the normalized text and slice `raw` out of the original.

/** Full-width ASCII (digits, Latin letters, ％ ＋ － ． ／ ～) → half-width; ideographic space → space. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => {
    const ch = String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    // Chinese punctuation that is conventionally full-width (，：（） …) stays as it is.
    return /[0-9A-Za-z%+\-.\/~]/.test(ch) ? ch : c;
  }).replace(/\u3000/g, ' ');
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
