import { describe, expect, it } from 'vitest';
import { assemble, expandSpans } from '../../src/read/assemble.js';
import { readTxt } from '../../src/read/txt.js';
import { chineseCounting, formatNumber, NumberingCounter } from '../../src/read/numbering.js';
import { listZip, readEntry, ZipError } from '../../src/read/zip.js';
import { makeZip } from '../../scripts/make-fixtures/zipWriter.js';
import { readFixture } from './helpers.js';

describe('number formats', () => {
  it('Chinese counting as Word shows it', () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110].map((n) => chineseCounting(n))).toEqual(['一', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十']);
  });
  it('other formats', () => {
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(12, 'chineseLegalSimplified')).toBe('壹拾贰');
    expect(formatNumber(4, 'upperRoman')).toBe('IV');
    expect(formatNumber(28, 'lowerLetter')).toBe('bb');
    expect(formatNumber(7, 'decimalFullWidth')).toBe('７');
    expect(formatNumber(5, 'somethingNew')).toBe('5');
  });
  it('bullets give no marker; counters are per list, shared by its instances', () => {
    const c = new NumberingCounter();
    const lvl = { start: 1, format: 'decimal', text: '%1.', suffix: 'nothing' as const };
    const a = { list: 'L', instance: 'a', levels: [lvl], startOverride: [] };
    const b = { list: 'L', instance: 'b', levels: [lvl], startOverride: [] };
    expect([c.next(a, 0), c.next(b, 0), c.next(a, 0)]).toEqual(['1.', '2.', '3.']);
    expect(c.next({ list: 'B', instance: 'x', levels: [{ ...lvl, format: 'bullet', text: '•' }], startOverride: [] }, 0)).toBeNull();
  });
});

describe('zip reader', () => {
  const zip = makeZip([{ name: 'a.xml', data: Buffer.from('<a>'.repeat(1000)) }, { name: '中文.xml', data: Buffer.from('x') }]);
  it('lists and inflates entries (UTF-8 names)', () => {
    const entries = listZip(zip);
    expect(entries.map((e) => e.name)).toEqual(['a.xml', '中文.xml']);
    expect(readEntry(zip, entries[0], 10_000).toString()).toBe('<a>'.repeat(1000));
  });
  it('stops inflating at the limit', () => {
    expect(() => readEntry(zip, listZip(zip)[0], 100)).toThrow(ZipError);
    const lying = makeZip([{ name: 'a.xml', data: Buffer.alloc(100_000, 32), declaredSize: 10 }]);
    try {
      readEntry(lying, listZip(lying)[0], 50_000);
      expect.unreachable();
    } catch (e) {
      expect((e as ZipError).kind).toBe('limit');
    }
  });
  it('refuses what is not a ZIP', () => {
    expect(() => listZip(Buffer.from('PK\x03\x04 and then nothing'))).toThrow(/no ZIP end record/);
  });
});

describe('assembled blocks and their plain-text rendering', () => {
  it('expands spans into a full grid', () => {
    const g = expandSpans([[{ text: 'A', rowSpan: 2, colSpan: 1 }, { text: 'B', rowSpan: 1, colSpan: 2 }], [{ text: 'C', rowSpan: 1, colSpan: 1 }]]);
    expect(g).toEqual([[{ text: 'A' }, { text: 'B' }, { text: 'B', merged: true }], [{ text: 'A', merged: true }, { text: 'C' }, { text: '' }]]);
  });
  it('the rendering read back as text gives the same paragraphs and cells (spans become empty cells)', async () => {
    for (const f of ['seed000.docx', 'seed001.html', 'seed000.pdf', 'seed001.doc']) {
      const d = await readFixture(f);
      const back = readTxt(Buffer.from(d.text!));
      expect(back.blocks.map((b) => b.kind), f).toEqual(d.blocks.map((b) => b.kind));
      back.blocks.forEach((b, i) => {
        const o = d.blocks[i];
        if (b.kind === 'para' && o.kind === 'para') expect(b).toEqual({ kind: 'para', text: o.text, line: o.line });
        if (b.kind === 'table' && o.kind === 'table') {
          expect(b.line).toBe(o.line);
          expect(b.rows.map((r) => r.map((c) => c.text))).toEqual(o.rows.map((r) => r.map((c) => (c.merged ? '' : c.text))));
        }
      });
    }
  });
  it('a paragraph after a table is separated from it', () => {
    const { text } = assemble([{ kind: 'table', rows: [[{ text: 'a' }, { text: 'b' }], [{ text: 'c' }, { text: 'd' }]] }, { kind: 'para', text: '正文' }]);
    expect(text).toBe('\ta\n\tb\n\n\tc\n\td\n\n正文\n');
  });
});
