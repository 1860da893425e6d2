import { describe, expect, it } from 'vitest';
import { charClass, codePointLength, firstCodePoints } from '../../src/extract/chars.js';

// The allocation-free helpers must answer exactly as the spread-and-slice code they replace.

const samples = [
  '', 'a', '中', '中文，标点。', 'abc def', '\uD83D\uDE00', 'a\uD83D\uDE00b', '\uD800', 'x\uDC00y', '\uD800\uD800\uDC00',
  '县住建局（县人防办、县地震局）、县水利局', '𠀀𠀁𠀂一二三', 'a'.repeat(45), '中'.repeat(31),
];

describe('chars', () => {
  it('codePointLength is [...s].length', () => {
    for (const s of samples) expect(codePointLength(s)).toBe([...s].length);
  });

  it('firstCodePoints is [...s].slice(0, n).join("")', () => {
    for (const s of samples) for (const n of [0, 1, 2, 3, 30, 60]) expect(firstCodePoints(s, n)).toBe([...s].slice(0, n).join(''));
  });

  it('charClass tests char codes like String#includes tests characters', () => {
    const chars = '（([【，、\n';
    const is = charClass(chars);
    for (let c = 0; c < 0x10000; c++) expect(is(c), `U+${c.toString(16)}`).toBe(chars.includes(String.fromCharCode(c)));
    expect(is('x'.charCodeAt(5))).toBe(false); // NaN: past the end
  });
});
