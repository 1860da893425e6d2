import { describe, expect, it } from 'vitest';
import type { TableBlock, TableCell } from '../../src/read/types.js';
import { OutlineBuilder } from '../../src/structure/outline.js';
import { headerRole, readTaskTable, taskTableLayout } from '../../src/structure/taskTable.js';
import type { DraftWarning } from '../../src/structure/types.js';

/** A grid from rows of strings; "^" marks a cell merged from above, "<" from the left. */
function grid(rows: string[][]): TableBlock {
  const out: TableCell[][] = rows.map((r, i) => r.map((text, j) => {
    if (text === '^') return { text: '', line: i + 1, merged: true };
    if (text === '<') return { text: '', line: i + 1, merged: true };
    return { text, line: i + 1 };
  }));
  // Fill merged copies with the text they repeat, as a reader with span information does.
  out.forEach((r, i) => r.forEach((c, j) => {
    if (rows[i][j] === '^') c.text = out[i - 1][j].text;
    if (rows[i][j] === '<') c.text = r[j - 1].text;
  }));
  return { kind: 'table', rows: out, line: 1 };
}

describe('headerRole', () => {
  it.each([
    ['序号', 'number'], ['重点任务', 'title'], ['具体任务', 'title'], ['具体措施', 'text'], ['主要内容', 'text'],
    ['牵头单位', 'lead'], ['牵头部门', 'lead'], ['配合单位', 'cooperate'], ['责任单位', 'responsible'], ['指导部门', 'responsible'],
    ['完成时限', 'deadline'], ['完成时间', 'deadline'], ['时间节点', 'deadline'], ['责任领导', null], ['备注', null],
    ['类别', 'category'], ['重点领域', 'category'],
    // Headers of county and department plans.
    ['重点工作', 'title'], ['工作要点', 'title'], ['改革举措', 'title'], ['工作举措', 'text'], ['主要举措', 'text'],
    ['年度目标', 'target'], ['目标值', 'target'], ['主要指标', 'target'], ['工作目标', 'text'], ['时间要求', 'deadline'],
    ['牵头处室', 'lead'], ['主责单位', 'lead'], ['配合处室', 'cooperate'], ['责任处室', 'responsible'], ['牵头领导', null],
  ])('%s → %s', (h, role) => expect(headerRole(h)).toBe(role));
});

describe('readTaskTable on a full grid with spans', () => {
  it('keeps number and title over vertically merged cells and reads a two-level header', () => {
    const t = grid([
      ['序号', '重点任务', '具体措施', '责任单位', '<', '完成时限'],
      ['^', '^', '^', '牵头单位', '配合单位', '^'],
      ['一、优化政务服务', '<', '<', '<', '<', '<'],
      ['1', '推进一网通办', '梳理事项清单', '县政务服务中心', '县级各部门', '2023年6月底前'],
      ['^', '^', '实现全程网办率达90%以上', '县政务服务中心', '各乡镇', '长期坚持'],
      ['2', '优化审批流程', '压缩审批时限至5个工作日', '县发展改革委', '', '2023年12月'],
    ]);
    const layout = taskTableLayout(t)!;
    expect(layout.columns).toEqual(['number', 'title', 'text', 'lead', 'cooperate', 'deadline']);
    const outline = new OutlineBuilder();
    const tasks = readTaskTable(t, layout, outline);
    expect(tasks.map((x) => [x.number, x.title, x.text])).toEqual([
      ['1', '推进一网通办', '梳理事项清单'], ['1', '推进一网通办', '实现全程网办率达90%以上'], ['2', '优化审批流程', '压缩审批时限至5个工作日'],
    ]);
    expect(tasks[1].unitSpecs).toEqual([{ raw: '县政务服务中心', role: 'lead' }, { raw: '各乡镇', role: 'cooperate' }]);
    expect(tasks[2].deadlineRaw).toBe('2023年12月');
    expect(outline.sections.map((s) => [s.marker, s.heading])).toEqual([['一、', '优化政务服务']]);
    expect(tasks.every((x) => x.sectionId === outline.sections[0].id)).toBe(true);
  });
  it('is not a task table without a task column', () => {
    expect(taskTableLayout(grid([['姓名', '职务', '电话'], ['张三', '科长', '123']]))).toBeNull();
  });
});

describe('a task table in an HTML notice, cells without paragraphs, a two-row header', () => {
  it('reads the rows with 牵头单位 / 配合单位 under a merged 责任单位 header, and the notice around them', async () => {
    const { parse } = await import('../../src/index.js');
    const html = `<html><head><meta charset="utf-8"><title>通知</title></head><body>
<p>某县人民政府办公室关于印发某县2024年优化营商环境攻坚行动方案的通知</p><p>某府办发〔2024〕12号</p>
<p>各乡镇人民政府，县政府各部门：</p><p>现将《某县2024年优化营商环境攻坚行动方案》印发给你们，请认真贯彻执行。</p>
<p>某县人民政府办公室</p><p>2024年3月5日</p>
<table border="1">
<tr><td rowspan="2">序号</td><td rowspan="2">重点任务</td><td rowspan="2">工作措施</td><td colspan="2">责任单位</td><td rowspan="2">完成时限</td></tr>
<tr><td>牵头单位</td><td>配合单位</td></tr>
<tr><td rowspan="2">1</td><td rowspan="2">压缩企业开办时间</td><td>推行企业开办“一网通办”，企业开办时间压缩至0.5个工作日以内。</td><td rowspan="2">县市场监管局</td><td>县税务局、县公安局</td><td>2024年6月底前</td></tr>
<tr><td>免费为新开办企业刻制首套印章，年内惠及企业300家以上。</td><td>县财政局</td><td>长期坚持</td></tr>
<tr><td>2</td><td>优化用水报装</td><td>无外线工程的用水报装时间不超过2个工作日。</td><td>县住建局</td><td>各供水企业</td><td>2024年9月</td></tr>
</table></body></html>`;
    const r = await parse(Buffer.from(html), { path: 'plan.html' });
    expect(r.document).toMatchObject({ docNumber: '某府办发〔2024〕12号', issuedDate: '2024-03-05', recipients: ['各乡镇人民政府', '县政府各部门'] });
    expect(r.tasks.map((t) => [t.number, t.title, t.deadline?.raw])).toEqual([
      ['1', '压缩企业开办时间', '2024年6月底前'], ['1', '压缩企业开办时间', '长期坚持'], ['2', '优化用水报装', '2024年9月'],
    ]);
    expect(r.tasks[1].units).toEqual([{ name: '县市场监管局', role: 'lead' }, { name: '县财政局', role: 'cooperate' }]);
    expect(r.tasks[2].targets[0]).toMatchObject({ comparator: '<=', value: 2, unit: '个工作日' });
  });
});

describe('a 责任单位 cell that says who leads', () => {
  it('gives lead and cooperating units from the words of the cell', async () => {
    const { parse } = await import('../../src/index.js');
    const cell = (units: string) => `<tr><td>1</td><td>建设统一身份认证平台</td><td>实现全市政务服务“一次认证、全网通办”。</td><td>${units}</td><td>2024年10月底前</td></tr>`;
    const html = `<html><body><p>某市2024年数字政府建设重点任务清单</p><table border="1">
<tr><td>序号</td><td>任务名称</td><td>主要内容</td><td>责任单位</td><td>完成时间</td></tr>
${cell('<p>牵头：市大数据局</p><p>配合：市公安局、市政务服务中心</p>')}${cell('市大数据局（牵头）、市直各相关部门')}${cell('市大数据局牵头，各区县政府配合')}${cell('市大数据局、市公安局')}
</table></body></html>`;
    const r = await parse(Buffer.from(html), { path: 'plan.html' });
    expect(r.tasks.map((t) => t.units.map((u) => `${u.name}:${u.role}`))).toEqual([
      ['市大数据局:lead', '市公安局:cooperate', '市政务服务中心:cooperate'],
      ['市大数据局:lead', '市直各相关部门:responsible'],
      ['市大数据局:lead', '各区县政府:cooperate'],
      ['市大数据局:responsible', '市公安局:responsible'],
    ]);
  });
});

describe('readTaskTable: rows that are not tasks, cells that say nothing', () => {
  const read = (rows: string[][]) => {
    const t = grid(rows);
    const outline = new OutlineBuilder();
    return { tasks: readTaskTable(t, taskTableLayout(t)!, outline), sections: outline.sections };
  };

  it('reads a 目标 column after the measure, as a clause of its own', () => {
    const { tasks } = read([
      ['序号', '工作任务', '年度目标', '责任单位', '完成时限'],
      ['1', '推进政务服务事项网上办理', '达到100%', '市政务服务局', '2024年12月底前'],
      ['2', '新建公厕。', '200座', '市城管局', '2024年12月底前'],
    ]);
    expect(tasks.map((t) => [t.title, t.text])).toEqual([
      ['推进政务服务事项网上办理', '推进政务服务事项网上办理；达到100%'],
      ['新建公厕。', '新建公厕。200座'],
    ]);
    const withText = read([
      ['序号', '重点任务', '具体措施', '目标', '责任单位'],
      ['1', '优化信贷服务', '扩大普惠小微贷款投放', '增长15%以上', '人民银行市分行'],
    ]);
    expect(withText.tasks[0].text).toBe('扩大普惠小微贷款投放；增长15%以上');
  });

  it('gives a unit cell spanning 牵头单位 | 配合单位 the lead only, and warns about a 注 row', () => {
    const t = grid([
      ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
      ['1', '开展案例宣传', '市工业和信息化局', '<', '2024年12月底前'],
      ['2', '建设完整社区', '市民政局', '市住建局', '^'],
      ['注：本表所列任务于2024年12月31日前全部完成。', '<', '<', '<', '<'],
    ]);
    const outline = new OutlineBuilder();
    const warnings: DraftWarning[] = [];
    const tasks = readTaskTable(t, taskTableLayout(t)!, outline, warnings);
    expect(tasks.map((x) => x.unitSpecs.map((u) => `${u.raw}:${u.role}`))).toEqual([
      ['市工业和信息化局:lead'],
      ['市民政局:lead', '市住建局:cooperate'],
    ]);
    // A merged deadline cell below still counts.
    expect(tasks[1].deadlineRaw).toBe('2024年12月底前');
    expect(outline.sections).toEqual([]);
    expect(warnings.map((w) => [w.code, w.line])).toEqual([['unplaced-text', 4]]);
  });

  it('reads an indicator table: a row\'s yearly values with their unit of measure, due in the last year', () => {
    const { tasks } = read([
      ['序号', '指标名称', '单位', '2023年', '2024年', '2025年', '责任单位'],
      ['1', '高新技术企业数量', '家', '3000', '3300', '3600', '市科技局'],
      ['2', '研发投入强度', '%', '2.5', '—', '3.0', '市科技局'],
    ]);
    expect(tasks.map((t) => [t.title, t.text, t.deadlineRaw])).toEqual([
      ['高新技术企业数量', '高新技术企业数量：2023年3000家，2024年3300家，2025年3600家', '2025年'],
      ['研发投入强度', '研发投入强度：2023年2.5%，2025年3.0%', '2025年'],
    ]);
    const target = read([['序号', '重点任务', '目标值', '单位', '责任单位'], ['1', '培育高新技术企业', '3600', '家', '市科技局']]);
    expect(target.tasks[0].text).toBe('培育高新技术企业；3600家');
  });

  it('is not a task table when it is a score sheet (分值, 评分标准)', () => {
    const t = grid([
      ['序号', '考核项目', '考核内容', '分值', '评分标准', '考核责任单位'],
      ['1', '任务落实', '任务完成率达到100%', '10', '每有1项未完成扣1分', '市营商办'],
    ]);
    expect(taskTableLayout(t)).toBeNull();
  });

  it('gives no unit or deadline for a dash, a slash or 无', () => {
    const { tasks } = read([
      ['序号', '重点任务', '牵头单位', '配合单位', '完成时限'],
      ['1', '建设数据平台', '市大数据局', '—', '2024年6月底前'],
      ['2', '开展培训', '市人社局', '无', '／'],
    ]);
    expect(tasks.map((t) => t.unitSpecs.map((u) => u.raw))).toEqual([['市大数据局'], ['市人社局']]);
    expect(tasks.map((t) => t.deadlineRaw)).toEqual(['2024年6月底前', null]);
  });

  it('skips a 合计 row and both rows of a repeated two-level header', () => {
    const { tasks } = read([
      ['序号', '重点任务', '责任单位', '<', '完成时限'],
      ['^', '^', '牵头单位', '配合单位', '^'],
      ['1', '新建公厕', '市城管局', '各区政府', '2024年9月底前'],
      ['序号', '重点任务', '责任单位', '<', '完成时限'],
      ['^', '^', '牵头单位', '配合单位', '^'],
      ['2', '新增停车泊位', '市公安局', '', '2024年12月底前'],
      ['合计', '<', '', '', ''],
    ]);
    expect(tasks.map((t) => t.number)).toEqual(['1', '2']);
  });

  it('makes a category row whose number has a cell of its own a section', () => {
    const { tasks, sections } = read([
      ['序号', '重点任务', '责任单位', '完成时限'],
      ['一', '优化政务服务', '<', '<'],
      ['1', '推行帮办代办', '市政务服务局', '2024年6月底前'],
      ['（二）', '加强要素保障', '<', '<'],
      ['2', '保障用地需求', '市自然资源局', '2024年12月底前'],
    ]);
    expect(sections.map((s) => [s.marker, s.heading])).toEqual([['一、', '优化政务服务'], ['（二）', '加强要素保障']]);
    expect(tasks.map((t) => [t.number, t.sectionId])).toEqual([['1', sections[0].id], ['2', sections[1].id]]);
  });

  it('makes a first column of categories merged over their rows sections, as category rows are', () => {
    const { tasks, sections } = read([
      ['类别', '序号', '工作任务', '牵头单位', '完成时限'],
      ['一、稳增长扩内需', '1', '社会消费品零售总额增长6.5%。', '市商务局', '2025年12月底'],
      ['^', '2', '完成年度投资800亿元以上。', '市发展改革委', '2025年12月底'],
      ['二、保障和改善民生', '3', '城镇新增就业4.2万人。', '市人力资源和社会保障局', '2025年12月底'],
    ]);
    expect(sections.map((s) => [s.marker, s.heading])).toEqual([['一、', '稳增长扩内需'], ['二、', '保障和改善民生']]);
    expect(tasks.map((t) => [t.number, t.sectionId, t.text])).toEqual([
      ['1', sections[0].id, '社会消费品零售总额增长6.5%。'],
      ['2', sections[0].id, '完成年度投资800亿元以上。'],
      ['3', sections[1].id, '城镇新增就业4.2万人。'],
    ]);
  });
});

describe('a task table continued after （续表） without its header', () => {
  it('reads the continuation with the columns of the table before, and nothing else', async () => {
    const { parse } = await import('../../src/index.js');
    const row = (n: number, unit: string) => `<tr><td>${n}</td><td>任务${n}</td><td>推进第${n}项改革。</td><td>${unit}</td><td>2024年${n}月底前</td></tr>`;
    const html = `<html><body><p>某区2024年优化营商环境重点任务清单</p><table border="1">
<tr><td>序号</td><td>重点任务</td><td>具体措施</td><td>牵头单位</td><td>完成时限</td></tr>
<tr><td colspan="5">一、优化政务服务环境</td></tr>${row(1, '区行政审批局')}${row(2, '区数据局')}
</table><p>（续表）</p><table border="1">
<tr><td colspan="5">二、优化法治环境</td></tr>${row(3, '区司法局')}${row(4, '区法院')}
</table><p>附件：联系人名单</p><table border="1"><tr><td>单位</td><td>姓名</td></tr><tr><td>区司法局</td><td>张某</td></tr></table>
</body></html>`;
    const r = await parse(Buffer.from(html), { path: 'plan.html' });
    expect(r.tasks.map((t) => [t.number, t.units.map((u) => `${u.name}:${u.role}`), t.deadline?.due])).toEqual([
      ['1', ['区行政审批局:lead'], '2024-01-31'],
      ['2', ['区数据局:lead'], '2024-02-29'],
      ['3', ['区司法局:lead'], '2024-03-31'],
      ['4', ['区法院:lead'], '2024-04-30'],
    ]);
    expect(r.sections.filter((s) => s.marker).map((s) => s.marker)).toEqual(['一、', '二、']);
    // The form after an attachment label has two columns: it is not a continuation.
    expect(r.warnings.map((w) => w.code)).toContain('unplaced-table');
    expect(r.warnings.some((w) => w.message.includes('续表'))).toBe(false);
  });
});
