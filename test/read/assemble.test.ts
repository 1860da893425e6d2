import { describe, expect, it } from 'vitest';
import { joinCellParagraphs, joinText } from '../../src/read/assemble.js';

describe('joinCellParagraphs', () => {
  it('keeps a cell\'s paragraphs apart with a space, unless punctuation already does', () => {
    expect(joinCellParagraphs('市财政局', '市税务局')).toBe('市财政局 市税务局');
    expect(joinCellParagraphs('市财政局、', '市税务局')).toBe('市财政局、市税务局');
    expect(joinCellParagraphs('完成改造。', '惠及居民1万户。')).toBe('完成改造。惠及居民1万户。');
    expect(joinCellParagraphs('', '市税务局')).toBe('市税务局');
  });

  it('differs from joinText, which joins the wrapped pieces of one sentence', () => {
    expect(joinText('市财政', '局')).toBe('市财政局');
    expect(joinText('Office', '365')).toBe('Office 365');
  });
});
