import { describe, expect, it } from 'vitest';
import { parseMarker, parseSequelMarker } from '../../src/structure/markers.js';

describe('parseMarker', () => {
  const cases: [string, string | null, string | null, number | null][] = [
    ['一、总体要求', 'cn', '一', 1],
    ['十二、保障措施', 'cn', '十二', 12],
    ['（三）加强督查', 'paren-cn', '（三）', 3],
    ['(二)完善平台', 'paren-cn', '(二)', 2],
    ['1. 加强干部思想教育。', 'arabic', '1', 1],
    ['18．完善融资服务体系。', 'arabic', '18', 18],
    ['3、做好保障', 'arabic', '3', 3],
    ['1﹒加快建设', 'arabic', '1', 1],
    ['（1）持续推进', 'paren-arabic', '（1）', 1],
    ['第十一条：项目审批并联帮办。', 'article', '第十一条', 11],
    ['第二章 建设管理', 'chapter', '第二章', 2],
    ['二是“主动式”服务', 'enum', '二是', 2],
    ['2022年工作要点', null, null, null],
    ['1.5个工作日办结', null, null, null],
    ['一、', null, null, null],
  ];
  for (const [text, kind, number, value] of cases) {
    it(text, () => {
      const m = parseMarker(text);
      if (kind === null) expect(m).toBeNull();
      else expect(m).toMatchObject({ kind, number, value });
    });
  }
});

describe('parseSequelMarker', () => {
  it('reads "11.121人才梯队项目" as item 11 only where 11 comes next', () => {
    expect(parseMarker('11.121人才梯队项目。')).toBeNull();
    expect(parseSequelMarker('11.121人才梯队项目。', 11)).toMatchObject({ kind: 'arabic', number: '11', value: 11, rest: '121人才梯队项目。' });
    expect(parseSequelMarker('11.121人才梯队项目。', 4)).toBeNull();
    expect(parseSequelMarker('1.5个工作日办结', 2)).toBeNull();
  });
});
