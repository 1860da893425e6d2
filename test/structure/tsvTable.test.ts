import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { tabCellTables } from '../../src/read/tabCellTable.js';
import { tsvTables } from '../../src/read/tsvTable.js';
import { fixture } from '../helpers.js';

describe('tables written one row per line with tabs', () => {
  it('finds rows and keeps a category line inside the run', () => {
    const [t] = tsvTables(['说明', '序号\t重点任务\t责任单位\t完成时限', '一、作风提升', '1\t加强教育\t县委组织部\t长期坚持', '2\t整治作风\t县纪委\t2025年12月31日前', '', '正文']);
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['序号', '重点任务', '责任单位', '完成时限'], ['一、作风提升'], ['1', '加强教育', '县委组织部', '长期坚持'], ['2', '整治作风', '县纪委', '2025年12月31日前'],
    ]);
    expect(t.rows[2][0].line).toBe(4);
  });
  it('ignores contents lines (a title and a page number)', () => {
    expect(tsvTables(['目录', '第一篇\t1', '第二篇\t7'])).toEqual([]);
  });
  it('seed 001 rewritten as tab-separated rows gives the same tasks as the one-cell-per-line text', async () => {
    const text = readFileSync(fixture('seeds/001_84376561f74c53d5.txt'), 'utf8');
    const lines = text.split('\n');
    const [table] = tabCellTables(lines);
    const tsv = table.rows.map((r) => r.map((c) => c.text).join('\t'));
    const rewritten = [...lines.slice(0, table.start), ...tsv, ...lines.slice(table.end)].join('\n');
    const a = await parse(Buffer.from(text), { path: 'a.txt' });
    const b = await parse(Buffer.from(rewritten), { path: 'b.txt' });
    const strip = (r: typeof a) => r.tasks.map(({ number, title, text, units, deadline, targets }) => ({ number, title, text, units, deadline, targets }));
    expect(b.tasks).toHaveLength(105); // 101 rows, 4 measures of 保障措施 no row restates
    expect(strip(b)).toEqual(strip(a));
  });
});
