import { describe, expect, it } from 'vitest';
import { TableWording } from '../../src/structure/restated.js';

describe('TableWording', () => {
  const table = new TableWording([
    { title: '尾矿综合利用', text: '支持尾矿、粉煤灰综合利用项目建设' },
    { title: '建筑垃圾资源化', text: '推动建筑垃圾资源化利用' },
  ]);

  it('finds a measure whose heading a row prints', () => {
    expect(table.restates('尾矿综合利用', '加快推进尾矿综合利用。')).toBe(true);
  });

  it('finds a measure whose wording the rows hold between them', () => {
    expect(table.restates('推进大宗固废综合利用', '支持尾矿、粉煤灰综合利用项目建设，推动建筑垃圾资源化利用。')).toBe(true);
  });

  it('does not find a measure the rows do not repeat', () => {
    expect(table.restates('推进绿色工厂建设', '推进绿色工厂建设。新增省级以上绿色工厂8家。')).toBe(false);
    expect(table.restates('强化督查考核', '强化督查考核。每月底前通报各地进展情况。')).toBe(false);
  });

  it('says whether a heading is printed in some row', () => {
    expect(table.mentions('建筑垃圾资源化')).toBe(true);
    expect(table.mentions('强化督查考核')).toBe(false);
    expect(new TableWording([]).mentions('强化督查考核')).toBe(false);
  });
});
