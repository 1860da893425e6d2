import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { declaredCharset, readHtml } from '../../src/read/html.js';
import { readDocument } from '../../src/read/index.js';
import { fixture } from '../helpers.js';
import { expectInputError, expectLinesMatchRendering, formats, paragraphs, readFixture, rowTexts, tables } from './helpers.js';

// Web pages: declared charset, the article body among page furniture, tables with spans.

const page = (body: string, head = '<meta charset="utf-8">') => Buffer.from(`<!DOCTYPE html><html><head>${head}<title>测试页面</title></head><body>${body}</body></html>`);
const filler = '各地区、各部门要以习近平新时代中国特色社会主义思想为指导，全面贯彻落实党中央、国务院决策部署。';

describe('seed pages (navigation, breadcrumb, sidebar, share buttons, footer and scripts around the article)', () => {
  it('reads only the article, in order, with markers as typed', async () => {
    const d = await readFixture('seed000.html');
    expect(d.format).toBe('html');
    expect(d.encoding).toBe('utf-8');
    const p = paragraphs(d);
    expect(p[0]).toBe('石柱府办发〔2025〕32号');
    expect(p).toContain('一、总体要求');
    const all = p.join('\n');
    for (const furniture of ['首页', '政务公开', '当前位置', '分享到', '相关文件', '主办单位', '网站标识码', '发布时间', '_hmt', '$(function']) {
      expect(all, furniture).not.toContain(furniture);
    }
    // The same paragraphs as the .docx: the <h1>, which repeats the printed title, is not added.
    expect(p).toEqual(paragraphs(await readFixture('seed000.docx')));
    expectLinesMatchRendering(d);
  });

  it('keeps rowspan/colspan as full grids', async () => {
    const d = await readFixture('seed000.html');
    const [t] = tables(d);
    expect(t.rows).toHaveLength(94);
    expect(rowTexts(t)[0]).toEqual(['序号', '重点任务', '重点任务', '责任单位', '完成时限']);
    expect(t.rows[3].map((c) => !!c.merged)).toEqual([true, true, false, false, false]);
  });

  it('decodes a GBK page by its http-equiv charset=gb2312 and records the encoding', async () => {
    const d = await readFixture('seed001.gbk.html');
    expect(d.encoding).toBe('gb18030');
    const utf8 = await readFixture('seed001.html');
    expect(d.blocks).toEqual(utf8.blocks);
  });
});

describe('gov.cn pages from the corpus', () => {
  it('03: the UCAP-CONTENT cell of a layout table, and its 5-column table with spanning category rows', async () => {
    const d = await readDocument(readFileSync(fixture('corpus/03_guoban_chuangxin_gaige_tuiguang_2018.html')), { path: '03.html' });
    const p = paragraphs(d);
    expect(p.slice(0, 3)).toEqual(['国务院办公厅关于推广第二批', '支持创新相关改革举措的通知', '国办发〔2018〕126号']);
    expect(p.join('')).not.toMatch(/索 引 号|扫一扫|主题分类/);
    const [t] = tables(d);
    expect(rowTexts(t)[0]).toEqual(['序号', '改革举措', '主 要 内 容', '指导部门', '推广范围']);
    expect(t.rows[1].every((c) => c.text === '一、知识产权保护方面（共5项）')).toBe(true);
    expect(t.rows[1].slice(1).every((c) => c.merged)).toBe(true);
    expect(rowTexts(t).filter((r) => /^\d+$/.test(r[0])).map((r) => r[0]).at(-1)).toBe('23');
  });

  it('12: the article without its page furniture', async () => {
    const d = await readDocument(readFileSync(fixture('corpus/12_guofa_zongbao_kaifang_2019.html')), { path: '12.html' });
    const p = paragraphs(d);
    expect(p[0]).toBe('国务院关于促进综合保税区');
    expect(p).toContain('一、指导思想');
    expect(tables(d)).toHaveLength(0);
  });
});

describe('HTML details', () => {
  it('finds the charset in <meta charset>, http-equiv, an XML declaration or a BOM', () => {
    expect(declaredCharset(Buffer.from('<meta charset="GBK">'))).toBe('gbk');
    expect(declaredCharset(Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />'))).toBe('gb2312');
    expect(declaredCharset(Buffer.from('<?xml version="1.0" encoding="GB18030"?><html>'))).toBe('gb18030');
    expect(declaredCharset(Buffer.from([0xef, 0xbb, 0xbf, 0x3c]))).toBe('utf-8');
    expect(declaredCharset(Buffer.from('<html><body>'))).toBeNull();
  });

  it('reads a page declared GBK whose bytes are UTF-8 as UTF-8, with a note', async () => {
    const d = await readHtml(page(`<div class="content"><p>${filler}</p></div>`, '<meta charset="gbk">'), 'x.html');
    expect(paragraphs(d)).toEqual([filler]);
    expect(d.encoding).toBe('utf-8');
    expect(d.notes.map((n) => n.code)).toContain('charset-mismatch');
  });

  it('reads an undeclared GBK page by detection', async () => {
    const { execFileSync } = await import('node:child_process');
    const gbk = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: `<html><body><div id="zoom"><p>${filler}</p></div></body></html>` });
    const d = await readHtml(gbk, 'x.html');
    expect(d.encoding).toBe('gb18030');
    expect(paragraphs(d)).toEqual([filler]);
  });

  it('splits at <br>, numbers <ol> items, skips hidden elements and share/print links inside the article', async () => {
    const html = page(`<div class="nav"><a href="/">首页</a></div><div id="zoom">
      <p>一、工作任务<br>${filler}</p>
      <ol><li>完善工作机制，按季度调度。</li><li>加强督促检查，年底前完成。</li></ol>
      <p style="display:none">隐藏的文字不应出现在正文中。</p>
      <div class="share">分享到：微信 微博</div><p class="print"><a href="#">【打印本页】</a></p>
      <p>${filler}</p></div>`);
    const d = await readHtml(html, 'x.html');
    expect(paragraphs(d)).toEqual(['一、工作任务', filler, '1. 完善工作机制，按季度调度。', '2. 加强督促检查，年底前完成。', filler]);
  });

  it('reads line breaks in the source between Chinese characters as nothing', async () => {
    const d = await readHtml(page(`<div id="zoom"><p>${filler}\n    ${filler}</p></div>`), 'x.html');
    expect(paragraphs(d)).toEqual([filler + filler]);
  });

  it('adds the <h1> title when the article body does not repeat it', async () => {
    const d = await readHtml(page(`<div class="header">网站名称</div><h1>关于加强安全生产工作的通知</h1><div class="info">发布时间：2024-01-01</div><div class="article-content"><p>${filler}</p><p>${filler}</p></div>`), 'x.html');
    expect(paragraphs(d)[0]).toBe('关于加强安全生产工作的通知');
  });

  it('keeps a data table whose cells hold bare text inside the body, with the notice around it', async () => {
    // Without <p> in the cells, a row held more text than the notice paragraphs, so the row was
    // taken for the article body: the notice was lost and the table read as loose lines.
    const row = (n: number) => `<tr><td>${n}</td><td>压缩企业开办时间</td><td>${filler}${filler}</td><td>县市场监管局</td><td>2024年6月底前</td></tr>`;
    const d = await readHtml(page(`<p>各乡镇人民政府，县政府各部门：</p><p>现将方案印发给你们，请认真贯彻执行。</p>`
      + `<table border="1"><tr><td>序号</td><td>重点任务</td><td>工作措施</td><td>责任单位</td><td>完成时限</td></tr>${row(1)}${row(2)}</table>`), 'x.html');
    expect(paragraphs(d).slice(0, 2)).toEqual(['各乡镇人民政府，县政府各部门：', '现将方案印发给你们，请认真贯彻执行。']);
    expect(tables(d)).toHaveLength(1);
    expect(rowTexts(tables(d)[0])[0]).toEqual(['序号', '重点任务', '工作措施', '责任单位', '完成时限']);
  });

  it('reads a layout table (one column, or nesting tables) as content', async () => {
    const d = await readHtml(page(`<table><tr><td><table><tr><td><p>${filler}</p><p>${filler}</p></td></tr></table></td></tr><tr><td>底部</td></tr></table>`), 'x.html');
    expect(tables(d)).toHaveLength(0);
    expect(paragraphs(d)).toContain(filler);
  });
});

describe('bad HTML input', () => {
  it('a .pdf that is really an HTML error page: one line naming the file', async () => {
    await expectInputError(readFixture('bad/download-error.pdf'), 'fixtures/formats/bad/download-error.pdf', /^not a \.pdf file: it is an HTML page \(“404 Not Found”\) with no document text$/);
  });

  it('a .pdf that is really an HTML page with an article is read as HTML', async () => {
    const d = await readDocument(readFileSync(formats('seed000-html-named.pdf')), { path: 'x.pdf' });
    expect(d.format).toBe('html');
    expect(d.notes.map((n) => n.code)).toContain('format-mismatch');
    expect(d.blocks).toEqual((await readFixture('seed000.html')).blocks);
  });

  it('an HTML page without text', async () => {
    await expectInputError(readDocument(page('<div class="nav"><a href="/">首页</a></div>'), { path: 'empty.html' }), 'empty.html', /^no document text found in the HTML page/);
  });
});
