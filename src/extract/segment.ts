import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Jieba } from '@node-rs/jieba';
import { dataFile } from './dataFile.js';
import { deserializeDictionaryIndex, indexMatches, LazyDictionary } from './lazyDictionary.js';

// Word segmentation and part-of-speech tags, through @node-rs/jieba (see docs/extractors.md
// for why not nodejieba). Loading jieba's whole 350,000-word dictionary costs ~0.15–0.25 s and
// ~50 MB, so it is loaded lazily, word by word: before each cut, the dictionary words the text
// contains are added (lazyDictionary.ts; identical cuts and tags). A parse of one plan loads ~2,000
// words. Without the build's dictionary index (dist/generated/), the whole dictionary is loaded on
// first use instead.

export interface TaggedWord {
  word: string;
  /** jieba (ICTCLAS-style) tag: n noun, v verb, vn verbal noun, d adverb, m numeral, x other… */
  tag: string;
}

/** The user dictionary shipped in data/: unit names and policy terms jieba would otherwise split. */
export const USER_DICT_FILE = 'jieba-user.dict';
/** The index `npm run build` writes under dist/generated/. */
export const DICTIONARY_INDEX_FILE = 'jieba-index.bin';

const require = createRequire(import.meta.url);

export function jiebaDictionaryPath(): string {
  return require.resolve('@node-rs/jieba/dict.txt');
}

export function userDictionaryPath(): string {
  return dataFile(USER_DICT_FILE);
}

export function dictionaryIndexPath(): string {
  const packageRoot = dirname(dirname(userDictionaryPath()));
  return join(packageRoot, 'dist', 'generated', DICTIONARY_INDEX_FILE);
}

let jieba: Jieba | null = null;
/** Null once it is known there is no usable index (the whole dictionary is then loaded). */
let lazy: LazyDictionary | null | undefined;
/** The index's bytes when another thread read them (useDictionaryIndex). */
let givenIndex: Uint8Array | null = null;

/**
 * The dictionary index (10 MB) read into memory that threads can share: a batch reads it once and
 * hands it to its workers (useDictionaryIndex), instead of each worker holding a copy. Null when
 * the build has no index.
 */
export function sharedDictionaryIndex(): Uint8Array | null {
  let fd: number;
  try {
    fd = openSync(dictionaryIndexPath(), 'r');
  } catch {
    return null;
  }
  try {
    const bytes = new Uint8Array(new SharedArrayBuffer(fstatSync(fd).size));
    for (let at = 0; at < bytes.length;) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) return null; // shrank while read: let each thread read its own
      at += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/** Use these index bytes (from sharedDictionaryIndex) instead of reading the file; before the first cut. */
export function useDictionaryIndex(bytes: Uint8Array): void {
  givenIndex = bytes;
}

function loadIndex(): LazyDictionary | null {
  const path = dictionaryIndexPath();
  if (!givenIndex && !existsSync(path)) return null;
  try {
    const index = deserializeDictionaryIndex(givenIndex ?? readFileSync(path));
    if (!indexMatches(index, statSync(jiebaDictionaryPath()).size, readFileSync(userDictionaryPath()))) return null;
    return new LazyDictionary(index);
  } catch {
    return null;
  }
}

function jiebaModule(): typeof import('@node-rs/jieba') {
  return require('@node-rs/jieba') as typeof import('@node-rs/jieba');
}

/** The segmenter, with every dictionary word of `text` loaded. */
function segmenterFor(text: string): Jieba {
  if (lazy === undefined) lazy = loadIndex();
  if (lazy === null) {
    if (!jieba) {
      jieba = jiebaModule().Jieba.withDict(readFileSync(jiebaDictionaryPath()));
      jieba.loadDict(readFileSync(userDictionaryPath()));
    }
    return jieba;
  }
  jieba ??= new (jiebaModule().Jieba)();
  const lines = lazy.linesFor(text);
  if (lines) jieba.loadDict(lines);
  return jieba;
}

/** True once jieba has been loaded (by a call to segment, tag or loadSegmenter). */
export function isSegmenterLoaded(): boolean {
  return jieba !== null;
}

/** How the dictionary is loaded: 'lazy' (word by word, with the count so far) or 'whole'. */
export function segmenterState(): { mode: 'none' | 'lazy' | 'whole'; words: number } {
  if (!jieba) return { mode: 'none', words: 0 };
  return lazy ? { mode: 'lazy', words: lazy.size } : { mode: 'whole', words: Number.NaN };
}

/** Load jieba and the dictionary index now (benchmarks, or a command that wants to pay the cost up front). */
export function loadSegmenter(): void {
  segmenterFor('');
}

export interface SegmentOptions {
  /**
   * Guess words missing from the dictionary with jieba's HMM (default true). Off, an unknown
   * stretch falls apart into dictionary words and single characters — which carry real tags,
   * where the HMM's guesses ("需在", "由县") are all tagged x.
   */
  hmm?: boolean;
}

/** The words of a text, in order (jieba precise mode). */
export function segment(text: string, opts: SegmentOptions = {}): string[] {
  if (!text) return [];
  return segmenterFor(text).cut(text, opts.hmm ?? true);
}

/** The words of a text with their part-of-speech tags. */
export function tag(text: string, opts: SegmentOptions = {}): TaggedWord[] {
  if (!text) return [];
  return segmenterFor(text).tag(text, opts.hmm ?? true).map(({ word, tag }) => ({ word, tag }));
}
