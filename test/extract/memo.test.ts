import { describe, expect, it } from 'vitest';
import { scopedMemo } from '../../src/extract/memo.js';

describe('scopedMemo', () => {
  it('computes each text once inside within(), every time outside, and forgets when within() ends', () => {
    const calls: string[] = [];
    const length = scopedMemo((t: string) => { calls.push(t); return t.length; });
    expect(length('市场')).toBe(2);
    expect(length('市场')).toBe(2);
    expect(calls).toEqual(['市场', '市场']);
    calls.length = 0;
    const inner = length.within(() => [length('监管'), length('监管'), length.within(() => length('监管'))]);
    expect(inner).toEqual([2, 2, 2]);
    expect(calls).toEqual(['监管']); // a nested within() shares the outer memo
    length('监管');
    expect(calls).toEqual(['监管', '监管']);
  });

  it('forgets also when fn throws', () => {
    let n = 0;
    const count = scopedMemo(() => ++n);
    expect(() => count.within(() => { count('a'); throw new Error('x'); })).toThrow('x');
    expect(count('a')).toBe(2);
  });
});
