// Fuzz cases for the batch command: a fixed seed gives the same files every
// time. Used by test/batch/fuzz.test.ts (a few hundred) and scripts/fuzz.ts
// (thousands). Sources are the fixtures (fixtures/formats, fixtures/corpus,
// fixtures/seeds); when a binary format is missing there, a minimal valid
// file is built here so the mutations still have something to bite on.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { makeZip } from './make-fixtures/zipWriter.js';

export interface FuzzCase {
  name: string;
  kind: string;
  bytes: Buffer;
}

/** mulberry32: small, fast, good enough for reproducible fuzzing. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Sources {
  docx: Buffer[];
  pdf: Buffer[];
  doc: Buffer[];
  html: Buffer[];
  txt: Buffer[];
}

/**
 * Load the fixtures by format (each format gets at least one sample). `maxBytes`
 * keeps the light run (npm test) off the large PDFs, which take seconds each.
 */
export function loadSources(root: string, maxBytes = 2_000_000): Sources {
  const s: Sources = { docx: [], pdf: [], doc: [], html: [], txt: [] };
  for (const dir of ['fixtures/formats', 'fixtures/corpus', 'fixtures/seeds']) {
    const abs = join(root, dir);
    if (!existsSync(abs)) continue;
    for (const name of readdirSync(abs).sort()) {
      const ext = extname(name).slice(1).toLowerCase() as keyof Sources;
      if (!(ext in s)) continue;
      const bytes = readFileSync(join(abs, name));
      if (bytes.length > 0 && bytes.length <= maxBytes) s[ext].push(bytes);
    }
  }
  const text = s.txt[0]?.toString('utf8') ?? '关于加强工作的通知\n一、加强组织领导。（市发展改革委负责）\n';
  if (!s.docx.length) s.docx.push(minimalDocx(text.slice(0, 3000)));
  if (!s.pdf.length) s.pdf.push(minimalPdf('Notice on strengthening the work. 1. Lead: the municipal commission.'));
  if (!s.doc.length) s.doc.push(minimalOle2());
  if (!s.html.length) s.html.push(Buffer.from(`<!doctype html><html><body><p>${text.slice(0, 3000).split('\n').join('</p><p>')}</p></body></html>`));
  return s;
}

/** `count` cases from `seed`. Sizes stay moderate unless `heavy` (scripts/fuzz.ts --heavy). */
export function makeCases(sources: Sources, count: number, seed: number, heavy = false): FuzzCase[] {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: T[]): T => xs[int(xs.length)];
  const text = Buffer.concat(sources.txt).toString('utf8');
  const kinds: [string, number, () => { ext: string; bytes: Buffer }][] = [
    ['truncated', 22, () => {
      const ext = pick(['docx', 'pdf', 'doc'] as const);
      const src = pick(sources[ext]);
      return { ext, bytes: src.subarray(0, int(src.length)) };
    }],
    ['bitflip', 22, () => {
      const ext = pick(['docx', 'pdf', 'doc', 'html'] as const);
      const b = Buffer.from(pick(sources[ext]));
      const flips = 1 + int(r() < 0.5 ? 4 : 64);
      for (let i = 0; i < flips; i++) b[int(b.length)] ^= 1 << int(8);
      return { ext, bytes: b };
    }],
    ['random-bytes', 10, () => {
      const n = int(r() < 0.3 ? 64 : 65536);
      const b = Buffer.alloc(n);
      for (let i = 0; i < n; i++) b[i] = int(256);
      return { ext: pick(['txt', 'docx', 'pdf', 'doc', 'html']), bytes: b };
    }],
    ['magic-then-junk', 8, () => {
      const magic = pick([Buffer.from('PK\x03\x04'), Buffer.from('%PDF-1.7\n'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('<html>')]);
      const junk = Buffer.alloc(int(20000));
      for (let i = 0; i < junk.length; i++) junk[i] = int(256);
      return { ext: pick(['docx', 'pdf', 'doc', 'html']), bytes: Buffer.concat([magic, junk]) };
    }],
    ['empty', 3, () => ({ ext: pick(['txt', 'docx', 'pdf', 'doc', 'html']), bytes: Buffer.alloc(0) })],
    ['huge-line', 4, () => {
      const line = text.replace(/\s+/g, '');
      const size = heavy ? 2_000_000 + int(6_000_000) : 50_000 + int(250_000);
      let s = line;
      while (Buffer.byteLength(s) < size) s += line;
      return { ext: 'txt', bytes: Buffer.from(s.slice(0, Math.floor(size / 3))) };
    }],
    ['many-short-lines', 3, () => {
      const n = heavy ? 100_000 + int(300_000) : 2_000 + int(6_000);
      return { ext: 'txt', bytes: Buffer.from(Array.from({ length: n }, (_, i) => `${i + 1}、加强${i}。`).join('\n')) };
    }],
    ['nested-html', 5, () => {
      const depth = heavy ? 2000 + int(60_000) : 200 + int(2500);
      const tag = pick(['div', 'span', 'table><tr><td', 'ul><li', 'p']);
      const closing = r() < 0.5;
      const open = `<${tag}>`.repeat(depth);
      const close = closing ? tag.split('><').reverse().map((t) => `</${t.split(' ')[0]}>`).join('').repeat(depth) : '';
      return { ext: 'html', bytes: Buffer.from(`<!doctype html><html><body>${open}一、加强组织领导。（市发展改革委负责）${close}</body></html>`) };
    }],
    ['text-mutation', 10, () => {
      const b = Buffer.from(pick(sources.txt));
      const edits = 1 + int(50);
      for (let i = 0; i < edits; i++) b[int(b.length)] = int(256); // broken UTF-8 sequences
      return { ext: 'txt', bytes: b };
    }],
    ['docx-bad-xml', 6, () => {
      const body = pick([
        '<w:document><w:body>' + '<w:p>'.repeat(heavy ? 50_000 : 1000 + int(4000)) + '</w:body></w:document>',
        '<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p><w:r><w:t>未闭合',
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document>&b;</w:document>',
        Buffer.from(Array.from({ length: 3000 }, () => int(256))).toString('latin1'),
      ]);
      return { ext: 'docx', bytes: docxWith(body) };
    }],
    ['wrong-extension', 4, () => {
      const from = pick(['docx', 'pdf', 'doc', 'html', 'txt'] as const);
      const to = pick(['docx', 'pdf', 'doc', 'html', 'txt'].filter((e) => e !== from));
      return { ext: to, bytes: pick(sources[from]) };
    }],
    ['fixture', 3, () => {
      const ext = pick(['docx', 'pdf', 'doc', 'html', 'txt'] as const);
      return { ext, bytes: pick(sources[ext]) };
    }],
  ];
  const totalWeight = kinds.reduce((s, k) => s + k[1], 0);
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    let x = r() * totalWeight;
    let k = kinds[0];
    for (const kind of kinds) {
      if ((x -= kind[1]) < 0) { k = kind; break; }
    }
    const { ext, bytes } = k[2]();
    cases.push({ name: `case-${String(i).padStart(5, '0')}-${k[0]}.${ext}`, kind: k[0], bytes });
  }
  return cases;
}

// ---- minimal files ---------------------------------------------------------

/** A ZIP of the given entries (the fixtures' ZIP writer). */
export function zip(entries: [string, Buffer][]): Buffer {
  return makeZip(entries.map(([name, data]) => ({ name, data })));
}

function docxWith(documentXml: string): Buffer {
  return zip([
    ['[Content_Types].xml', Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')],
    ['_rels/.rels', Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')],
    ['word/document.xml', Buffer.from(documentXml)],
  ]);
}

export function minimalDocx(text: string): Buffer {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const paras = text.split('\n').map((l) => `<w:p><w:r><w:t xml:space="preserve">${esc(l)}</w:t></w:r></w:p>`).join('');
  return docxWith(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paras}</w:body></w:document>`);
}

/** A one-page PDF with Latin text and a correct xref table. */
export function minimalPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '\\$&')}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${o}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** An OLE2 header followed by zeros: enough for the sniffer, not a readable .doc. */
export function minimalOle2(): Buffer {
  const b = Buffer.alloc(4096);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b);
  return b;
}
