import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { seedToDocx } from './docx.js';
import { seedToHtml } from './html.js';
import { garbageTextPdf, imageOnlyPdf, nonEmbeddedCjkPdf } from './pdfWriter.js';
import { readSeed } from './seed.js';
import { zipBombDocx } from './zipWriter.js';

// Builds fixtures/formats/ (run once, commit the output; tests need no LibreOffice):
//   npx vite-node scripts/make-fixtures/main.ts
// Needs LibreOffice (soffice), qpdf and iconv:
//   apt-get install -y libreoffice-writer-nogui fonts-noto-cjk qpdf

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '../..');
const OUT = join(ROOT, 'fixtures/formats');
const BAD = join(OUT, 'bad');
const SEEDS = [
  { id: '000', file: '000_3c8f4dc52bde6ae2.txt', title: '石柱县2025年优化营商环境“五提升 两完善”专项行动工作方案' },
  { id: '001', file: '001_84376561f74c53d5.txt', title: '奉节县打造营商环境最优县三年行动方案（2022-2024年）' },
];

function soffice(input: string, target: string, outdir: string, n: number): Promise<void> {
  // Each soffice needs its own profile, or parallel runs block on the shared one.
  const profile = mkdtempSync(join(tmpdir(), `lo-${n}-`));
  return new Promise((ok, fail) => {
    const p = spawn('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', target, '--outdir', outdir, input], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    p.stderr.on('data', (d) => (err += d));
    p.on('close', (code) => {
      rmSync(profile, { recursive: true, force: true });
      code === 0 ? ok() : fail(new Error(`soffice ${target} ${input}: exit ${code}\n${err}`));
    });
  });
}

async function main(): Promise<void> {
  mkdirSync(BAD, { recursive: true });
  const conversions: Promise<void>[] = [];
  let n = 0;
  for (const s of SEEDS) {
    const seed = readSeed(join(ROOT, 'fixtures/seeds', s.file), s.id);
    const docx = join(OUT, `seed${s.id}.docx`);
    writeFileSync(docx, await seedToDocx(seed));
    conversions.push(soffice(docx, 'pdf:writer_pdf_Export', OUT, n++));
    conversions.push(soffice(docx, 'doc:MS Word 97', OUT, n++));
    writeFileSync(join(OUT, `seed${s.id}.html`), seedToHtml(seed, { title: s.title, charsetMeta: '<meta charset="utf-8">' }));
  }
  // A GBK page declaring its charset the old way (gb2312 in http-equiv, bytes in GBK).
  const seed001 = readSeed(join(ROOT, 'fixtures/seeds', SEEDS[1].file), '001');
  const gbkHtml = seedToHtml(seed001, { title: SEEDS[1].title, charsetMeta: '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">' });
  writeFileSync(join(OUT, 'seed001.gbk.html'), iconv(Buffer.from(gbkHtml), 'GBK'));
  // The seed text in GBK; a short text with characters outside GBK in GB18030.
  writeFileSync(join(OUT, 'seed000.gbk.txt'), iconv(readFileSync(join(ROOT, 'fixtures/seeds', SEEDS[0].file)), 'GBK'));
  writeFileSync(join(OUT, 'gb18030.txt'), iconv(Buffer.from(GB18030_TEXT), 'GB18030'));
  // notice-table.html is written by hand (a notice with its task table as web pages carry it: bare
  // text in the cells, a two-row header); saved as .doc, its rows' properties go to the Data stream.
  conversions.push(soffice(join(OUT, 'notice-table.html'), 'doc:MS Word 97', OUT, n++));
  // units-per-line.html is written by hand too: 责任单位 cells listing one unit per line (<br>, <p>);
  // each format keeps the lines apart its own way (Word paragraphs, PDF lines that stop short).
  for (const target of ['docx:MS Word 2007 XML', 'doc:MS Word 97', 'pdf:writer_pdf_Export']) {
    conversions.push(soffice(join(OUT, 'units-per-line.html'), target, OUT, n++));
  }
  // Chinese text in a non-embedded font: readable only with pdf.js's CMaps.
  writeFileSync(join(OUT, 'nonembedded-cjk.pdf'), nonEmbeddedCjkPdf(NON_EMBEDDED_TEXT));
  await Promise.all(conversions);

  // Bad inputs.
  const docx000 = readFileSync(join(OUT, 'seed000.docx'));
  writeFileSync(join(BAD, 'corrupt.docx'), docx000.subarray(0, Math.floor(docx000.length * 0.6)));
  writeFileSync(join(BAD, 'empty.docx'), Buffer.alloc(0));
  writeFileSync(join(BAD, 'zip-bomb.docx'), zipBombDocx(64));
  writeFileSync(join(BAD, 'download-error.pdf'), NOT_FOUND_PAGE);
  writeFileSync(join(BAD, 'garbage-text.pdf'), garbageTextPdf(24));
  writeFileSync(join(BAD, 'scanned.pdf'), imageOnlyPdf([await scanOf(join(OUT, 'seed000.pdf'), 3)]));
  // Encrypted: a user password is needed to open it. Owner-only encryption (restrictions,
  // no password to open) is common on government PDFs and must still be read.
  execFileSync('qpdf', ['--encrypt', 'secret', 'owner', '256', '--', join(OUT, 'nonembedded-cjk.pdf'), join(BAD, 'encrypted.pdf')]);
  execFileSync('qpdf', ['--encrypt', '', 'owner', '256', '--print=none', '--modify=none', '--', join(OUT, 'nonembedded-cjk.pdf'), join(OUT, 'owner-password.pdf')]);
  copyFileSync(join(OUT, 'seed000.html'), join(OUT, 'seed000-html-named.pdf'));
  console.log('fixtures written to', OUT);
}

function iconv(bytes: Buffer, to: string): Buffer {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: bytes });
}

/** Page `page` of a PDF rendered as a JPEG, as a scanner would produce. */
async function scanOf(pdf: string, page: number): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const { PDFParse } = await import('pdf-parse');
  const { createCanvas, loadImage } = await import('@napi-rs/canvas');
  const parser = new PDFParse({ data: new Uint8Array(readFileSync(pdf)) });
  const shot = await parser.getScreenshot({ partial: [page], scale: 1.1, imageDataUrl: false });
  await parser.destroy();
  const png = shot.pages[0].data;
  const img = await loadImage(Buffer.from(png));
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, img.width, img.height);
  ctx.drawImage(img, 0, 0);
  return { jpeg: await canvas.encode('jpeg', 60), width: img.width, height: img.height };
}

const GB18030_TEXT = [
  '关于做好𬌗病防治和䶮族文化保护工作的通知',
  '一、工作任务',
  '1. 开展口腔𬌗病筛查，覆盖率达到90%以上。（责任单位：县卫生健康委）',
  '2. 做好䶮族文化遗存调查，2025年底前完成。（责任单位：县文化旅游委）',
  '',
].join('\r\n');

const NON_EMBEDDED_TEXT = [
  '关于加强个人所得税纳税信用建设的通知',
  '一、总体要求',
  '各地区、各部门要以习近平新时代中国特色社会主义思想为指导，建立健全个人所得税纳税信用记录，完善守信激励与失信惩戒机制，有效引导纳税人诚信纳税。',
  '二、重点任务',
  '1. 全面实施个人所得税申报信用承诺制，2020年底前覆盖全部自行申报纳税人。（责任单位：税务总局）',
  '2. 建立健全个人所得税纳税信用记录，形成全国自然人纳税信用信息库。（责任单位：税务总局、国家发展改革委）',
];

const NOT_FOUND_PAGE = Buffer.from(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>404 Not Found</title></head>
<body><div class="header"><a href="/">首页</a> <a href="/zwgk/">政务公开</a></div>
<h1>404 Not Found</h1><p>您访问的页面不存在或已被删除。</p>
<div class="footer">主办单位：县人民政府办公室</div></body></html>
`);

await main();
