import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPdfPages } from '../../src/read/pdf.js';
import { buildLines, findTables, layoutPages, looksTabular, sideBySideRows, type PageInput, type Segment, type TextItem } from '../../src/read/pdfLayout.js';
import { readPages, runsOver, type PageSource } from '../../src/read/pdfPages.js';
import { formats } from './helpers.js';

// Which pages get their drawing operators read (pdfPages.ts): pages of prose do not,
// pages that may hold a table or a scan do, and so do the pages a table may run over to,
// where the rest of a table cut by a page break may not look like one.

const item = (str: string, x: number, y: number, size = 14): TextItem => ({ str, x, y, w: [...str].length * size * (/^[\x00-\x7f]+$/.test(str) ? 0.55 : 1), size });
const h = (y: number, x1: number, x2: number): Segment => ({ dir: 'h', y, x1, x2 });
const v = (x: number, y1: number, y2: number): Segment => ({ dir: 'v', x, y1, y2 });

/** Lines of 31 characters of 14pt from x = 80, 20pt apart: a page of body text. */
function prose(top: number, lines: number): TextItem[] {
  const text = '为深入贯彻党中央国务院决策部署持续优化营商环境进一步激发市场活力推动高质量发展';
  return Array.from({ length: lines }, (_, i) => item(text.slice(0, i % 4 === 3 ? 12 : 31), i % 4 === 0 ? 108 : 80, top - i * 20));
}

/**
 * A ruled table: rows of cells at columns xs, each row `height` points tall from y0 down;
 * a cell's text sits on its row's first line unless given as [text, lineOffset].
 */
function table(rows: (string | [string, number])[][], y0: number, xs = [50, 90, 300, 450], height = 40): { items: TextItem[]; segments: Segment[] } {
  const segments: Segment[] = [];
  for (let r = 0; r <= rows.length; r++) segments.push(h(y0 - r * height, xs[0], xs[xs.length - 1]));
  for (const x of xs) segments.push(v(x, y0 - rows.length * height, y0));
  const items = rows.flatMap((row, r) => row.flatMap((cell, c) => {
    const [text, dy] = typeof cell === 'string' ? [cell, 0] : cell;
    return text ? [item(text, xs[c] + 3, y0 - r * height - 15 - dy, 10)] : [];
  }));
  return { items, segments };
}

/** A stand-in for pdf.js: pages with text and rulings, and a record of what was asked. */
function source(pages: { items: TextItem[]; segments?: Segment[]; images?: number }[]): PageSource & { asked: number[] } {
  const asked: number[] = [];
  return {
    numPages: pages.length,
    asked,
    text: async (n) => ({ number: n, width: 595, height: 842, items: pages[n - 1].items, segments: [] }),
    rulings: async (n) => {
      asked.push(n);
      return { segments: pages[n - 1].segments ?? [], images: pages[n - 1].images ?? 0 };
    },
  };
}

const tableTexts = (pages: PageInput[]) => layoutPages(pages).items.flatMap((i) => (i.kind === 'table' ? [i.rows.map((r) => r.map((c) => c.text))] : []));

describe('text side by side', () => {
  it('prose is not: full lines, a short last line, indented first lines', () => {
    expect(looksTabular(prose(780, 30))).toBe(false);
    expect(sideBySideRows(prose(780, 30))).toBe(0);
  });

  it('a signature line with the date far right is one row, not a table', () => {
    expect(looksTabular([...prose(780, 10), item('国务院办公厅', 80, 500), item('2019年8月20日', 400, 500)])).toBe(false);
  });

  it('cells on shared baselines are', () => {
    expect(looksTabular(table([['序号', '重点任务', '责任单位'], ['1', '建立工作机制', '县发展改革委']], 700).items)).toBe(true);
  });

  it('cells without a shared baseline are: one-line cells centred against two-line ones', () => {
    // Each row: the number on one line, centred against the task's two lines, 6 points
    // above and below it (half a line of 10pt text apart).
    const rows = [1, 2, 3].map((r) => [[`${r}`, 0], [`任务${r}的第一行文字`, -6]] as [string, number][]);
    const { items } = table(rows, 700, [50, 90, 300]);
    items.push(...rows.map((_, r) => item(`任务${r + 1}的第二行`, 93, 700 - r * 40 - 15 - 6, 10)));
    // No line has two pieces: a rule on shared baselines sees no cells here.
    expect(buildLines(items, 1).every((l) => l.items.length === 1)).toBe(true);
    expect(sideBySideRows(items)).toBe(3);
    expect(looksTabular(items)).toBe(true);
  });

  it('text that fills the gap is not a gap', () => {
    const items = [item('第一项', 80, 700), item('第二项', 300, 700), item('第一项的说明文字很长很长很长', 130, 702)];
    expect(sideBySideRows(items)).toBe(0);
  });
});

describe('which pages have their operators read', () => {
  it('not pages of prose', async () => {
    const src = source([{ items: prose(780, 30) }, { items: prose(780, 30) }]);
    const { pages, scanned, imagePages } = await readPages(src);
    expect(src.asked).toEqual([]);
    expect(scanned).toEqual([]);
    expect(imagePages).toEqual([]);
    expect(pages.map((p) => p.segments)).toEqual([[], []]);
  });

  it('a page with a ruled table: its table is found, and the page after read as the table ends its page', async () => {
    const t = table([['序号', '重点任务', '责任单位'], ['1', '建立工作机制', '县发展改革委'], ['2', '加强督促检查', '县政府办公室']], 500);
    const src = source([{ items: prose(780, 30) }, { items: [...prose(780, 12), ...t.items], segments: t.segments }, { items: prose(780, 30) }]);
    const { pages, scanned } = await readPages(src);
    // Page 2 for its text side by side, then page 3 (the table may go on there), which has none.
    expect(scanned).toEqual([2, 3]);
    expect(pages[1].tables).toHaveLength(1);
    expect(tableTexts(pages)).toEqual([[['序号', '重点任务', '责任单位'], ['1', '建立工作机制', '县发展改革委'], ['2', '加强督促检查', '县政府办公室']]]);
  });

  it('a page without text: a scan, its images counted', async () => {
    const src = source([{ items: [], images: 1 }, { items: prose(780, 30) }]);
    const { scanned, imagePages } = await readPages(src);
    expect(scanned).toEqual([1]);
    expect(imagePages).toEqual([1]);
  });

  it('a table cut by page breaks: the pages with too little of it to look like a table are read too', async () => {
    // Page 1 ends with the header row, page 2 holds one row, page 3 two more and then text.
    // Only page 3 looks like a table.
    const p1 = table([['序号', '重点任务', '责任单位']], 120);
    const p2 = table([['1', '建立工作机制', '县发展改革委']], 780);
    const p3 = table([['2', '加强督促检查', '县政府办公室'], ['3', '开展评估', '县统计局']], 780);
    const pages = [
      { items: [...prose(780, 30), ...p1.items], segments: p1.segments },
      { items: p2.items, segments: p2.segments },
      { items: [...p3.items, ...prose(660, 20)], segments: p3.segments },
    ];
    expect(pages.map((p) => looksTabular(p.items))).toEqual([false, false, true]);
    const read = await readPages(source(pages));
    expect(read.scanned).toEqual([3, 2, 1]);
    expect(tableTexts(read.pages)).toEqual([[
      ['序号', '重点任务', '责任单位'],
      ['1', '建立工作机制', '县发展改革委'],
      ['2', '加强督促检查', '县政府办公室'],
      ['3', '开展评估', '县统计局'],
    ]]);
  });

  it('a table that starts its page: the page before is read, not the page after, where text follows the table', async () => {
    const t = table([['序号', '重点任务', '责任单位'], ['1', '建立工作机制', '县发展改革委']], 780);
    const src = source([1, 2, 3, 4, 5].map((n) => (n === 3 ? { items: [...t.items, ...prose(660, 20)], segments: t.segments } : { items: prose(780, 30) })));
    const { scanned } = await readPages(src);
    expect(scanned).toEqual([3, 2]);
    expect(src.asked).toEqual([3, 2]);
  });
});

describe('a table running over a page break', () => {
  const page = (items: TextItem[], t: { items: TextItem[]; segments: Segment[] }): PageInput => {
    const all = [...items, ...t.items];
    return { number: 1, width: 595, height: 842, items: all, segments: t.segments, tables: findTables(t.segments, all, 1) };
  };
  const t = table([['序号', '重点任务', '责任单位'], ['1', '建立工作机制', '县发展改革委']], 500);

  it('may when only page furniture is above or below it: a running header, a page number', () => {
    expect(runsOver(page([item('某某县人民政府文件', 200, 800, 9), item('— 3 —', 280, 200)], t))).toEqual({ before: true, after: true });
  });

  it('may not past a line of text', () => {
    expect(runsOver(page([item('附件：重点任务分工表', 80, 600)], t))).toEqual({ before: false, after: true });
    expect(runsOver(page([item('各单位要按照分工抓好落实。', 80, 300)], t))).toEqual({ before: true, after: false });
    expect(runsOver(page(prose(780, 10), { items: [], segments: [] }))).toEqual({ before: false, after: false });
  });
});

describe('on real PDFs (pdf.js text and operators)', () => {
  const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
  const numbers = (ns: number[]) => [...ns].sort((a, b) => a - b);

  it('seed 000: its eight pages of prose are not read for rulings, its ten table pages are', async () => {
    const { pages, scanned } = await readPdfPages(readFileSync(formats('seed000.pdf')), 'seed000.pdf');
    expect(pages).toHaveLength(18);
    expect(pages.filter((p) => p.tables?.length).map((p) => p.number)).toEqual(range(9, 18));
    expect(numbers(scanned)).toEqual(range(9, 18));
    expect(pages.filter((p) => !scanned.includes(p.number)).every((p) => p.segments.length === 0)).toBe(true);
  });

  it('seed 001: the table on pages 9 to 27, each page of it read', async () => {
    const { pages, scanned } = await readPdfPages(readFileSync(formats('seed001.pdf')), 'seed001.pdf');
    expect(pages.filter((p) => p.tables?.length).map((p) => p.number)).toEqual(range(9, 27));
    expect(numbers(scanned)).toEqual(range(9, 27));
  });

  it('a scan: its page read, the image seen', async () => {
    const { scanned, imagePages } = await readPdfPages(readFileSync(formats('bad/scanned.pdf')), 'scanned.pdf');
    expect(scanned).toEqual([1]);
    expect(imagePages).toEqual([1]);
  });
});
