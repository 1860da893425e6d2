import { describe, expect, it } from 'vitest';
import { diffSequences, inEveryLongestIncreasing, type Edit } from '../../src/diff/sequence.js';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function lcsLength<T>(a: T[], b: T[]): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) {
    dp[i][j] = a[i - 1] === b[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
  }
  return dp[a.length][b.length];
}

/** Check an edit script: it walks both sequences in order and equal items are equal. */
function check<T>(a: T[], b: T[], edits: Edit[]) {
  let i = 0, j = 0, ok = true;
  for (const e of edits) {
    if (e.op === 'equal') { ok &&= e.a === i && e.b === j && a[i] === b[j]; i++; j++; }
    else if (e.op === 'delete') { ok &&= e.a === i; i++; }
    else { ok &&= e.b === j; j++; }
  }
  expect(ok && i === a.length && j === b.length, `edit script for ${a.join('')} → ${b.join('')}`).toBe(true);
}

const ops = (edits: Edit[]) => edits.map((e) => (e.op === 'equal' ? '=' : e.op === 'delete' ? '-' : '+')).join('');

describe('diffSequences (Myers)', () => {
  it('handles empty and identical sequences', () => {
    expect(diffSequences([], [])).toEqual([]);
    expect(ops(diffSequences(['a'], []))).toBe('-');
    expect(ops(diffSequences([], ['a', 'b']))).toBe('++');
    expect(ops(diffSequences(['a', 'b'], ['a', 'b']))).toBe('==');
  });

  it('finds the classic ABCABBA / CBABAC script of length 5', () => {
    const a = [...'ABCABBA'], b = [...'CBABAC'];
    const e = diffSequences(a, b);
    check(a, b, e);
    expect(e.filter((x) => x.op !== 'equal')).toHaveLength(5);
  });

  it('puts deletions before insertions inside a change', () => {
    expect(ops(diffSequences(['抽调', '力量'], ['抽调', '精干', '力量']))).toBe('=+=');
    expect(ops(diffSequences(['x', '1', '次'], ['x', '2', '次']))).toBe('=-+=');
  });

  it('is minimal and valid on 500 random pairs', () => {
    const r = rng(3);
    for (let t = 0; t < 500; t++) {
      const alpha = 'abcd'.slice(0, 1 + Math.floor(r() * 4));
      const a = Array.from({ length: Math.floor(r() * 12) }, () => alpha[Math.floor(r() * alpha.length)]);
      const b = Array.from({ length: Math.floor(r() * 12) }, () => alpha[Math.floor(r() * alpha.length)]);
      const e = diffSequences(a, b);
      check(a, b, e);
      if (e.filter((x) => x.op === 'equal').length !== lcsLength(a, b)) expect.fail(`not minimal: ${a.join('')} → ${b.join('')}`);
    }
  });

  it('uses the given equality', () => {
    const e = diffSequences([' ', 'a'], ['  ', 'a'], (x, y) => x.trim() === y.trim());
    expect(ops(e)).toBe('==');
  });
});

describe('inEveryLongestIncreasing (which aligned items did not move)', () => {
  it('flags the one item moved far away', () => {
    // Old order a b c d e f; the item at old position 1 moved to the end.
    expect(inEveryLongestIncreasing([0, 5, 1, 2, 3, 4])).toEqual([true, false, true, true, true, true]);
  });

  it('flags both items of a swap, and nothing in an unchanged order', () => {
    expect(inEveryLongestIncreasing([0, 2, 1, 3])).toEqual([true, false, false, true]);
    expect(inEveryLongestIncreasing([0, 1, 2])).toEqual([true, true, true]);
    expect(inEveryLongestIncreasing([])).toEqual([]);
  });

  it('flags everything when two halves trade places (no item is in every longest order)', () => {
    expect(inEveryLongestIncreasing([2, 3, 0, 1])).toEqual([false, false, false, false]);
  });

  it('gives the same answer for the inverse permutation (diff(A,B) mirrors diff(B,A))', () => {
    const r = rng(11);
    for (let t = 0; t < 300; t++) {
      const n = Math.floor(r() * 10);
      const perm = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [perm[i], perm[j]] = [perm[j], perm[i]]; }
      const inv = new Array<number>(n);
      perm.forEach((p, i) => { inv[p] = i; });
      const f = inEveryLongestIncreasing(perm);
      const g = inEveryLongestIncreasing(inv);
      // Item (i → perm[i]) is item (perm[i] → i) of the inverse.
      if (perm.some((p, i) => g[p] !== f[i])) expect.fail(`asymmetric for ${perm.join(',')}`);
    }
  });
});
