import type { Result, Section, Task } from '../result/schema.js';
import { maxWeightMatching } from './hungarian.js';
import { bigramDice, cosineMatrix, terms, tfidfVectors } from './similarity.js';

// Aligning two versions: which section / task of the old result is which of the new one.
// Content decides (TF-IDF cosine over jieba tokens for tasks, character bigrams for headings);
// the printed number, the section and the neighbours are hints that add a little to the score;
// the optimal one-to-one assignment (Hungarian algorithm) maximises the total score above the
// threshold. Every score is symmetric, so aligning B with A gives the same pairs as A with B.

/** Default minimum score for two tasks to be the same task. */
import { DEFAULT_THRESHOLD } from './options.js';

export { DEFAULT_THRESHOLD };

/** Score added when the printed numbers are equal (and not null). */
export const NUMBER_HINT = 0.08;
/** Score added when the tasks' sections are aligned with each other (or both have none). */
export const SECTION_HINT = 0.07;
/** Tasks without text: score added, per side, when the nearest task with text is aligned with the candidate's. */
export const NEIGHBOUR_HINT = 0.15;
/** Minimum heading score for two sections to be the same section. */
export const SECTION_THRESHOLD = 0.5;

export interface Pair {
  old: number;
  new: number;
  /** Content similarity (cosine for tasks, bigram Dice for headings). */
  similarity: number;
  /** Similarity plus hints. */
  score: number;
}

// A tiny bonus for pairs at the same relative position: deterministic, symmetric tie-breaking
// between otherwise equal candidates (duplicated tasks, repeated headings).
const TIE = 1e-4;
const closeness = (i: number, n: number, j: number, m: number) => 1 - Math.abs((i + 0.5) / n - (j + 0.5) / m);

/** Align the section outlines by heading (marker and level are hints). */
export function alignSections(a: readonly Section[], b: readonly Section[]): Pair[] {
  const sim: number[][] = [];
  const weights = a.map((s, i) => b.map((t, j) => {
    const dice = bigramDice(s.heading, t.heading);
    (sim[i] ??= [])[j] = dice;
    const score = dice + (s.marker === t.marker ? 0.1 : 0) + (s.level === t.level ? 0.05 : 0);
    return dice >= SECTION_THRESHOLD / 2 && score >= SECTION_THRESHOLD
      ? score - SECTION_THRESHOLD + TIE + TIE * closeness(i, a.length, j, b.length) : 0;
  }));
  return maxWeightMatching(weights).map(([i, j]) => ({
    old: i, new: j, similarity: sim[i][j],
    score: sim[i][j] + (a[i].marker === b[j].marker ? 0.1 : 0) + (a[i].level === b[j].level ? 0.05 : 0),
  }));
}

/** What a task is compared by: its text, or — when it has none — its other fields. */
function content(task: Task): { terms: string[]; weak: boolean } {
  const t = terms(task.text);
  if (t.length > 0) return { terms: t, weak: false };
  const fields = [task.title ?? '', ...task.units.map((u) => u.name), task.deadline?.raw ?? '', ...task.targets.map((x) => x.raw)];
  return { terms: terms(fields.join(' ')), weak: true };
}

export interface TaskAlignOptions {
  threshold?: number;
}

/**
 * Align the tasks of two results. `sections` is the section alignment (for the section hint).
 *
 * Phase 1 aligns the tasks that have text. Phase 2 aligns the tasks without text (only units
 * or a deadline, e.g. a label line read as a task of its own): they are compared by those
 * fields, only with each other, and with the neighbour hint — a task whose nearest
 * text-bearing neighbours (before and after) were aligned in phase 1 with the candidate's is
 * likely the same task.
 */
export function alignTasks(a: Result, b: Result, sections: readonly Pair[], opts: TaskAlignOptions = {}): Pair[] {
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const ta = a.tasks, tb = b.tasks;
  const ca = ta.map(content), cb = tb.map(content);
  const sectionOf = new Map<string, string>();
  for (const p of sections) sectionOf.set(a.sections[p.old].id, b.sections[p.new].id);

  const hints = (i: number, j: number) =>
    (ta[i].number !== null && ta[i].number === tb[j].number ? NUMBER_HINT : 0)
    + ((ta[i].sectionId === null && tb[j].sectionId === null)
      || (ta[i].sectionId !== null && sectionOf.get(ta[i].sectionId) === tb[j].sectionId) ? SECTION_HINT : 0);

  // Cosines within each group (text-bearing, weak), with IDF over both documents' group.
  const cos = (rows: number[], cols: number[]) => {
    const vecs = tfidfVectors([...rows.map((i) => ca[i].terms), ...cols.map((j) => cb[j].terms)]);
    return cosineMatrix(vecs.slice(0, rows.length), vecs.slice(rows.length));
  };
  const strongA = ta.map((_, i) => i).filter((i) => !ca[i].weak);
  const strongB = tb.map((_, j) => j).filter((j) => !cb[j].weak);
  const weakA = ta.map((_, i) => i).filter((i) => ca[i].weak);
  const weakB = tb.map((_, j) => j).filter((j) => cb[j].weak);

  const match = (rows: number[], cols: number[], matrix: Float64Array[], rowPos: (i: number) => number,
    colPos: (j: number) => number, extra: (i: number, j: number) => number): Pair[] => {
    const scores: number[][] = [];
    const weights = rows.map((i, r) => cols.map((j, c) => {
      const similarity = matrix[rowPos(i)][colPos(j)];
      const score = similarity + hints(i, j) + extra(i, j);
      (scores[r] ??= [])[c] = score;
      return similarity >= threshold / 2 && score >= threshold
        ? score - threshold + TIE + TIE * closeness(i, ta.length, j, tb.length) : 0;
    }));
    return maxWeightMatching(weights).map(([r, c]) => ({
      old: rows[r], new: cols[c],
      similarity: matrix[rowPos(rows[r])][colPos(cols[c])],
      score: scores[r][c],
    }));
  };

  // Phase 1: tasks with text.
  const strongMatrix = cos(strongA, strongB);
  const posA = new Map(strongA.map((i, k) => [i, k]));
  const posB = new Map(strongB.map((j, k) => [j, k]));
  const phase1 = match(strongA, strongB, strongMatrix, (i) => posA.get(i)!, (j) => posB.get(j)!, () => 0);

  // Phase 2: tasks without text, with the neighbour hint.
  const toB = new Map(phase1.map((p) => [p.old, p.new]));
  const neighbours = (strong: number[], count: number) => {
    const prev = new Array<number>(count).fill(-1), next = new Array<number>(count).fill(-1);
    let k = 0;
    for (let i = 0; i < count; i++) {
      while (k < strong.length && strong[k] < i) k++;
      prev[i] = k > 0 ? strong[k - 1] : -1;
      const after = k < strong.length && strong[k] === i ? k + 1 : k;
      next[i] = after < strong.length ? strong[after] : -1;
    }
    return { prev, next };
  };
  const na = neighbours(strongA, ta.length), nb = neighbours(strongB, tb.length);
  const linked = (x: number, y: number) => (x < 0 && y < 0) || (x >= 0 && toB.get(x) === y && y >= 0);
  const neighbourHint = (i: number, j: number) =>
    (linked(na.prev[i], nb.prev[j]) ? NEIGHBOUR_HINT : 0) + (linked(na.next[i], nb.next[j]) ? NEIGHBOUR_HINT : 0);

  const weakMatrix = cos(weakA, weakB);
  const wposA = new Map(weakA.map((i, k) => [i, k]));
  const wposB = new Map(weakB.map((j, k) => [j, k]));
  const phase2 = weakA.length && weakB.length
    ? match(weakA, weakB, weakMatrix, (i) => wposA.get(i)!, (j) => wposB.get(j)!, neighbourHint) : [];

  return [...phase1, ...phase2].sort((p, q) => p.old - q.old);
}
