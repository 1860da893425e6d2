import { describe, expect, it } from 'vitest';
import { maxWeightMatching, minCostAssignment } from '../../src/diff/hungarian.js';

// A small deterministic PRNG so failures reproduce.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** Every injective row→column map, by brute force: the optimum to compare with. */
function bruteMinCost(cost: number[][]): number {
  const n = cost.length, m = cost[0].length;
  let best = Infinity;
  const used = new Array<boolean>(m).fill(false);
  const go = (i: number, acc: number) => {
    if (i === n) { best = Math.min(best, acc); return; }
    for (let j = 0; j < m; j++) {
      if (used[j]) continue;
      used[j] = true; go(i + 1, acc + cost[i][j]); used[j] = false;
    }
  };
  go(0, 0);
  return best;
}

function bruteMaxWeight(w: number[][]): number {
  const n = w.length, m = w[0]?.length ?? 0;
  let best = 0;
  const used = new Array<boolean>(m).fill(false);
  const go = (i: number, acc: number) => {
    if (i === n) { best = Math.max(best, acc); return; }
    go(i + 1, acc); // row i unmatched
    for (let j = 0; j < m; j++) {
      if (used[j] || w[i][j] <= 0) continue;
      used[j] = true; go(i + 1, acc + w[i][j]); used[j] = false;
    }
  };
  go(0, 0);
  return best;
}

describe('minCostAssignment', () => {
  it('solves the textbook 3×3 case', () => {
    const cost = [[4, 1, 3], [2, 0, 5], [3, 2, 2]];
    const a = minCostAssignment(cost);
    expect(a).toEqual([1, 0, 2]);
    expect(a.reduce((s, j, i) => s + cost[i][j], 0)).toBe(5);
  });

  it('handles empty, 1×1 and rectangular (rows < columns) matrices', () => {
    expect(minCostAssignment([])).toEqual([]);
    expect(minCostAssignment([[7]])).toEqual([0]);
    expect(minCostAssignment([[5, 1, 9]])).toEqual([1]);
    expect(minCostAssignment([[3, 1, 2], [1, 3, 2]])).toEqual([1, 0]);
  });

  it('rejects more rows than columns and non-finite costs', () => {
    expect(() => minCostAssignment([[1], [2]])).toThrow(RangeError);
    expect(() => minCostAssignment([[1, Infinity]])).toThrow(RangeError);
  });

  it('is optimal: matches brute force on 300 random matrices (incl. negative costs and ties)', () => {
    const r = rng(42);
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(r() * 6);
      const m = n + Math.floor(r() * 3);
      const ties = t % 3 === 0;
      const cost = Array.from({ length: n }, () => Array.from({ length: m }, () =>
        (ties ? Math.floor(r() * 4) : r() * 20 - 10)));
      const a = minCostAssignment(cost);
      expect(new Set(a).size).toBe(n);
      for (const j of a) expect(j >= 0 && j < m).toBe(true);
      const total = a.reduce((s, j, i) => s + cost[i][j], 0);
      expect(total).toBeCloseTo(bruteMinCost(cost), 9);
    }
  });
});

describe('maxWeightMatching', () => {
  it('never returns non-edges (weight ≤ 0) and prefers the heavier total, not the greedy pick', () => {
    // Greedy would take (0,0)=0.9 and leave row 1 with nothing; the optimum is 0.8 + 0.8.
    const w = [[0.9, 0.8], [0.8, 0]];
    expect(maxWeightMatching(w)).toEqual([[0, 1], [1, 0]]);
    expect(maxWeightMatching([[0, -1], [0, 0]])).toEqual([]);
    expect(maxWeightMatching([])).toEqual([]);
    expect(maxWeightMatching([[], []])).toEqual([]);
  });

  it('handles more rows than columns, and independent blocks', () => {
    expect(maxWeightMatching([[0.2], [0.7], [0.5]])).toEqual([[1, 0]]);
    const w = [
      [0.9, 0, 0, 0],
      [0, 0, 0.4, 0.6],
      [0, 0, 0.7, 0.5],
      [0, 0.3, 0, 0],
    ];
    expect(maxWeightMatching(w)).toEqual([[0, 0], [1, 3], [2, 2], [3, 1]]);
  });

  it('is optimal: matches brute force on 300 random sparse matrices', () => {
    const r = rng(7);
    for (let t = 0; t < 300; t++) {
      const n = Math.floor(r() * 7), m = Math.floor(r() * 7);
      const w = Array.from({ length: n }, () => Array.from({ length: m }, () => (r() < 0.45 ? Math.round(r() * 100) / 100 : 0)));
      const pairs = maxWeightMatching(w);
      expect(new Set(pairs.map((p) => p[0])).size).toBe(pairs.length);
      expect(new Set(pairs.map((p) => p[1])).size).toBe(pairs.length);
      for (const [i, j] of pairs) expect(w[i][j]).toBeGreaterThan(0);
      const total = pairs.reduce((s, [i, j]) => s + w[i][j], 0);
      expect(total).toBeCloseTo(n && m ? bruteMaxWeight(w) : 0, 9);
    }
  });

  it('stays fast on a dense 300×300 matrix', () => {
    const r = rng(1);
    const w = Array.from({ length: 300 }, () => Array.from({ length: 300 }, () => r()));
    const t0 = performance.now();
    const pairs = maxWeightMatching(w);
    expect(pairs).toHaveLength(300);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
