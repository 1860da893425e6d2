import { describe, expect, it } from 'vitest';
import { chineseNumeral, parseNumber, printNumber, startsWithNumber } from '../../src/lint/numbering.js';

describe('task numbers', () => {
  it('reads the printed styles', () => {
    expect(parseNumber('10')).toEqual({ style: 'arabic', value: 10 });
    expect(parseNumber('18．')).toEqual({ style: 'arabic', value: 18 });
    expect(parseNumber('（三）')).toEqual({ style: 'paren-chinese', value: 3 });
    expect(parseNumber('(二)')).toEqual({ style: 'paren-chinese', value: 2 });
    expect(parseNumber('（12）')).toEqual({ style: 'paren-arabic', value: 12 });
    expect(parseNumber('三、')).toEqual({ style: 'chinese', value: 3 });
    expect(parseNumber('第二十一条')).toEqual({ style: 'article', value: 21 });
    expect(parseNumber('五是')).toEqual({ style: 'enumeration', value: 5 });
    expect(parseNumber('③')).toEqual({ style: 'circled', value: 3 });
    expect(parseNumber('A')).toBeNull();
    expect(parseNumber(null)).toBeNull();
  });

  it('Chinese numerals', () => {
    expect(['一', '十', '十二', '二十', '九十九', '一百零三'].map(chineseNumeral)).toEqual([1, 10, 12, 20, 99, 103]);
    expect(printNumber('paren-chinese', 13)).toBe('（十三）');
    expect(printNumber('article', 20)).toBe('第二十条');
  });

  it('tells whether a line starts with a number', () => {
    expect(startsWithNumber('6. 提升公共资源交易监管能力。', '6')).toBe(true);
    expect(startsWithNumber('18．完善融资服务体系。', '18')).toBe(true);
    expect(startsWithNumber('10', '10')).toBe(true);
    expect(startsWithNumber('(一)加强组织领导', '（一）')).toBe(true);
    expect(startsWithNumber('破解企业融资难融资贵问题。', '16')).toBe(false);
    expect(startsWithNumber('100%完成', '100')).toBe(false);
    expect(startsWithNumber('16.着力破解要素保障难题。', '1')).toBe(false);
  });
});
