import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { dutiesInText, leadsInText } from '../../src/structure/unitsInText.js';

const names = (text: string) => dutiesInText(text).map((u) => u.raw);

describe('dutiesInText: the bodies a sentence gives a duty to', () => {
  it('takes levelled bodies, including the groups and task forces a plan sets up', () => {
    expect(names('北京市大数据工作推进小组负责总体指导和重大问题决策，北京市大数据工作推进小组办公室负责组织推进相关决策落实。'))
      .toEqual(['北京市大数据工作推进小组', '北京市大数据工作推进小组办公室']);
    expect(names('市优化营商环境工作专班统筹推进各项改革。')).toEqual(['市优化营商环境工作专班']);
  });

  it("takes a regulation's functional departments, without the catch-all at the end of the list", () => {
    expect(names('网信部门、保密部门、公安部门、通信管理部门和其他有关部门应当按照各自职责，做好政务数据安全保护工作。'))
      .toEqual(['网信部门', '保密部门', '公安部门', '通信管理部门']);
  });

  it('leaves out classes of bodies that name nobody in particular', () => {
    expect(names('政务部门应当加强数据采集和归集的质量管理。')).toEqual([]);
    expect(names('有关部门和单位应当按要求报送数据。')).toEqual([]);
  });

  it('reads past a modifier before the duty word (具体负责, 统一负责)', () => {
    expect(names('州、县（市）数据资源主管部门具体负责统筹协调数据共享工作。')).toEqual(['州、县（市）数据资源主管部门']);
  });

  it('counts a body named again without its level once', () => {
    expect(names('州、县（市）数据资源主管部门具体负责统筹协调，建立数据使用部门提需求、数据资源主管部门统筹管理的机制。'))
      .toEqual(['州、县（市）数据资源主管部门']);
  });

  it('ends a sentence at a line break, so a heading line does not run into the subject', () => {
    expect(names('组织绩效考核评估\n北京市经济和信息化局统筹制定绩效考核评估指标体系。')).toEqual(['北京市经济和信息化局']);
  });
});

describe('leadsInText', () => {
  it('reads 由X牵头 / 由X负责, but not people', () => {
    expect(leadsInText('此项工作由市发展改革委牵头，由县教育局具体负责。')).toEqual([
      { raw: '市发展改革委', role: 'lead' }, { raw: '县教育局', role: 'responsible' },
    ]);
    expect(leadsInText('由分管领导负责。')).toEqual([]);
  });
});

describe('items under 保障措施', () => {
  it('are tasks when a sentence gives a body a duty, not otherwise', async () => {
    const r = await parse(Buffer.from([
      '关于推进数据专区建设的指导意见', '', '一、保障措施',
      '（一）加快制度规范建设', '加快制定数据专区管理制度和技术规范，结合所属领域特点制定管理办法。',
      '（二）组织绩效考核评估', '北京市经济和信息化局统筹制定数据专区运营绩效考核评估指标体系，定期组织开展绩效考核评估。',
    ].join('\n')), { path: 'plan.txt' });
    expect(r.tasks.map((t) => [t.number, t.units.map((u) => u.name)])).toEqual([['（二）', ['北京市经济和信息化局']]]);
    expect(r.warnings.some((w) => w.code === 'unplaced-text' && w.line === 5)).toBe(true);
  });
});
