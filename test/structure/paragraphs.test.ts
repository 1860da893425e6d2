import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/read/types.js';
import { healParagraphs, splitEnumerations } from '../../src/structure/paragraphs.js';

const paras = (lines: string[]): Block[] => lines.map((text, i) => ({ kind: 'para', text, line: i + 1 }));
const texts = (lines: string[]) => healParagraphs(paras(lines)).map((b) => (b.kind === 'para' ? b.text : ''));

describe('healParagraphs', () => {
  it('joins a line broken mid-sentence (PDF conversion) without inserting a space', () => {
    expect(texts(['1. 简化企业开办及注销。围绕企业发展全生命周期，持续推', '进涉企审批减环节、减材料。'])).toEqual(['1. 简化企业开办及注销。围绕企业发展全生命周期，持续推进涉企审批减环节、减材料。']);
  });
  it('joins a line that stops on a comma', () => {
    expect(texts(['市、县(区)四大班子领导、各部门，', '要带头联系企业。'])).toEqual(['市、县(区)四大班子领导、各部门，要带头联系企业。']);
  });
  it('keeps a short heading apart from its paragraph', () => {
    expect(texts(['企业开办3小时办结', '优化企业开办综合服务，实现全程后台办理。'])).toHaveLength(2);
  });
  it('never joins into a numbered item or a label line', () => {
    expect(texts(['加快兑现各类奖补资金，全面清理应拨付给企业的招商引资奖补资金', '牵头单位:市财政局'])).toHaveLength(2);
    expect(texts(['全面清理应拨付给企业的招商引资、重大投资项目奖补资金等', '2.全面落实减税降费政策。'])).toHaveLength(2);
  });
  it('drops conversion artefacts', () => {
    expect(texts(['[bookmark: OLE_LINK1]深化政银企对接。', '##paidbegin##', '**优化建设工程招投标手续。**梳理流程。'])).toEqual(['深化政银企对接。', '优化建设工程招投标手续。梳理流程。']);
  });
});

describe('splitEnumerations', () => {
  it('splits 一是/二是 written in one paragraph', () => {
    expect(splitEnumerations('成效明显。一是搭好平台。二是落实引育；三是优化服务。')).toEqual(['成效明显。', '一是搭好平台。', '二是落实引育；', '三是优化服务。']);
  });
  it('leaves a paragraph without a real enumeration alone', () => {
    expect(splitEnumerations('这一是非问题，二是指第二项')).toEqual(['这一是非问题，二是指第二项']);
  });
});

describe('layout spaces', () => {
  it('drops spaces next to CJK text but keeps the one after a leading number', () => {
    expect(texts(['制定《 2025年度抽查计划》， 禁止设置门槛。'])).toEqual(['制定《2025年度抽查计划》，禁止设置门槛。']);
    expect(texts(['1 加强干部思想教育。'])).toEqual(['1 加强干部思想教育。']);
    expect(texts(['use IPv6 and 5G networks.'])).toEqual(['use IPv6 and 5G networks.']);
  });
});
