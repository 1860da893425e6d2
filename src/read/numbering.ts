// Word automatic numbering (一、 （一） 1. made by a list definition, not typed):
// the counters and number formats shared by the .docx and .doc readers. The list
// definitions come from word/numbering.xml (.docx) or the LST/LFO tables (.doc).

export interface LevelDef {
  /** First value (w:start / iStartAt). */
  start: number;
  /** OOXML numFmt name ("decimal", "chineseCounting", "bullet", …). */
  format: string;
  /** Level text with placeholders %1…%9 (w:lvlText), e.g. "（%1）". */
  text: string;
  /** What follows the number: tab (default), space or nothing. */
  suffix: 'tab' | 'space' | 'nothing';
  /** Legal numbering: every placeholder shown as a decimal. */
  legal?: boolean;
  /**
   * w:lvlRestart: restart this level after a use of level (restart - 1) or higher;
   * 0 = never restart; undefined = restart after any higher level (the default).
   */
  restart?: number;
}

export interface ListRef {
  /** Key of the list whose counters are shared (abstractNum / LST). */
  list: string;
  /** Key of the list instance (num / LFO): start overrides apply on its first use. */
  instance: string;
  levels: (LevelDef | undefined)[];
  /** w:startOverride (or LFOLVL iStartAt) per level. */
  startOverride: (number | undefined)[];
}

/** Counts numbered paragraphs in document order and renders their markers. */
export class NumberingCounter {
  private values = new Map<string, (number | undefined)[]>();
  private usedInstances = new Set<string>();

  /** The marker for the next paragraph of `ref` at level `ilvl` ("一、", "（二）", "3. "), or null. */
  next(ref: ListRef, ilvl: number): string | null {
    const level = ref.levels[ilvl];
    if (!level) return null;
    let values = this.values.get(ref.list);
    if (!values) this.values.set(ref.list, (values = []));
    const firstUse = `${ref.instance}/${ilvl}`;
    if (!this.usedInstances.has(firstUse)) {
      this.usedInstances.add(firstUse);
      const override = ref.startOverride[ilvl];
      if (override !== undefined) values[ilvl] = override - 1;
    }
    values[ilvl] = values[ilvl] === undefined ? level.start : values[ilvl]! + 1;
    for (let j = ilvl + 1; j < 9; j++) {
      const restart = ref.levels[j]?.restart;
      if (restart === 0) continue;
      if (restart === undefined || ilvl <= restart - 1) values[j] = undefined;
    }
    if (level.format === 'bullet') return null;
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const def = ref.levels[i];
      const v = values![i] ?? def?.start ?? 1;
      return formatNumber(v, level.legal && i !== ilvl ? 'decimal' : def?.format ?? 'decimal');
    });
    if (!text.trim()) return null;
    return text + suffixText(text, level.suffix);
  }
}

function suffixText(marker: string, suffix: LevelDef['suffix']): string {
  if (suffix === 'nothing') return '';
  if (suffix === 'space') return ' ';
  // A tab after 一、 or （一） is only spacing; after "1." it separates the number from the text.
  return /[、）)]$/.test(marker) ? '' : ' ';
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_COUNTING = '零一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';
const TIANGAN = '甲乙丙丁戊己庚辛壬癸';
const DIZHI = '子丑寅卯辰巳午未申酉戌亥';

/** A number in Chinese counting style: 十, 十一, 二十, 一百零五. */
export function chineseCounting(n: number, digits = CN_COUNTING, units = ['', '十', '百', '千', '万']): string {
  if (n === 0) return digits[0];
  if (n >= 100000) return String(n);
  const parts: string[] = [];
  const s = String(n);
  let zero = false;
  for (let i = 0; i < s.length; i++) {
    const d = Number(s[i]);
    const unit = units[s.length - 1 - i];
    if (d === 0) { zero = true; continue; }
    if (zero && parts.length) parts.push(digits[0]);
    zero = false;
    // 十 rather than 一十 at the start of a two-digit number.
    if (!(d === 1 && unit === units[1] && i === 0 && units[1] === '十')) parts.push(digits[d]);
    parts.push(unit);
  }
  return parts.join('');
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, r] of table) while (n >= v) { out += r; n -= v; }
  return out;
}

function letters(n: number): string {
  // Word repeats the letter: A…Z, AA…ZZ, AAA…
  const ch = String.fromCharCode(65 + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

const enclosed = (base: number, max: number) => (n: number) => (n >= 1 && n <= max ? String.fromCodePoint(base + n - 1) : String(n));

const FORMATS: Record<string, (n: number) => string> = {
  decimal: (n) => String(n),
  decimalZero: (n) => (n < 10 ? `0${n}` : String(n)),
  decimalFullWidth: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  decimalFullWidth2: (n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  decimalHalfWidth: (n) => String(n),
  decimalEnclosedCircle: enclosed(0x2460, 20),
  decimalEnclosedCircleChinese: enclosed(0x2460, 20),
  decimalEnclosedParen: enclosed(0x2474, 20),
  decimalEnclosedFullstop: enclosed(0x2488, 20),
  ideographEnclosedCircle: (n) => (n >= 1 && n <= 10 ? String.fromCodePoint(0x3280 + n - 1) : chineseCounting(n)),
  chineseCounting: (n) => chineseCounting(n),
  chineseCountingThousand: (n) => chineseCounting(n),
  japaneseCounting: (n) => chineseCounting(n),
  taiwaneseCounting: (n) => chineseCounting(n),
  taiwaneseCountingThousand: (n) => chineseCounting(n),
  koreanCounting: (n) => chineseCounting(n),
  chineseLegalSimplified: (n) => chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟', '万']),
  ideographLegalTraditional: (n) => chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟', '萬']),
  ideographDigital: (n) => String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]),
  taiwaneseDigital: (n) => String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]),
  japaneseDigitalTenThousand: (n) => String(n).replace(/\d/g, (d) => CN_DIGITS[Number(d)]),
  ideographTraditional: (n) => (n >= 1 && n <= 10 ? TIANGAN[n - 1] : String(n)),
  ideographZodiac: (n) => (n >= 1 && n <= 12 ? DIZHI[n - 1] : String(n)),
  upperRoman: roman,
  lowerRoman: (n) => roman(n).toLowerCase(),
  upperLetter: letters,
  lowerLetter: (n) => letters(n).toLowerCase(),
  none: () => '',
};

export function formatNumber(n: number, format: string): string {
  return (FORMATS[format] ?? FORMATS.decimal)(n);
}

/** .doc number formats (LVLF.nfc, MS-DOC 2.9.) → OOXML numFmt names. */
export const NFC_TO_FORMAT: Record<number, string> = {
  0: 'decimal', 1: 'upperRoman', 2: 'lowerRoman', 3: 'upperLetter', 4: 'lowerLetter',
  5: 'decimal', 6: 'decimal', 7: 'decimal', 9: 'chineseCounting', 10: 'ideographDigital',
  11: 'japaneseCounting', 14: 'decimalFullWidth', 15: 'decimalHalfWidth', 16: 'japaneseCounting',
  17: 'japaneseDigitalTenThousand', 18: 'decimalEnclosedCircle', 19: 'decimalFullWidth2',
  22: 'decimalZero', 23: 'bullet', 26: 'decimalEnclosedFullstop', 27: 'decimalEnclosedParen',
  28: 'decimalEnclosedCircleChinese', 29: 'ideographEnclosedCircle', 30: 'ideographTraditional',
  31: 'ideographZodiac', 33: 'taiwaneseCounting', 34: 'ideographLegalTraditional',
  35: 'taiwaneseCountingThousand', 36: 'taiwaneseDigital', 37: 'chineseCounting',
  38: 'chineseLegalSimplified', 39: 'chineseCountingThousand', 40: 'chineseCountingThousand', 255: 'none',
};
