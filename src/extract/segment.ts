import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Jieba } from '@node-rs/jieba';
import { dataFile } from './dataFile.js';
import { deserializeScopeIndex, indexMatches, selectDictionary } from './dictionaryScope.js';

// Word segmentation and part-of-speech tags, through @node-rs/jieba (see docs/extractors.md
// for why not nodejieba). Loading the native module and its 5 MB dictionary costs ~0.1–0.25 s and
// ~50 MB, so nothing is loaded when this module is imported: the first call to segment() or tag()
// loads it, and commands that never look for targets never pay for it.
//
// A process that handles one document can ask for a dictionary cut down to that document's
// characters (scopeSegmenterTo), which loads 3–5× faster and cuts its text exactly as the full
// one does (see dictionaryScope.ts). Text with other characters switches to the full dictionary.

export interface TaggedWord {
  word: string;
  /** jieba (ICTCLAS-style) tag: n noun, v verb, vn verbal noun, d adverb, m numeral, x other… */
  tag: string;
}

/** The user dictionary shipped in data/: unit names and policy terms jieba would otherwise split. */
export const USER_DICT_FILE = 'jieba-user.dict';
/** The index `npm run build` writes for document-scoped dictionaries, under dist/generated/. */
export const SCOPE_INDEX_FILE = 'jieba-scope.bin';

const require = createRequire(import.meta.url);

export function jiebaDictionaryPath(): string {
  return require.resolve('@node-rs/jieba/dict.txt');
}

export function userDictionaryPath(): string {
  return dataFile(USER_DICT_FILE);
}

export function scopeIndexPath(): string {
  const packageRoot = dirname(dirname(userDictionaryPath()));
  return join(packageRoot, 'dist', 'generated', SCOPE_INDEX_FILE);
}

let jieba: Jieba | null = null;
/** The characters the loaded dictionary was cut for; null when it is the full dictionary. */
let scope: Set<string> | null = null;

function create(dict: Uint8Array, user: Uint8Array): Jieba {
  const { Jieba: JiebaClass } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const instance = JiebaClass.withDict(dict);
  instance.loadDict(user);
  return instance;
}

function loadFull(): Jieba {
  jieba = create(readFileSync(jiebaDictionaryPath()), readFileSync(userDictionaryPath()));
  scope = null;
  return jieba;
}

/** The segmenter, able to cut `text` exactly as the full dictionary does. */
function segmenterFor(text: string): Jieba {
  if (!jieba) return loadFull();
  if (scope) {
    for (const c of text) if (!scope.has(c)) return loadFull();
  }
  return jieba;
}

/** True once a dictionary has been loaded (by a call to segment, tag, loadSegmenter or scopeSegmenterTo). */
export function isSegmenterLoaded(): boolean {
  return jieba !== null;
}

/** 'full', 'document' (cut down to one text's characters) or 'none' (nothing loaded yet). */
export function segmenterState(): 'none' | 'document' | 'full' {
  return jieba === null ? 'none' : scope === null ? 'full' : 'document';
}

/** Load the full dictionary now (benchmarks, or a command that wants to pay the cost up front). */
export function loadSegmenter(): void {
  if (!jieba || scope) loadFull();
}

/**
 * Load a dictionary cut down to the characters of `texts`, for a process that will only cut text
 * made of them (a one-file parse). Does nothing when a dictionary is already loaded, or when the
 * build's scope index is missing or stale (the full dictionary then loads on first use).
 * Returns whether a scoped dictionary was loaded.
 */
export function scopeSegmenterTo(texts: Iterable<string>): boolean {
  if (jieba) return false;
  const indexPath = scopeIndexPath();
  if (!existsSync(indexPath)) return false;
  const dict = readFileSync(jiebaDictionaryPath());
  const user = readFileSync(userDictionaryPath());
  let index;
  try {
    index = deserializeScopeIndex(readFileSync(indexPath));
  } catch {
    return false;
  }
  if (!indexMatches(index, dict, user)) return false;
  const chars = new Set<string>();
  for (const t of texts) for (const c of t) chars.add(c);
  const selected = selectDictionary(dict, index, chars);
  jieba = create(selected.bytes, user);
  scope = chars;
  return true;
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
