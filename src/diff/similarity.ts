import { segment } from '../extract/segment.js';

// Words and similarities for the diff: jieba tokens (src/extract/segment.ts), TF-IDF vectors
// over them and their cosine, and a character-bigram Dice coefficient for short strings.

const NOISE = /^[\s\p{P}\p{S}]*$/u;

/** All tokens of a text, punctuation and spaces included (what word-level diffs are made of). */
export function words(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  // jieba keeps runs of spaces as tokens; keep them too so the diff reconstructs the text.
  for (const w of segment(text)) if (w.length > 0) out.push(w);
  return out;
}

/** The tokens that carry content: no punctuation, symbols or whitespace; Latin lower-cased. */
export function terms(text: string): string[] {
  return words(text).filter((w) => !NOISE.test(w)).map((w) => w.toLowerCase());
}

/** A sparse L2-normalised vector. */
export type SparseVector = Map<string, number>;

/**
 * TF-IDF over a corpus of token lists (both documents of a diff together, so the weights are
 * the same whichever side is "old"). tf is 1 + ln(count); idf is the smoothed ln((1+N)/(1+df)) + 1.
 */
export function tfidfVectors(docs: readonly (readonly string[])[]): SparseVector[] {
  const df = new Map<string, number>();
  for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = docs.length;
  return docs.map((doc) => {
    const tf = new Map<string, number>();
    for (const t of doc) tf.set(t, (tf.get(t) ?? 0) + 1);
    const vec: SparseVector = new Map();
    let norm = 0;
    for (const [t, c] of tf) {
      const w = (1 + Math.log(c)) * (Math.log((1 + n) / (1 + (df.get(t) ?? 0))) + 1);
      vec.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (const [t, w] of vec) vec.set(t, w / norm);
    return vec;
  });
}

/** Cosine of two normalised sparse vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  if (a.size > b.size) [a, b] = [b, a];
  let dot = 0;
  for (const [t, w] of a) {
    const v = b.get(t);
    if (v !== undefined) dot += w * v;
  }
  return Math.min(1, dot);
}

/**
 * All cosines between two lists of normalised vectors, through an inverted index on the
 * second list (pairs sharing no term cost nothing). Result is rows = left, columns = right.
 */
export function cosineMatrix(left: readonly SparseVector[], right: readonly SparseVector[]): Float64Array[] {
  const index = new Map<string, [number, number][]>();
  right.forEach((vec, j) => {
    for (const [t, w] of vec) {
      let postings = index.get(t);
      if (!postings) index.set(t, (postings = []));
      postings.push([j, w]);
    }
  });
  return left.map((vec) => {
    const row = new Float64Array(right.length);
    for (const [t, w] of vec) {
      const postings = index.get(t);
      if (postings) for (const [j, v] of postings) row[j] += w * v;
    }
    for (let j = 0; j < row.length; j++) if (row[j] > 1) row[j] = 1;
    return row;
  });
}

/** Characters that do not count when comparing short strings (headings, metric names). */
export function squash(s: string): string {
  return s.replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Dice coefficient of the character bigrams of two strings (punctuation and spaces ignored). */
export function bigramDice(a: string, b: string): number {
  const x = squash(a), y = squash(b);
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < x.length; i++) {
    const g = x.slice(i, i + 2);
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i + 1 < y.length; i++) {
    const g = y.slice(i, i + 2);
    const c = grams.get(g) ?? 0;
    if (c > 0) { common++; grams.set(g, c - 1); }
  }
  return (2 * common) / (x.length - 1 + y.length - 1);
}
