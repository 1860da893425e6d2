import { describe, expect, it } from 'vitest';
import { readDocx, DOCX_XML_LIMIT } from '../../src/read/docx.js';
import { readDocument } from '../../src/read/index.js';
import { makeZip, minimalDocx, zipBombDocx } from '../../scripts/make-fixtures/zipWriter.js';
import { expectInputError, expectLinesMatchRendering, paragraphs, readFixture, rowTexts, tables } from './helpers.js';

// .docx: mammoth + cheerio, Word's automatic numbering restored, spans expanded.

describe('.docx from seed 000 (docx package: style-numbered 一、, numbered （一） and 1., vMerge/gridSpan table)', () => {
  it('reads paragraphs in order with the automatic list markers restored', async () => {
    const d = await readFixture('seed000.docx');
    expect(d.format).toBe('docx');
    expect(d.encoding).toBeNull();
    const p = paragraphs(d);
    expect(p[0]).toBe('石柱府办发〔2025〕32号');
    // 一、 comes from the paragraph style PlanHeading1, （一） and 1. from w:numPr.
    expect(p).toContain('一、总体要求');
    expect(p).toContain('二、重点任务');
    expect(p).toContain('（一）开展作风提升行动，筑牢营商环境“思想根基”');
    expect(p.find((t) => t.startsWith('1. 加强干部思想教育。'))).toBeDefined();
    expect(p.find((t) => t.startsWith('17. 加强劳动力供给。'))).toBeDefined();
    // "18．" was typed (full-width dot): kept as typed; 19 starts a list of its own at 19.
    expect(p.find((t) => t.startsWith('18．完善融资服务体系。'))).toBeDefined();
    expect(p.find((t) => t.startsWith('19. 建立协同联动机制。'))).toBeDefined();
    // Lists restart: （一） under 三、 and again under 四、.
    expect(p).toContain('（一）动员部署阶段（2025年7月31日前）');
    expect(p.find((t) => t.startsWith('（三）营造浓厚氛围'))).toBeDefined();
    expect(d.notes.find((n) => n.code === 'numbering-restored')?.message).toMatch(/^40 /);
  });

  it('expands the task table into a full grid: gridSpan in the header, category rows, vertical merges', async () => {
    const d = await readFixture('seed000.docx');
    const [t] = tables(d);
    expect(t.rows).toHaveLength(94); // header + 7 category rows + 86 data rows
    expect(t.rows.every((r) => r.length === 5)).toBe(true);
    expect(rowTexts(t)[0]).toEqual(['序号', '重点任务', '重点任务', '责任单位', '完成时限']);
    expect(t.rows[0].map((c) => !!c.merged)).toEqual([false, false, true, false, false]);
    // A category row spans the five columns.
    expect(new Set(rowTexts(t)[1])).toEqual(new Set(['一、开展作风提升行动，筑牢营商环境“思想根基”']));
    expect(t.rows[1].map((c) => !!c.merged)).toEqual([false, true, true, true, true]);
    // Rows under the merged 序号 and 重点任务 cells repeat them, marked merged.
    expect(rowTexts(t)[3].slice(0, 3)).toEqual(['1', '加强干部思想教育', '将优化营商环境有关内容纳入干部网络培训必修课。']);
    expect(t.rows[3].map((c) => !!c.merged)).toEqual([true, true, false, false, false]);
  });

  it('numbers blocks against its plain-text rendering', async () => {
    const d = await readFixture('seed000.docx');
    expectLinesMatchRendering(d);
  });
});

describe('.docx from seed 001', () => {
  it('keeps an empty task cell under a vertical merge and a six-column grid', async () => {
    const d = await readFixture('seed001.docx');
    const p = paragraphs(d);
    expect(p).toContain('（五）打造最优政商环境。');
    expect(p).toContain('打造最优开放环境。'); // the seed lost its （四）: not numbered
    const [t] = tables(d);
    expect(t.rows.every((r) => r.length === 6)).toBe(true);
    const row6 = t.rows.find((r) => r[0].text === '6')!;
    expect(row6[1]).toMatchObject({ text: '破除招投标和政府采购领域对外地企业设置的隐性门槛和壁垒', merged: true });
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const para = (text: string, numId?: number, ilvl = 0, style?: string) =>
  `<w:p><w:pPr>${style ? `<w:pStyle w:val="${style}"/>` : ''}${numId !== undefined ? `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>` : ''}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
const lvl = (ilvl: number, fmt: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;
const numbering = (body: string) => ({ name: 'word/numbering.xml', data: Buffer.from(`<?xml version="1.0"?><w:numbering ${W}>${body}</w:numbering>`) });
const styles = (body: string) => ({ name: 'word/styles.xml', data: Buffer.from(`<?xml version="1.0"?><w:styles ${W}>${body}</w:styles>`) });

describe('Word numbering semantics (minimal documents)', () => {
  const outline =
    `<w:abstractNum w:abstractNumId="0">${lvl(0, 'chineseCounting', '%1、')}${lvl(1, 'chineseCounting', '（%2）')}${lvl(2, 'decimal', '%3.', '<w:suff w:val="nothing"/>')}${lvl(3, 'decimal', '%1.%4', '<w:isLgl/>')}</w:abstractNum>` +
    `<w:abstractNum w:abstractNumId="1">${lvl(0, 'decimal', '%1.', '<w:lvlRestart w:val="0"/>')}</w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
    '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1"><w:startOverride w:val="5"/></w:lvlOverride></w:num>' +
    '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>';

  it('counts levels, restarts deeper levels, applies startOverride on first use, formats 十一', async () => {
    const body = [
      para('总体要求', 1, 0), para('目标', 1, 1), para('措施甲', 1, 2), para('措施乙', 1, 2),
      para('重点任务', 1, 0), para('任务', 1, 1), para('措施丙', 1, 2),
      para('接续', 2, 1), para('再接续', 2, 1), // numId 2 shares the list, its override starts （五）
      para('法定编号', 1, 3),
      ...Array.from({ length: 9 }, (_, i) => para(`第${i + 3}项`, 1, 0)),
      para('未编号'),
    ].join('');
    const d = await readDocx(minimalDocx(body, [numbering(outline)]), 'm.docx');
    expect(paragraphs(d)).toEqual([
      '一、总体要求', '（一）目标', '1.措施甲', '2.措施乙',
      '二、重点任务', '（一）任务', '1.措施丙',
      '（五）接续', '（六）再接续',
      '2.1 法定编号',
      '三、第3项', '四、第4项', '五、第5项', '六、第6项', '七、第7项', '八、第8项', '九、第9项', '十、第10项', '十一、第11项',
      '未编号',
    ]);
  });

  it('takes numbering from the paragraph style and the styles it is based on; numId 0 switches it off', async () => {
    const st = styles(
      '<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>',
    );
    const body = para('甲', undefined, 0, 'H1') + para('乙', undefined, 0, 'H1b') + para('丙', 0, 0, 'H1') + para('丁', undefined, 0, 'H1');
    const d = await readDocx(minimalDocx(body, [numbering(outline), st]), 's.docx');
    expect(paragraphs(d)).toEqual(['一、甲', '二、乙', '丙', '三、丁']);
  });

  it('numbers paragraphs inside table cells too (an automatically numbered 序号 column)', async () => {
    const cell = (p: string) => `<w:tc>${p}</w:tc>`;
    const row = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
    const body = `<w:tbl>${row(cell(para('序号')), cell(para('任务')))}${row(cell(para('', 3)), cell(para('甲任务')))}${row(cell(para('', 3)), cell(para('乙任务')))}</w:tbl>`;
    const d = await readDocx(minimalDocx(body, [numbering(outline)]), 't.docx');
    expect(rowTexts(tables(d)[0])).toEqual([['序号', '任务'], ['1.', '甲任务'], ['2.', '乙任务']]);
  });
});

describe('bad .docx input', () => {
  it('a truncated ZIP named .docx', async () => {
    await expectInputError(readFixture('bad/corrupt.docx'), 'fixtures/formats/bad/corrupt.docx', /^not a valid \.docx \(.*truncated/);
  });

  it('a zip bomb: refused before mammoth sees it', async () => {
    const t0 = Date.now();
    await expectInputError(readFixture('bad/zip-bomb.docx'), 'fixtures/formats/bad/zip-bomb.docx', /inflates to more than 50 MB/);
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a zip bomb whose headers lie about the size is stopped at the limit while inflating', async () => {
    const bomb = zipBombDocx(Math.ceil(DOCX_XML_LIMIT / 1024 / 1024) + 8, true);
    expect(bomb.length).toBeLessThan(200_000);
    await expectInputError(readDocument(bomb, { path: 'liar.docx' }), 'liar.docx', /inflates to more than 50 MB/);
  });

  it('another OOXML package or a plain ZIP named .docx', async () => {
    const xlsx = makeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.xml', data: Buffer.from('<workbook/>') }]);
    await expectInputError(readDocument(xlsx, { path: 'book.docx' }), 'book.docx', /Excel workbook/);
    const zip = makeZip([{ name: 'readme.txt', data: Buffer.from('hello') }]);
    await expectInputError(readDocument(zip, { path: 'a.docx' }), 'a.docx', /ZIP archive without a Word document/);
  });

  it('a damaged entry (CRC mismatch)', async () => {
    const good = minimalDocx(para('一、总体要求'));
    const i = good.indexOf(Buffer.from('word/document.xml')) + 'word/document.xml'.length + 5; // inside the deflated data
    const bad = Buffer.from(good);
    bad[i] ^= 0xff;
    await expectInputError(readDocument(bad, { path: 'crc.docx' }), 'crc.docx', /not a valid \.docx/);
  });
});
