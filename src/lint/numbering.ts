// Task numbers as printed ("5", "5.", "（三）", "(3)", "三、", "第二条", "一是", "③") → a style and a value,
// so sequences of one style can be checked for gaps and repeats.

export type NumberStyle = 'arabic' | 'paren-arabic' | 'chinese' | 'paren-chinese' | 'article' | 'enumeration' | 'circled';

export interface ParsedNumber {
  style: NumberStyle;
  value: number;
}

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN = '[〇零一二两三四五六七八九十百]+';

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零三 → 103; null when not a Chinese numeral. */
export function chineseNumeral(s: string): number | null {
  if (!s || !new RegExp(`^${CN}$`).test(s)) return null;
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch === '百') { total += (digit || 1) * 100; digit = 0; }
    else if (ch === '十') { total += (digit || 1) * 10; digit = 0; }
    else digit = CN_DIGIT[ch];
  }
  return total + digit;
}

const toHalf = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/** The style and value of a printed number, or null for numbers this module does not read. */
export function parseNumber(printed: string | null | undefined): ParsedNumber | null {
  if (!printed) return null;
  const s = toHalf(printed.trim()).replace(/\s+/g, '');
  let m: RegExpExecArray | null;
  if ((m = /^(\d+)[.．、]?$/.exec(s))) return { style: 'arabic', value: Number(m[1]) };
  if ((m = /^[（(](\d+)[）)]$/.exec(s)) || (m = /^(\d+)[）)]$/.exec(s))) return { style: 'paren-arabic', value: Number(m[1]) };
  if ((m = new RegExp(`^[（(](${CN})[）)]$`).exec(s))) return num('paren-chinese', m[1]);
  if ((m = new RegExp(`^(${CN})[、.．]?$`).exec(s))) return num('chinese', m[1]);
  if ((m = new RegExp(`^第(${CN}|\\d+)条$`).exec(s))) return /\d/.test(m[1]) ? { style: 'article', value: Number(m[1]) } : num('article', m[1]);
  if ((m = new RegExp(`^(${CN})是$`).exec(s))) return num('enumeration', m[1]);
  const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'.indexOf(s);
  if (s.length === 1 && circled >= 0) return { style: 'circled', value: circled + 1 };
  return null;
}

function num(style: NumberStyle, cn: string): ParsedNumber | null {
  const value = chineseNumeral(cn);
  return value === null ? null : { style, value };
}

/** How a number of this style and value is printed, for messages: 3 → "3", （三）, 第三条, 三是. */
export function printNumber(style: NumberStyle, value: number): string {
  const cn = toChinese(value);
  switch (style) {
    case 'arabic': return String(value);
    case 'paren-arabic': return `(${value})`;
    case 'chinese': return `${cn}、`;
    case 'paren-chinese': return `（${cn}）`;
    case 'article': return `第${cn}条`;
    case 'enumeration': return `${cn}是`;
    case 'circled': return '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'[value - 1] ?? String(value);
  }
}

function toChinese(n: number): string {
  const d = '零一二三四五六七八九';
  if (n < 10) return d[n];
  if (n < 20) return `十${n % 10 ? d[n % 10] : ''}`;
  if (n < 100) return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
  return String(n);
}

/**
 * Does a printed line start with this number? "10", "10.", "6．提升…", "（三）加强…", "第二条 …", "一是…".
 * Used to tell a number printed again from a row or part that only inherits it.
 */
export function startsWithNumber(text: string, printed: string): boolean {
  const want = parseNumber(printed);
  if (!want) return false;
  const t = toHalf(text.trim());
  const m = /^(?:\d+[.．、]?|[（(]\d+[）)]|\d+[）)]|[（(][〇零一二两三四五六七八九十百]+[）)]|[〇零一二两三四五六七八九十百]+[、.．]|第(?:[〇零一二两三四五六七八九十百]+|\d+)条|[〇零一二两三四五六七八九十百]+是|[①-⑳])/.exec(t);
  if (!m) return false;
  // "10" followed directly by a digit is another number; "10.5%" is not a marker.
  if (/^\d+$/.test(m[0]) && /^[\d.%]/.test(t.slice(m[0].length))) return false;
  const got = parseNumber(m[0]);
  return !!got && got.style === want.style && got.value === want.value;
}
