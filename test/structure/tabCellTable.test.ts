import { describe, expect, it } from 'vitest';
import { tabCellTables } from '../../src/read/tabCellTable.js';

const T = (s: string) => s.split('\n');
const texts = (rows: { text: string }[][]) => rows.map((r) => r.map((c) => c.text));

describe('tabCellTables: tables written one cell per tab line', () => {
  it('rebuilds rows separated by blank lines, with empty merged cells and a category row', () => {
    const lines = T('标题\n\n\t序号\n\t任务\n\t时限\n\n\t一、类别\n\n\t1\n\t加强教育\n\t长期坚持\n\n\t\n\t继续加强\n\t2025年底前\n\n正文');
    const [t] = tabCellTables(lines);
    expect(texts(t.rows)).toEqual([['序号', '任务', '时限'], ['一、类别'], ['1', '加强教育', '长期坚持'], ['', '继续加强', '2025年底前']]);
    expect(t.start).toBe(2);
    expect(lines[t.end]).toBe('');
  });
  it('joins continuation lines without a tab to the cell above, also after a blank line inside the cell', () => {
    const lines = T('\t序号\n\t单位\n\t时限\n\t备注\n\n\t1\n\t县经济信息委、\n县规划自然资源局\n、县住房城乡建委\n\t\n\n2025年12月31日前\n\t无\n\n\t2\n\t县财政局\n\t长期\n\t无');
    const [t] = tabCellTables(lines);
    expect(texts(t.rows)[1]).toEqual(['1', '县经济信息委、县规划自然资源局、县住房城乡建委', '2025年12月31日前', '无']);
    expect(texts(t.rows)[2]).toEqual(['2', '县财政局', '长期', '无']);
  });
  it('keeps a row together when a blank line falls between its cells', () => {
    const lines = T('\t序号\n\t任务\n\t单位\n\t时限\n\n\t1\n\t任务一\n\t\n县级各部门\n\n\t2025年12月31日前\n\n\t2\n\t任务二\n\t县财政局\n\t长期坚持');
    const [t] = tabCellTables(lines);
    expect(texts(t.rows).slice(1)).toEqual([['1', '任务一', '县级各部门', '2025年12月31日前'], ['2', '任务二', '县财政局', '长期坚持']]);
  });
  it('ignores a single tab-indented line', () => {
    expect(tabCellTables(T('正文\n\t缩进的一行\n正文'))).toEqual([]);
  });
});
