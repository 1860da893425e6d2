import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba } from '@node-rs/jieba';
import { dataFile } from './dataFile.js';

// Word segmentation and part-of-speech tags, through @node-rs/jieba (see docs/extractors.md
// for why not nodejieba). Loading the native module and its 8 MB dictionary costs ~0.1–0.2 s and
// ~100 MB, so nothing is loaded when this module is imported: the first call to segment() or tag()
// loads it, and commands that never look for targets never pay for it.

export interface TaggedWord {
  word: string;
  /** jieba (ICTCLAS-style) tag: n noun, v verb, vn verbal noun, d adverb, m numeral, x other… */
  tag: string;
}

/** The user dictionary shipped in data/: unit names and policy terms jieba would otherwise split. */
export const USER_DICT_FILE = 'jieba-user.dict';

let jieba: Jieba | null = null;

function load(): Jieba {
  if (jieba) return jieba;
  // createRequire keeps the load synchronous (the extractors are synchronous) and out of the
  // module graph evaluated at import time.
  const require = createRequire(import.meta.url);
  const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const instance = JiebaClass.withDict(dict);
  instance.loadDict(readFileSync(dataFile(USER_DICT_FILE)));
  jieba = instance;
  return instance;
}

/** True once the dictionary has been loaded (by a call to segment, tag or loadSegmenter). */
export function isSegmenterLoaded(): boolean {
  return jieba !== null;
}

/** Load the dictionary now (benchmarks, or a command that wants to pay the cost up front). */
export function loadSegmenter(): void {
  load();
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
  return load().cut(text, opts.hmm ?? true);
}

/** The words of a text with their part-of-speech tags. */
export function tag(text: string, opts: SegmentOptions = {}): TaggedWord[] {
  if (!text) return [];
  return load().tag(text, opts.hmm ?? true).map(({ word, tag }) => ({ word, tag }));
}
