// Chinese numerals → numbers: 十二 → 12, 二〇二五 → 2025, 两 → 2, 一百 → 100.

const DIGIT: Record<string, number> = {
  '〇': 0, '○': 0, 'O': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};
const UNIT: Record<string, number> = { '十': 10, '百': 100, '千': 1000, '万': 10000 };

export const CN_NUMERAL = '[〇○零一二两三四五六七八九十百千万]';
const CN_NUMERAL_ONLY = new RegExp(`^${CN_NUMERAL}+$`);

/** Value of a Chinese numeral string, or null when it is not one. */
export function chineseToNumber(s: string): number | null {
  if (!s || !CN_NUMERAL_ONLY.test(s)) return null;
  // Digit-by-digit form (二〇二五) when there is no unit character.
  if (!/[十百千万]/.test(s)) {
    let v = 0;
    for (const c of s) v = v * 10 + DIGIT[c];
    return v;
  }
  let total = 0, section = 0, digit = 0;
  for (const c of s) {
    if (c in DIGIT) { digit = DIGIT[c]; continue; }
    const u = UNIT[c];
    if (u === 10000) { total += (section + digit) * u; section = 0; digit = 0; continue; }
    section += (digit || 1) * u;
    digit = 0;
  }
  return total + section + digit;
}

/** A number written with Arabic (half- or full-width) or Chinese digits. */
export function toNumber(s: string): number | null {
  const t = FULL_WIDTH_DIGIT.test(s) ? s.replace(FULL_WIDTH_DIGITS, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : s;
  if (DECIMAL.test(t)) return Number(t);
  return chineseToNumber(t);
}

const FULL_WIDTH_DIGIT = /[０-９．]/;
const FULL_WIDTH_DIGITS = /[０-９．]/g;
const DECIMAL = /^\d+(?:\.\d+)?$/;
