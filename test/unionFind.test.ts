import { describe, expect, it } from 'vitest';
import { DisjointSets } from '../src/unionFind.js';

describe('DisjointSets', () => {
  it('starts with every element alone', () => {
    const s = new DisjointSets(4);
    expect([0, 1, 2, 3].map((i) => s.find(i))).toEqual([0, 1, 2, 3]);
  });

  it('joins sets transitively, with the first argument\'s representative', () => {
    const s = new DisjointSets(6);
    s.union(0, 1);
    s.union(2, 3);
    s.union(1, 3);
    expect([0, 1, 2, 3].map((i) => s.find(i))).toEqual([0, 0, 0, 0]);
    expect(s.find(4)).toBe(4);
    s.union(5, 4);
    expect(s.find(4)).toBe(5);
  });

  it('keeps long chains correct after path halving', () => {
    const s = new DisjointSets(1000);
    for (let i = 999; i > 0; i--) s.union(i - 1, i);
    for (let i = 0; i < 1000; i++) expect(s.find(i)).toBe(0);
    s.union(0, 0);
    expect(s.find(999)).toBe(0);
  });
});
