import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniff } from '../../src/read/detect.js';
import { readDocument, resolveFormat } from '../../src/read/index.js';
import { fixture } from '../helpers.js';
import { expectInputError, formats, readFixture } from './helpers.js';

// The format comes from the bytes, not the name; stdin ("-") is read the same way.

const bytes = (name: string) => readFileSync(formats(name));

describe('format detection from the bytes', () => {
  it('recognises each fixture by its content', () => {
    expect(sniff(bytes('seed000.docx'))).toBe('zip');
    expect(sniff(bytes('seed000.doc'))).toBe('ole2');
    expect(sniff(bytes('seed000.pdf'))).toBe('pdf');
    expect(sniff(bytes('seed000.html'))).toBe('html');
    expect(sniff(bytes('seed001.gbk.html'))).toBe('html');
    expect(sniff(bytes('seed000.gbk.txt'))).toBe('txt');
    expect(sniff(bytes('bad/empty.docx'))).toBe('empty');
  });

  it('finds %PDF after leading junk, and HTML after comments or an XML declaration', () => {
    expect(sniff(Buffer.concat([Buffer.from('\r\n\x00junk'), Buffer.from('%PDF-1.4\n')]))).toBe('pdf');
    expect(sniff(Buffer.from('<!-- saved from url=(0045)http://www.gov.cn/ -->\n<html><body>'))).toBe('html');
    expect(sniff(Buffer.from('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0//EN"><html>'))).toBe('html');
    expect(sniff(Buffer.from('\ufeff<div class="TRS_Editor"><p>正文</p></div>'))).toBe('html');
    expect(sniff(Buffer.from('一、总体要求\n（一）工作目标\n'))).toBe('txt');
  });

  it('reads by content whatever the name says', () => {
    expect(resolveFormat(bytes('seed000.docx'), 'x.doc', 'x.doc')).toBe('docx');
    expect(resolveFormat(bytes('seed000.doc'), 'x.docx', 'x.docx')).toBe('doc');
    expect(resolveFormat(bytes('seed000.html'), 'x.pdf', 'x.pdf')).toBe('html');
    expect(resolveFormat(bytes('seed000.pdf'), 'x.txt', 'x.txt')).toBe('pdf');
  });

  it('reads stdin ("-", no name) by content, and names it "-" in errors', async () => {
    for (const f of ['seed000.docx', 'seed000.html', 'seed001.doc']) {
      const d = await readDocument(bytes(f), { path: '-' });
      expect(d.blocks).toEqual((await readFixture(f)).blocks);
    }
    await expectInputError(readDocument(Buffer.alloc(0), { path: '-' }), '-', /^empty file$/);
    await expectInputError(readDocument(Buffer.alloc(0), {}), '-', /^empty file$/);
  });

  it('a 0-byte file and a binary file are errors naming the file', async () => {
    await expectInputError(readFixture('bad/empty.docx'), 'fixtures/formats/bad/empty.docx', /^empty file$/);
    await expectInputError(readDocument(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2, 3]), { path: 'x.pdf' }), 'x.pdf', /not a valid \.pdf/);
  });
});

describe('text encodings', () => {
  it('GBK text decodes (as GB18030) to the same blocks as the UTF-8 seed', async () => {
    const gbk = await readFixture('seed000.gbk.txt');
    expect(gbk.encoding).toBe('gb18030');
    const utf8 = await readDocument(readFileSync(fixture('seeds/000_3c8f4dc52bde6ae2.txt')), { path: 'seed.txt' });
    expect(gbk.blocks).toEqual(utf8.blocks);
  });

  it('GB18030 text keeps characters outside GBK (four-byte sequences)', async () => {
    const d = await readFixture('gb18030.txt');
    expect(d.encoding).toBe('gb18030');
    const text = d.blocks.map((b) => (b.kind === 'para' ? b.text : '')).join('\n');
    expect(text).toContain('𬌗病');
    expect(text).toContain('䶮族');
    expect(text).not.toContain('\ufffd');
  });
});

describe('lazy loading', () => {
  it('the dispatcher and the .txt reader import no binary-format library', () => {
    for (const f of ['src/read/index.ts', 'src/read/txt.ts', 'src/read/detect.ts', 'src/read/decode.ts']) {
      const src = readFileSync(fixture(`../${f}`), 'utf8');
      expect(src, f).not.toMatch(/from '(pdf-parse|pdfjs-dist[^']*|mammoth|cheerio|word-extractor)'/);
      expect(src, f).not.toMatch(/from '\.\/(pdf|docx|doc|html)\.js'/);
    }
    const pdf = readFileSync(fixture('../src/read/pdf.ts'), 'utf8');
    expect(pdf).not.toMatch(/^import .* from 'pdf-parse'/m);
    expect(pdf).toMatch(/\bimportExternal<[^>]*>\('pdf-parse'\)/);
  });
});

describe('UTF-16 without a byte order mark', () => {
  const utf8 = readFileSync(fixture('corpus/06_anhui_rcep_gaoshuiping_kaifang_2022.txt'));
  const text = utf8.toString('utf8');
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();

  it('is read as text in either byte order, as the same document', async () => {
    for (const [b, encoding] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
      expect(sniff(b)).toBe('txt');
      const d = await readDocument(b, { path: 'plan.txt' });
      expect(d.encoding).toBe(encoding);
      expect(d.text).toBe((await readDocument(utf8, { path: 'plan.txt' })).text);
    }
  });

  it('is not claimed for binary data with zero bytes', () => {
    let seed = 7;
    const random = Buffer.from(Array.from({ length: 6000 }, () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16 & 0xff));
    expect(sniff(random)).toBe('binary');
    // Zeros on one side, but code units that are control characters: not text.
    expect(sniff(Buffer.from(Array.from({ length: 4000 }, (_, i) => (i % 2 ? 0 : i % 7 + 1))))).toBe('binary');
  });
});
