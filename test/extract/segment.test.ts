import { describe, expect, it } from 'vitest';

// Each vitest file runs in its own module graph, so this file sees segment.ts freshly imported.

describe('segment', () => {
  it('does not load the dictionary when imported, only on first use', async () => {
    const seg = await import('../../src/extract/segment.js');
    // Importing the extractors that use it does not load it either.
    await import('../../src/extract/targets.js');
    await import('../../src/extract/units.js');
    await import('../../src/extract/deadline.js');
    expect(seg.isSegmenterLoaded()).toBe(false);
    expect(seg.segment('')).toEqual([]);
    expect(seg.isSegmenterLoaded()).toBe(false); // nothing to cut, nothing loaded
    expect(seg.segment('优化营商环境').join('')).toBe('优化营商环境');
    expect(seg.isSegmenterLoaded()).toBe(true);
  });

  it('keeps government unit names and policy terms from the user dictionary whole', async () => {
    const { segment } = await import('../../src/extract/segment.js');
    expect(segment('市政务服务局牵头推进放管服改革')).toEqual(expect.arrayContaining(['市政务服务局', '放管服']));
    expect(segment('县发展改革委牵头')).toContain('发展改革委');
    expect(segment('推行一件事一次办')).toContain('一件事一次办');
    expect(segment('全程网办率达到90%')).toContain('全程网办率');
  });

  it('tags words with their part of speech', async () => {
    const { tag } = await import('../../src/extract/segment.js');
    const words = tag('开展微访谈活动');
    expect(words.map((w) => w.word).join('')).toBe('开展微访谈活动');
    expect(words[0]).toEqual({ word: '开展', tag: 'v' });
    expect(words.find((w) => w.word === '活动')?.tag).toMatch(/^(?:n|vn)$/);
    // Without HMM, words missing from the dictionary fall apart into tagged pieces.
    expect(tag('各部门需在', { hmm: false }).map((w) => w.word)).toEqual(['各', '部门', '需', '在']);
  });
});
