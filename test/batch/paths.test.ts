import { describe, expect, it } from 'vitest';
import { MAX_NAME_BYTES, OutputNamer, inShard, parseShard } from '../../src/batch/paths.js';
import { globBase, globToRegExp, isGlob } from '../../src/batch/glob.js';
import { commonBase } from '../../src/batch/inputs.js';

describe('OutputNamer', () => {
  it('mirrors the tree and appends the extension', () => {
    const n = new OutputNamer('.json');
    expect(n.name('2022/plan.docx')).toBe('2022/plan.docx.json');
    expect(n.name('2022/plan.pdf')).toBe('2022/plan.pdf.json');
    expect(n.name('a/b/c.txt')).toBe('a/b/c.txt.json');
  });

  it('gives names that differ only by case or Unicode normalisation their own output', () => {
    const n = new OutputNamer('.json');
    expect(n.name('A.txt')).toBe('A.txt.json');
    expect(n.name('a.txt')).toBe('a.txt~2.json');
    const nfc = '方案\u00e9.txt';
    const nfd = '方案e\u0301.txt';
    expect(n.name(nfc)).toBe(`${nfc}.json`);
    expect(n.name(nfd)).toBe(`方案e\u0301.txt~2.json`);
    expect(n.name('a.txt~2')).toBe('a.txt~2~2.json');
  });

  it('keeps reserved names (the manifest, the database) free', () => {
    const n = new OutputNamer('.ndjson', ['manifest.ndjson']);
    expect(n.name('manifest')).toBe('manifest~2.ndjson');
    expect(n.name('sub/manifest')).toBe('sub/manifest.ndjson');
  });

  it('never lets a file and a directory share a name', () => {
    const n = new OutputNamer('.json');
    expect(n.name('x')).toBe('x.json');
    // the directory "x.json" would collide with the file above: it is moved aside, consistently
    expect(n.name('x.json/a.txt')).toBe('x.json~2/a.txt.json');
    expect(n.name('x.json/b.txt')).toBe('x.json~2/b.txt.json');
    // and a file cannot take the name of a directory already used
    const m = new OutputNamer('.json');
    expect(m.name('d.json/a.txt')).toBe('d.json/a.txt.json');
    expect(m.name('d')).toBe('d~2.json');
  });

  it('shortens names that would pass the file-name limit, keeping them distinct', () => {
    const n = new OutputNamer('.json');
    const long1 = `${'关于进一步加强'.repeat(20)}一.docx`;
    const long2 = `${'关于进一步加强'.repeat(20)}二.docx`;
    const a = n.name(`d/${long1}`);
    const b = n.name(`d/${long2}`);
    expect(a).not.toBe(b);
    for (const x of [a, b]) {
      expect(Buffer.byteLength(x.split('/').pop()!)).toBeLessThanOrEqual(MAX_NAME_BYTES);
      expect(x.endsWith('.json')).toBe(true);
    }
  });

  it('refuses components that could climb out of the output directory', () => {
    const n = new OutputNamer('.json');
    for (const bad of ['../x.txt', 'a/../../x.txt', './x', 'a//b', '']) expect(() => n.name(bad)).toThrow(/unsafe/);
  });

  it('is deterministic: the same sorted list gives the same names', () => {
    const list = ['A/x.txt', 'B.txt', 'a/X.txt', 'b.txt', 'c/d/e.doc'];
    const run = () => { const n = new OutputNamer('.json'); return list.map((r) => n.name(r)); };
    expect(run()).toEqual(run());
  });
});

describe('shards', () => {
  it('parses I/N (1-based) and rejects the rest', () => {
    expect(parseShard('1/4')).toEqual({ index: 1, count: 4 });
    expect(parseShard(' 4 / 4 ')).toEqual({ index: 4, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1', '1/2/3', '-1/2']) expect(() => parseShard(bad)).toThrow();
  });

  it('splits positions round-robin: disjoint, complete, balanced', () => {
    const n = 103;
    const shards = [1, 2, 3, 4].map((index) => Array.from({ length: n }, (_, k) => k).filter((k) => inShard(k, { index, count: 4 })));
    expect(shards.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, k) => k));
    const sizes = shards.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(inShard(5, null)).toBe(true);
  });
});

describe('globs', () => {
  it('finds the static base', () => {
    expect(globBase('archive/**/*.pdf')).toEqual({ base: 'archive', rest: '**/*.pdf' });
    expect(globBase('*.txt')).toEqual({ base: '.', rest: '*.txt' });
    expect(globBase('/data/a/*/b.doc')).toEqual({ base: '/data/a', rest: '*/b.doc' });
    expect(isGlob('a/b.txt')).toBe(false);
    expect(isGlob('a/{b,c}.txt')).toBe(true);
  });

  it('matches like a shell', () => {
    const re = (p: string) => globToRegExp(p);
    expect(re('**/*.pdf').test('x.pdf')).toBe(true);
    expect(re('**/*.pdf').test('a/b/x.pdf')).toBe(true);
    expect(re('**/*.pdf').test('a/b/x.pdfx')).toBe(false);
    expect(re('*.pdf').test('a/x.pdf')).toBe(false);
    expect(re('*.pdf').test('.hidden.pdf')).toBe(false);
    expect(re('20[12]?/*.{doc,docx}').test('2019/a.docx')).toBe(true);
    expect(re('20[12]?/*.{doc,docx}').test('2031/a.doc')).toBe(false);
    expect(re('20[!1]?/*').test('2022/a')).toBe(true);
    expect(re('**').test('a/b/c')).toBe(true);
    expect(re('a/**/b.txt').test('a/b.txt')).toBe(true);
    expect(re('通知*.txt').test('通知（2022）.txt')).toBe(true);
  });
});

describe('commonBase', () => {
  it('is the deepest shared directory', () => {
    expect(commonBase(['/a/b/c', '/a/b/d/e'])).toBe('/a/b');
    expect(commonBase(['/a/b', '/a/bc'])).toBe('/a');
    expect(commonBase(['/x', '/y'])).toBe('/');
    expect(commonBase(['/a/b'])).toBe('/a/b');
  });
});
