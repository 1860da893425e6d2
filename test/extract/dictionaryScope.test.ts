import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  buildScopeIndex, deserializeScopeIndex, indexMatches, selectDictionary, serializeScopeIndex,
} from '../../src/extract/dictionaryScope.js';
import { jiebaDictionaryPath, userDictionaryPath } from '../../src/extract/segment.js';

const require = createRequire(import.meta.url);
const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const texts = ['seeds', 'corpus', 'holdout'].flatMap((set) => readdirSync(join(FIXTURES, set))
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: `${set}/${f}`, text: readFileSync(join(FIXTURES, set, f), 'utf8') })));

describe('selectDictionary', () => {
  const dict = enc('市场 100 n\n监管 50 vn\n市场监管局 10 nt\n高质量 20 d\n发展 80 v\n');
  const user = enc('市场监管局 3000 nt\n');
  const index = buildScopeIndex(dict, user);

  it('keeps the words made of the text\'s characters, and the user dictionary\'s words', () => {
    const picked = dec(selectDictionary(dict, index, new Set('推进市场发展')).bytes).split('\n').filter(Boolean);
    expect(picked.slice(0, 3)).toEqual(['市场 100 n', '市场监管局 10 nt', '发展 80 v']);
  });

  it('adds one entry, a character absent from the text, that restores the total frequency', () => {
    const picked = dec(selectDictionary(dict, index, new Set('推进市场发展')).bytes).split('\n').filter(Boolean);
    expect(picked).toHaveLength(4);
    const [word, freq, tag] = picked[3].split(' ');
    expect([...word]).toHaveLength(1);
    expect(word.codePointAt(0)).toBeGreaterThanOrEqual(0xe000);
    expect(Number(freq)).toBe(50 + 20);
    expect(tag).toBe('x');
    // Every line kept: nothing to restore.
    expect(dec(selectDictionary(dict, index, new Set('市场监管高质量发展')).bytes)).toBe(dec(dict));
  });

  it('survives serialisation, and knows which dictionaries it was built from', () => {
    const copy = deserializeScopeIndex(serializeScopeIndex(index));
    expect(copy).toEqual(index);
    // An unaligned buffer (a slice of a larger one) reads the same.
    const shifted = Buffer.concat([Buffer.from([0]), serializeScopeIndex(index)]).subarray(1);
    expect(deserializeScopeIndex(shifted)).toEqual(index);
    expect(indexMatches(index, dict, user)).toBe(true);
    expect(indexMatches(index, enc('市场 100 n\n'), user)).toBe(false);
    expect(indexMatches(index, dict, enc('发展改革委 3000 nt\n'))).toBe(false);
    expect(() => deserializeScopeIndex(enc('not an index'))).toThrow(/not a dictionary scope index/);
  });
});

describe('a dictionary cut down to a document', () => {
  it('cuts and tags every paragraph of every fixture exactly as the full dictionary does', () => {
    const dict = readFileSync(jiebaDictionaryPath());
    const user = readFileSync(userDictionaryPath());
    const index = buildScopeIndex(dict, user);
    const full = Jieba.withDict(dict);
    full.loadDict(user);
    let paragraphs = 0;
    for (const { name, text } of texts) {
      const scoped = selectDictionary(dict, index, new Set(text));
      expect(scoped.kept, name).toBeLessThan(scoped.lines / 2);
      const jieba = Jieba.withDict(scoped.bytes);
      jieba.loadDict(user);
      for (const p of text.split('\n')) {
        if (!p.trim()) continue;
        paragraphs++;
        for (const hmm of [false, true]) expect(jieba.tag(p, hmm), name).toEqual(full.tag(p, hmm));
      }
    }
    expect(paragraphs).toBeGreaterThan(2000);
  }, 120_000);

  it('is what a one-document parse loads, and it never needs the full dictionary on the fixtures', async () => {
    for (const { name, text } of texts) {
      vi.resetModules();
      const seg = await import('../../src/extract/segment.js');
      const { parse } = await import('../../src/index.js');
      const scoped = await parse(Buffer.from(text), { path: name, dictionary: 'document' });
      expect(seg.segmenterState(), name).toBe('document');
      const shared = await parse(Buffer.from(text), { path: name });
      expect(scoped, name).toEqual(shared);
    }
  }, 120_000);

  it('switches to the full dictionary for text with characters outside the document', async () => {
    vi.resetModules();
    const seg = await import('../../src/extract/segment.js');
    expect(seg.scopeSegmenterTo(['推进市场监管高质量发展'])).toBe(true);
    expect(seg.segmenterState()).toBe('document');
    expect(seg.segment('市场监管').join('')).toBe('市场监管');
    expect(seg.segmenterState()).toBe('document');
    expect(seg.segment('优化营商环境').join('')).toBe('优化营商环境');
    expect(seg.segmenterState()).toBe('full');
    // Once a dictionary is loaded, scoping does nothing.
    expect(seg.scopeSegmenterTo(['市场'])).toBe(false);
    expect(seg.segmenterState()).toBe('full');
  });
});
