import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/read/index.js';
import { garbageShare } from '../../src/read/pdf.js';
import { buildLines, dropFurniture, findTables, isPageNumber, layoutPages, type PageInput, type Segment, type TextItem } from '../../src/read/pdfLayout.js';
import { expectInputError, expectLinesMatchRendering, formats, paragraphs, readFixture, rowTexts, tables } from './helpers.js';

// PDFs made by LibreOffice from the seed .docx (running header, "— N —" footer,
// a ruled table with merged cells that crosses many pages, header row repeated),
// and hand-made ones: non-embedded Chinese font, scan, unmapped glyphs, encryption.

/** PDFs do not keep spaces reliably next to Chinese text (line ends, "2025 年" gaps). */
const squeeze = (s: string) => s.replace(/\s+(?=[^\x00-\x7f])|(?<=[^\x00-\x7f])\s+/g, '');

describe('seed 000 as a LibreOffice PDF', () => {
  it('gives the .docx paragraphs: lines healed within and across pages, page numbers and running header dropped', async () => {
    const pdf = await readFixture('seed000.pdf');
    const docx = await readFixture('seed000.docx');
    expect(pdf.format).toBe('pdf');
    expect(pdf.encoding).toBeNull();
    expect(paragraphs(pdf).map(squeeze)).toEqual(paragraphs(docx).map(squeeze));
    const all = paragraphs(pdf).join('\n');
    expect(all).not.toMatch(/— ?\d+ ?—/);
    expect(paragraphs(pdf)).not.toContain('两完善专项行动工作方案'); // the running header
    expect(pdf.notes.find((n) => n.code === 'pdf-furniture')).toBeDefined();
    expect(pdf.blocks.every((b) => b.kind === 'table' || typeof b.page === 'number')).toBe(true);
    expectLinesMatchRendering(pdf);
  });

  it('rebuilds the ruled table across its pages as one full grid with the .docx spans', async () => {
    const pdf = await readFixture('seed000.pdf');
    const docx = await readFixture('seed000.docx');
    const [t] = tables(pdf);
    const [u] = tables(docx);
    expect(tables(pdf)).toHaveLength(1);
    // Repeated header rows dropped, rows split by a page break joined, merges across pages carried.
    expect(t.rows.length).toBe(u.rows.length);
    expect(rowTexts(t).map((r) => r.map(squeeze))).toEqual(rowTexts(u).map((r) => r.map(squeeze)));
    expect(t.rows.map((r) => r.map((c) => !!c.merged))).toEqual(u.rows.map((r) => r.map((c) => !!c.merged)));
  });
});

describe('seed 001 as a LibreOffice PDF', () => {
  it('gives the .docx blocks (modulo spaces next to Chinese text)', async () => {
    const pdf = await readFixture('seed001.pdf');
    const docx = await readFixture('seed001.docx');
    expect(paragraphs(pdf).map(squeeze)).toEqual(paragraphs(docx).map(squeeze));
    expect(rowTexts(tables(pdf)[0]).map((r) => r.map(squeeze))).toEqual(rowTexts(tables(docx)[0]).map((r) => r.map(squeeze)));
  });
});

describe('other PDFs', () => {
  it('reads Chinese in a non-embedded font through the CMap files (cMapUrl + cMapPacked)', async () => {
    const d = await readFixture('nonembedded-cjk.pdf');
    expect(paragraphs(d)).toEqual([
      '关于加强个人所得税纳税信用建设的通知',
      '一、总体要求',
      '各地区、各部门要以习近平新时代中国特色社会主义思想为指导，建立健全个人所得税纳税信用记录，完善守信激励与失信惩戒机制，有效引导纳税人诚信纳税。',
      '二、重点任务',
      '1. 全面实施个人所得税申报信用承诺制，2020年底前覆盖全部自行申报纳税人。（责任单位：税务总局）',
      '2. 建立健全个人所得税纳税信用记录，形成全国自然人纳税信用信息库。（责任单位：税务总局、国家发展改革委）',
    ]);
  });

  it('reads a PDF encrypted with an owner password only (no password to open)', async () => {
    const d = await readFixture('owner-password.pdf');
    expect(paragraphs(d)).toEqual(paragraphs(await readFixture('nonembedded-cjk.pdf')));
  });

  it('reads the corpus PDF 13 (a joint notice) with its page numbers dropped', async () => {
    const d = await readDocument(readFileSync(formats('../corpus/13_fgw_shuiwu_geshui_xinyong_tongzhi_2019.pdf')), { path: '13.pdf' });
    const p = paragraphs(d);
    expect(p).toContain('关于加强个人所得税纳税信用建设的通知');
    expect(p).toContain('一、总体要求');
    expect(p.at(-1)).toBe('2019年8月20日');
    expect(p.some((t) => /^—\s*\d+\s*—$/.test(t))).toBe(false);
    // Paragraphs are whole: the one after 一、总体要求 runs over the page break.
    const i = p.indexOf('一、总体要求');
    expect(p[i + 1]).toMatch(/^2019年1月1日起全面施行.*推动税务领域信用体系建设迈上新台阶。.*维护纳税人合法权益。$/);
  });
});

describe('bad PDF input', () => {
  it('encrypted with a user password', async () => {
    await expectInputError(readFixture('bad/encrypted.pdf'), 'fixtures/formats/bad/encrypted.pdf', /^encrypted PDF: a password is needed to open it$/);
  });
  it('a scan: pages that are only images', async () => {
    await expectInputError(readFixture('bad/scanned.pdf'), 'fixtures/formats/bad/scanned.pdf', /^no text layer: the PDF is scanned images .*OCR/);
  });
  it('a text layer without ToUnicode (glyph numbers read as characters)', async () => {
    await expectInputError(readFixture('bad/garbage-text.pdf'), 'fixtures/formats/bad/garbage-text.pdf', /text layer is unreadable .*ToUnicode/);
  });
  it('a truncated PDF', async () => {
    const bytes = readFileSync(formats('nonembedded-cjk.pdf')).subarray(0, 300);
    await expectInputError(readDocument(bytes, { path: 'cut.pdf' }), 'cut.pdf', /^(not a valid PDF|cannot read the PDF|the PDF has no text)/);
  });
  it('garbage detection does not flag Chinese or English text', () => {
    expect(garbageShare('关于加强个人所得税纳税信用建设的通知（2019年）')).toBe(0);
    expect(garbageShare('The quick brown fox jumps over the lazy dog, 2019.')).toBe(0);
    expect(garbageShare('ũ¶ňɓƖŀȌȨ/əwɖ&é.ƗȭǨƿ)ŵĬ}Ț,ǤZ')).toBeGreaterThan(0.5);
    expect(garbageShare('\ue001\ue002\ue003\ue004中')).toBeGreaterThan(0.5);
  });
});

// ---------------------------------------------------------------- layout rules on synthetic pages

const item = (str: string, x: number, y: number, size = 14): TextItem => ({ str, x, y, w: [...str].length * size * (/^[\x00-\x7f]+$/.test(str) ? 0.55 : 1), size });
const h = (y: number, x1: number, x2: number): Segment => ({ dir: 'h', y, x1, x2 });
const v = (x: number, y1: number, y2: number): Segment => ({ dir: 'v', x, y1, y2 });

describe('PDF layout rules', () => {
  it('joins items on a baseline; spaces only for real gaps between Latin words', () => {
    const lines = buildLines([
      item('石柱县', 80, 700), item('2025', 122 + 2.8, 700), item('年', 122 + 2.8 + 30.8 + 2.8, 700),
      item('Wi-Fi', 80, 680), item('network', 80 + 5 * 7.7 + 4, 680),
      item('国务院办公厅', 80, 660), item('2018年12月23日', 80 + 84 + 60, 660),
    ], 1);
    expect(lines.map((l) => l.text)).toEqual(['石柱县2025年', 'Wi-Fi network', '国务院办公厅 2018年12月23日']);
  });

  it('recognises page numbers', () => {
    for (const t of ['— 3 —', '-3-', '3', '-- 1 of 2 --', '第 2 页 共 5 页', '2/5', 'Page 1 of 3', '— 三 —']) expect(isPageNumber(t), t).toBe(true);
    for (const t of ['一、总体要求', '2025年', '（三）']) expect(isPageNumber(t), t).toBe(false);
  });

  it('drops running headers and footers that repeat on the pages, not body lines', () => {
    const page = (n: number) => ({
      height: 842,
      lines: buildLines([item('某某县人民政府文件', 200, 800, 9), item(`正文第${n}页的内容，各不相同。`, 80, 700), item(`— ${n} —`, 280, 40)], n),
    });
    const pages = [page(1), page(2), page(3)];
    expect(dropFurniture(pages)).toBe(6);
    expect(pages.map((p) => p.lines.map((l) => l.text))).toEqual([1, 2, 3].map((n) => [`正文第${n}页的内容，各不相同。`]));
  });

  it('keeps content that happens to open two pages of five (a label line), and label lines in general', () => {
    const page = (n: number, first: string) => ({ height: 842, lines: buildLines([item(first, 80, 800), item(`正文第${n}页的内容，各不相同。`, 80, 700)], n) });
    const pages = [page(1, '完成时限：长期坚持'), page(2, '二、重点任务'), page(3, '完成时限：长期坚持'), page(4, '三、保障措施'), page(5, '（一）加强组织领导')];
    expect(dropFurniture(pages)).toBe(0);
    const labelled = [1, 2, 3].map((n) => ({ height: 842, lines: buildLines([item('完成时限：长期坚持', 80, 800), item(`正文第${n}页。`, 80, 700)], n) }));
    expect(dropFurniture(labelled)).toBe(0);
  });

  it('finds merged cells of a ruled table: a header spanning two columns, a cell spanning two rows', () => {
    // Columns at 50, 100, 200, 300; rows at 700, 680, 660, 640.
    const segs = [
      h(700, 50, 300), h(680, 50, 300), h(660, 100, 300), h(640, 50, 300), // no line under row 2 in column 0
      v(50, 640, 700), v(300, 640, 700), v(100, 640, 700), v(200, 640, 680), // no line between the header's columns 1 and 2
    ];
    const items = [item('序号', 55, 686, 10), item('重点任务', 120, 686, 10),
      item('1', 60, 656, 10), item('任务甲', 110, 666, 10), item('措施甲', 210, 666, 10), item('任务乙', 110, 646, 10), item('措施乙', 210, 646, 10)];
    const [t] = findTables(segs, items, 1);
    expect(t.grid.map((r) => r.map((c) => c.text))).toEqual([
      ['序号', '重点任务', '重点任务'],
      ['1', '任务甲', '措施甲'],
      ['1', '任务乙', '措施乙'],
    ]);
    expect(t.grid[0][1]).toBe(t.grid[0][2]);
    expect(t.grid[1][0]).toBe(t.grid[2][0]);
  });

  it('a framed box around one paragraph is not a table', () => {
    expect(findTables([h(700, 50, 300), h(600, 50, 300), v(50, 600, 700), v(300, 600, 700)], [item('注：本表数据截至年底。', 60, 650)], 1)).toEqual([]);
  });

  it('heals paragraphs across lines and pages; an indented line or a list marker after a full stop starts a new one', () => {
    const L = 80; // lines of 31 characters of 14pt end near x = 514
    const full = (s: string, y: number, x = L) => item(s, x, y);
    const pages: PageInput[] = [
      { number: 1, width: 595, height: 842, segments: [], items: [
        full('一、总体要求', 720),
        full('为深入贯彻党中央、国务院决策部署，持续优化营商环境，进一步激发', 700, L + 28),
        full('市场活力，推动全县经济社会高质量发展，制定本方案。各单位要认真', 680),
        full('贯彻执行，结合实际抓好落实，确保各项任务按期完成并取得实效，', 660),
      ] },
      { number: 2, width: 595, height: 842, segments: [], items: [
        full('形成可复制可推广的经验。', 720),
        full('二、重点任务', 700),
      ] },
    ];
    const { items } = layoutPages(pages);
    expect(items.map((i) => (i.kind === 'para' ? i.text : ''))).toEqual([
      '一、总体要求',
      '为深入贯彻党中央、国务院决策部署，持续优化营商环境，进一步激发市场活力，推动全县经济社会高质量发展，制定本方案。各单位要认真贯彻执行，结合实际抓好落实，确保各项任务按期完成并取得实效，形成可复制可推广的经验。',
      '二、重点任务',
    ]);
  });

  it('goes on with an enumeration run inside a paragraph across a wrap, and ends a measure at its （责任单位：…）', () => {
    const L = 80; // lines of 31 characters of 14pt end near x = 514
    const line = (s: string, y: number) => item(s, L, y);
    const { items } = layoutPages([{ number: 1, width: 595, height: 842, segments: [], items: [
      line('（三）推进政务服务“一网通办”。(1)全面梳理更新政务服务事项清单', 720),
      line('，逐项纳入县政务服务平台运行和管理，实现线上线下同标准办理。', 700),
      line('(2)进一步完善一体化在线政务服务平台，及时更新办事指南等材料。', 680),
      line('实现标识注册总量突破5亿，建成二级节点。（责任单位：省通信管理局）', 660),
      line('专栏2 工业互联网标识解析体系增强工程，持续争取标识解析国家二级', 640),
      line('节点在安徽落地。', 620),
    ] }]);
    expect(items.map((i) => (i.kind === 'para' ? i.text : ''))).toEqual([
      '（三）推进政务服务“一网通办”。(1)全面梳理更新政务服务事项清单，逐项纳入县政务服务平台运行和管理，实现线上线下同标准办理。(2)进一步完善一体化在线政务服务平台，及时更新办事指南等材料。实现标识注册总量突破5亿，建成二级节点。（责任单位：省通信管理局）',
      '专栏2 工业互联网标识解析体系增强工程，持续争取标识解析国家二级节点在安徽落地。',
    ]);
  });

  it('keeps short lines apart: label lines, and a list item after one, start paragraphs', () => {
    // A plain-text plan printed to PDF: no indents, every line short of the margin but two that
    // end alike ("完成时限：2024年6月底" / "完成时限：2024年9月底"), which are not the margin.
    const L = 80;
    const line = (s: string, y: number) => item(s, L, y);
    const { items } = layoutPages([{ number: 1, width: 595, height: 842, segments: [], items: [
      line('1.全面梳理政务服务事项清单，实现同一事项名称、编码、依据在省、市、县三级统一。', 720),
      line('责任单位：县政务服务中心', 700),
      line('完成时限：2024年6月底', 680),
      line('2.推动高频事项“一件事一次办”', 660),
      line('牵头单位：县政务服务中心', 640),
      line('完成时限：2024年9月底', 620),
    ] }]);
    expect(items.map((i) => (i.kind === 'para' ? i.text : ''))).toEqual([
      '1.全面梳理政务服务事项清单，实现同一事项名称、编码、依据在省、市、县三级统一。',
      '责任单位：县政务服务中心', '完成时限：2024年6月底', '2.推动高频事项“一件事一次办”', '牵头单位：县政务服务中心', '完成时限：2024年9月底',
    ]);
  });

  it('continues a table on the next page: drops the repeated header, joins the split row, carries a merged cell', () => {
    const grid = (rows: string[][], y0: number) => {
      const segs: Segment[] = [];
      const xs = [50, 90, 200, 300];
      rows.forEach((_, r) => segs.push(h(y0 - r * 20, 50, 300)));
      segs.push(h(y0 - rows.length * 20, 50, 300));
      for (const x of xs) segs.push(v(x, y0 - rows.length * 20, y0));
      const items = rows.flatMap((row, r) => row.map((t, c) => (t ? item(t, xs[c] + 3, y0 - r * 20 - 15, 10) : null)).filter((i): i is TextItem => !!i));
      return { segs, items };
    };
    const p1 = grid([['序号', '具体措施', '责任单位'], ['1', '建立工作机制，明确', '县发展改革委']], 700);
    const p2 = grid([['序号', '具体措施', '责任单位'], ['', '责任分工。', ''], ['2', '加强督促检查。', '县政府办公室']], 780);
    const { items } = layoutPages([
      { number: 1, width: 595, height: 842, items: p1.items, segments: p1.segs },
      { number: 2, width: 595, height: 842, items: p2.items, segments: p2.segs },
    ]);
    expect(items).toHaveLength(1);
    const t = items[0];
    if (t.kind !== 'table') throw new Error('not a table');
    expect(t.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['序号', '具体措施', '责任单位'],
      ['1', '建立工作机制，明确责任分工。', '县发展改革委'],
      ['2', '加强督促检查。', '县政府办公室'],
    ]);
  });
});
