import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  buildDictionaryIndex, deserializeDictionaryIndex, FILLER, indexMatches, LazyDictionary, serializeDictionaryIndex,
} from '../../src/extract/lazyDictionary.js';
import { jiebaDictionaryPath, userDictionaryPath } from '../../src/extract/segment.js';

const require = createRequire(import.meta.url);
const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');

const enc = (s: string) => new TextEncoder().encode(s);
const lines = (b: Uint8Array | null) => (b ? new TextDecoder().decode(b).split('\n').filter(Boolean) : []);

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const texts = ['seeds', 'corpus', 'holdout'].flatMap((set) => readdirSync(join(FIXTURES, set))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: `${set}/${f}`, text: readFileSync(join(FIXTURES, set, f), 'utf8') })));

describe('LazyDictionary', () => {
  const main = enc('市场 100 n\n监管 50 vn\n市场监管局 10 nt\n高质量 20 d\n发展 80 v\n满意度 126 ns\n');
  const user = enc('市场监管局 3000 nt\n满意度 3000 n\n发展改革委 3000 nt\n');
  const index = buildDictionaryIndex(main, user);

  it('hands out the words a text contains, once, with the filler holding the frequency still missing', () => {
    const dict = new LazyDictionary(index);
    // total: 100 + 50 + 3000 + 20 + 80 + 3000 + 3000
    expect(lines(dict.linesFor('推进市场发展'))).toEqual(['市场 100 n', '发展 80 v', `${FILLER} 9070 x`]);
    expect(dict.linesFor('市场发展')).toBeNull();
    expect(lines(dict.linesFor('加强市场监管局建设'))).toEqual(['市场监管局 3000 nt', '监管 50 vn', `${FILLER} 6020 x`]);
    expect(dict.size).toBe(4);
  });

  it('merges the user dictionary as jieba does: new frequency, old tag', () => {
    const dict = new LazyDictionary(index);
    expect(lines(dict.linesFor('满意度'))[0]).toBe('满意度 3000 ns');
    expect(lines(dict.linesFor('县发展改革委'))).toContain('发展改革委 3000 nt');
  });

  it('survives serialisation, and knows which dictionaries it was built from', () => {
    expect(deserializeDictionaryIndex(serializeDictionaryIndex(index))).toEqual(index);
    // An unaligned buffer (a slice of a larger one) reads the same.
    const shifted = Buffer.concat([Buffer.from([0]), serializeDictionaryIndex(index)]).subarray(1);
    expect(deserializeDictionaryIndex(shifted)).toEqual(index);
    expect(indexMatches(index, main.length, user)).toBe(true);
    expect(indexMatches(index, main.length + 1, user)).toBe(false);
    expect(indexMatches(index, main.length, enc('发展改革委 3000 nt\n'))).toBe(false);
    expect(() => deserializeDictionaryIndex(enc('not an index'))).toThrow(/not a dictionary index/);
    expect(() => deserializeDictionaryIndex(serializeDictionaryIndex(index).subarray(0, 200))).toThrow(/truncated/);
  });
});

describe('jieba with a lazily loaded dictionary', () => {
  it('cuts and tags every fixture paragraph, and pieces of them, exactly as with the whole dictionary', () => {
    const main = readFileSync(jiebaDictionaryPath());
    const user = readFileSync(userDictionaryPath());
    const whole = Jieba.withDict(main);
    whole.loadDict(user);
    const dict = new LazyDictionary(buildDictionaryIndex(main, user));
    const lazy = new Jieba();
    let pieces = 0;
    for (const { name, text } of texts) {
      for (const p of text.split('\n')) {
        if (!p.trim()) continue;
        for (const piece of [p, p.slice(3, 20), p.slice(0, 12)]) {
          if (!piece) continue;
          pieces++;
          const add = dict.linesFor(piece);
          if (add) lazy.loadDict(add);
          for (const hmm of [false, true]) expect(lazy.tag(piece, hmm), name).toEqual(whole.tag(piece, hmm));
        }
      }
    }
    expect(pieces).toBeGreaterThan(6000);
    // All of that needed a few percent of the dictionary.
    expect(dict.size).toBeLessThan(20_000);
  }, 120_000);

  it('is how a parse loads it: a plan needs a few thousand words', async () => {
    vi.resetModules();
    const seg = await import('../../src/extract/segment.js');
    const { parse } = await import('../../src/index.js');
    expect(seg.segmenterState().mode).toBe('none');
    const result = await parse(join(FIXTURES, 'seeds/000_3c8f4dc52bde6ae2.txt'));
    expect(result.tasks.some((t) => t.targets.length > 0)).toBe(true);
    const state = seg.segmenterState();
    expect(state.mode).toBe('lazy');
    expect(state.words).toBeGreaterThan(100);
    expect(state.words).toBeLessThan(10_000);
  });

  it('can come from memory another thread read (a batch shares one copy among its workers)', async () => {
    vi.resetModules();
    const first = await import('../../src/extract/segment.js');
    const shared = first.sharedDictionaryIndex()!;
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(Buffer.from(shared).equals(readFileSync(first.dictionaryIndexPath()))).toBe(true);
    const text = '由市发展改革委牵头，推动产业园区数字化转型';
    const fromFile = first.tag(text);

    vi.resetModules();
    const second = await import('../../src/extract/segment.js');
    second.useDictionaryIndex(new Uint8Array(shared.buffer));
    expect(second.tag(text)).toEqual(fromFile);
    expect(second.segmenterState().mode).toBe('lazy');

    // The given bytes are what it reads: broken ones make it fall back to the whole dictionary.
    vi.resetModules();
    const third = await import('../../src/extract/segment.js');
    third.useDictionaryIndex(new Uint8Array(64));
    expect(third.tag(text)).toEqual(fromFile);
    expect(third.segmenterState().mode).toBe('whole');
  });
});
