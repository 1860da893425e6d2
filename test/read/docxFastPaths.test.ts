import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as cheerio from 'cheerio';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { makeZip, minimalDocx } from '../../scripts/make-fixtures/zipWriter.js';
import { readDocx } from '../../src/read/docx.js';
import { streamParagraphs, treeParagraphs } from '../../src/read/docxNumbering.js';
import { parseMammothHtml, parsePlainXml, type XNode } from '../../src/read/dom.js';
import { listZip, plainZip, readEntry } from '../../src/read/zip.js';
import { expectInputError, formats } from './helpers.js';

// The .docx reader's shortcuts must give exactly what the general path gives:
// parsePlainXml = cheerio's XML mode, parseMammothHtml = cheerio's parse5 on mammoth's
// HTML, and mammoth reading the parts we inflated = mammoth opening the ZIP itself.

const require = createRequire(import.meta.url);
const JSZip = require('jszip') as { loadAsync(b: Buffer): Promise<{ files: Record<string, { dir: boolean }> }> };

/** A tree as plain data: node types, names, attributes in order, text, children. */
function shape(n: XNode): unknown {
  const o: Record<string, unknown> = { t: n.type };
  if (n.type === 'text' || n.type === 'directive') o.d = n.data;
  if (n.type !== 'text' && n.name !== undefined) o.n = n.name;
  if (n.attribs) o.a = Object.entries(n.attribs);
  if (n.children && n.type !== 'directive') o.c = n.children.map(shape);
  return o;
}
const cheerioXml = (xml: string) => shape(cheerio.load(xml, { xml: true }).root()[0] as unknown as XNode);
const cheerioHtml = (html: string) => shape(cheerio.load(`<body>${html}</body>`).root()[0] as unknown as XNode);

/** The fast parser reads `input` (does not give up) into the tree the library builds. */
function expectSameTree(fast: (s: string) => XNode | null, reference: (s: string) => unknown, input: string): void {
  const tree = fast(input);
  expect(tree, input.slice(0, 200)).not.toBeNull();
  expect(shape(tree!)).toEqual(reference(input));
}

const fixtures = ['seed000.docx', 'seed001.docx'].map((f) => readFileSync(formats(f)));
const xmlParts = fixtures.flatMap((b) => listZip(b).filter((e) => /\.(xml|rels)$/.test(e.name)).map((e) => readEntry(b, e, 1e9).toString('utf8')));

/** mulberry32 */
function rng(seed: number): (n: number) => number {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

describe('parsePlainXml: the tree of cheerio XML mode, or null', () => {
  it('gives the same tree for every XML part of the .docx fixtures', () => {
    expect(xmlParts.length).toBeGreaterThan(10);
    for (const xml of xmlParts) {
      expectSameTree(parsePlainXml, cheerioXml, xml);
    }
  });

  it('decodes entities and references, keeps the first of repeated attributes, reads processing instructions', () => {
    for (const xml of [
      '\ufeff<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document a="1"><w:t xml:space="preserve"> a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#65;&#x4e2d;&#x1F600;</w:t></w:document>',
      "<a x='1' y = \"2>3\" x=\"dup\"><b/><b  /><c\n  k=\"&amp;&#10;\"\n/>text<?pi data?></a>tail",
      '<r><w:p><w:r><w:t>一</w:t></w:r><w:r><w:tab/><w:t>二</w:t></w:r></w:p></r>',
    ]) {
      expectSameTree(parsePlainXml, cheerioXml, xml);
    }
  });

  it('leaves comments, CDATA, DOCTYPE, odd references and unbalanced markup to cheerio', () => {
    for (const xml of [
      '<a><!-- c --></a>', '<a><![CDATA[x]]></a>', '<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', '<a>&nbsp;</a>', '<a>&#0;</a>',
      '<a>&#X41;</a>', '<a>&#x80;</a>', '<a>& b</a>', '<a><b></a>', '<a>', '</a>', '<a b></a>', '<a b=c></a>', '<a/ >', '<1a/>', '<a b="1"c="2"/>',
    ]) expect(parsePlainXml(xml), xml).toBeNull();
  });

  it('agrees with cheerio on random mutations of the fixtures (whenever it does not give up)', () => {
    const r = rng(7);
    const pieces = ['<', '>', '/', '&amp;', '&#65;', '&', '"', "'", ' ', '\n', '<a>', '</a>', '<a/>', '<!-- c -->', '<?pi x?>', '=', 'x="1"', '中', '<w:t>', '</w:t>', '&apos;'];
    let agreed = 0;
    for (let k = 0; k < 1500; k++) {
      const base = xmlParts[r(xmlParts.length)];
      const from = r(Math.max(1, base.length - 2000));
      let xml = base.slice(from, from + 2000);
      for (let q = 0; q <= r(3); q++) {
        const at = r(xml.length + 1);
        xml = xml.slice(0, at) + pieces[r(pieces.length)] + xml.slice(at + r(3));
      }
      const fast = parsePlainXml(xml);
      if (!fast) continue;
      expect(shape(fast), xml).toEqual(cheerioXml(xml));
      agreed++;
    }
    expect(agreed).toBeGreaterThan(100);
  });
});

describe('streamParagraphs: what the numbering reads of each paragraph, without a tree', () => {
  const documents = fixtures.map((b) => readEntry(b, listZip(b).find((e) => e.name === 'word/document.xml')!, 1e9).toString('utf8'));
  const same = (xml: string) => {
    const streamed = streamParagraphs(xml);
    const tree = parsePlainXml(xml);
    expect(streamed === null, xml).toBe(tree === null);
    if (streamed && tree) expect(streamed, xml).toEqual(treeParagraphs(tree));
    return streamed;
  };

  it('agrees with the tree walk on the fixtures', () => {
    for (const xml of documents) expect(same(xml)!.length).toBeGreaterThan(100);
  });

  it('agrees on text boxes, alternate content, deletions, field codes, tabs, repeated properties, no body', () => {
    for (const xml of [
      '<w:document><w:body><w:p><w:pPr><w:pStyle w:val="H1"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/><w:numId w:val="4"/></w:numPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr><w:pPr><w:pStyle w:val="X"/></w:pPr><w:r><w:t>一、</w:t><w:tab/><w:t xml:space="preserve"> 总体 </w:t></w:r></w:p></w:body></w:document>',
      '<w:body><w:p><w:r><mc:AlternateContent><mc:Choice><w:p><w:r><w:t>框</w:t></w:r></w:p></mc:Choice><mc:Fallback><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent><w:t>外</w:t></w:r></w:p></w:body>',
      '<w:body><w:p><w:del><w:r><w:t>删</w:t></w:r></w:del><w:r><w:instrText>PAGE</w:instrText><w:t>留<w:p><w:t>内</w:t></w:p></w:t></w:r></w:p><x:Choice><w:p><w:t>x</w:t></w:p></x:Choice></w:body>',
      '<w:document><w:p><w:t>无正文</w:t></w:p><mc:Choice><w:p/></mc:Choice></w:document>',
      '<mc:Choice><w:body><w:p><w:t>a</w:t></w:p></w:body></mc:Choice><w:body><w:p><w:t>b</w:t></w:p></w:body>',
      '<w:p><w:pPr><w:numPr><w:numId/><w:ilvl val="2"/></w:numPr><w:pStyle/></w:pPr><w:tab><w:t>不算</w:t></w:tab></w:p>',
    ]) expect(same(xml)!.length).toBeGreaterThan(0);
  });

  it('agrees on random nestings of the elements it looks at', () => {
    const r = rng(5);
    const names = ['w:p', 'w:r', 'w:t', 'w:tab', 'w:pPr', 'w:numPr', 'w:numId', 'w:ilvl', 'w:pStyle', 'mc:Choice', 'x:Choice', 'mc:Fallback', 'w:del', 'w:instrText', 'w:body', 'p', 't', 'w:txbxContent'];
    const gen = (depth: number): string => {
      let s = '';
      for (let k = r(5); k >= 0; k--) {
        if (depth > 6 || r(10) < 3) { s += ['一', 'a b', ' ', '&amp;', 'x\ty'][r(5)]; continue; }
        const n = names[r(names.length)];
        const a = ['', ` w:val="${r(5)}"`, ' val="v"', ' w:val="a" val="b"'][r(4)];
        s += r(5) === 0 ? `<${n}${a}/>` : `<${n}${a}>${gen(depth + 1)}</${n}>`;
      }
      return s;
    };
    for (let k = 0; k < 3000; k++) same(gen(0));
  });
});

describe('parseMammothHtml: the tree parse5 builds from mammoth\'s HTML, or null', () => {
  it('gives the same tree for mammoth\'s HTML of the fixtures', async () => {
    for (const b of fixtures) {
      const { value } = await mammoth.convertToHtml({ buffer: b });
      expectSameTree(parseMammothHtml, cheerioHtml, value);
    }
  });

  it('inserts the <tbody> parse5 adds, keeps nested lists and tables, decodes mammoth\'s escapes', () => {
    for (const html of [
      '<table><tr><td colspan="2">a</td></tr><tr><td>b</td><td><table><tr><td>c</td></tr></table></td></tr></table>',
      '<table><thead><tr><th>h</th></tr></thead><tbody><tr><td><p>x</p><p>y</p></td></tr></tbody></table>',
      '<ol><li>一<ol><li>二<br />三</li></ol></li></ol><p><strong><em>a &amp; b &lt;c&gt;</em></strong><a href="#x&amp;y">link</a><img src="" /></p>',
      '<h1>t</h1><dl><dt id="c">c</dt><dd><p>note</p></dd></dl><p><sup><a href="#n1" id="r1">[1]</a></sup></p>',
      '',
    ]) {
      expectSameTree(parseMammothHtml, cheerioHtml, html);
    }
  });

  it('gives up where parse5 would restructure', () => {
    for (const html of [
      '<p>a<p>b</p></p>', '<p><table><tr><td>x</td></tr></table></p>', '<a href="1"><a href="2">x</a></a>', '<table>text<tr><td>x</td></tr></table>',
      '<table><td>x</td></table>', '<ul>x<li>y</li></ul>', '<li>x</li>', '<p/>', '<p>a\r\nb</p>', '<p>&nbsp;</p>', '<P>x</P>', '<p>x', '</p>', '<strong><p>x</p></strong>',
      '<div><li>x</li></div>', '<hr />', '<p class=x>y</p>',
    ]) expect(parseMammothHtml(html), html).toBeNull();
  });

  it('agrees with parse5 on random nestings (whenever it does not give up)', () => {
    const r = rng(11);
    const tags = ['p', 'h2', 'strong', 'em', 'a', 'sup', 'ul', 'ol', 'li', 'table', 'tr', 'td', 'th', 'tbody', 'div', 'br', 'img', 's'];
    const texts = ['中文', 'a', ' ', '&amp;', '&lt;x&gt;', '\n', 'x y'];
    const gen = (depth: number): string => {
      let s = '';
      for (let k = r(4); k >= 0; k--) {
        if (depth > 4 || r(3) === 0) { s += texts[r(texts.length)]; continue; }
        const t = tags[r(tags.length)];
        const at = r(3) === 0 ? ' id="x"' : '';
        s += t === 'br' || t === 'img' ? `<${t}${at} />` : `<${t}${at}>${gen(depth + 1)}</${t}>`;
      }
      return s;
    };
    let agreed = 0;
    for (let k = 0; k < 4000; k++) {
      const html = gen(0);
      const fast = parseMammothHtml(html);
      if (!fast) continue;
      expect(shape(fast), html).toEqual(cheerioHtml(html));
      agreed++;
    }
    expect(agreed).toBeGreaterThan(300);
  });
});

describe('mammoth reading the parts already inflated', () => {
  it('the fixtures are plain ZIPs, listed by JSZip exactly as by listZip', async () => {
    for (const b of fixtures) {
      expect(plainZip(b)).toBe(true);
      const zip = await JSZip.loadAsync(b);
      expect(Object.keys(zip.files).sort()).toEqual(listZip(b).map((e) => e.name).sort());
    }
  });

  it('is not used for archives JSZip could read differently', () => {
    const doc = readFileSync(formats('seed000.docx'));
    const prepended = Buffer.concat([Buffer.from('junk'), doc]);
    expect(plainZip(prepended)).toBe(false);
    const entries = listZip(doc).map((e) => ({ name: e.name, data: readEntry(doc, e, 1e9) }));
    expect(plainZip(makeZip(entries))).toBe(true);
    expect(plainZip(makeZip([...entries, { name: 'word/média.png', data: Buffer.from('x') }]))).toBe(false);
    expect(plainZip(makeZip([...entries, { name: 'word/./a.xml', data: Buffer.from('<a/>') }]))).toBe(false);
    expect(plainZip(makeZip([...entries, { name: entries[0].name, data: entries[0].data }]))).toBe(false);
    expect(plainZip(makeZip([...entries, { name: '__proto__', data: Buffer.from('x') }]))).toBe(false);
    const bad = makeZip(entries);
    bad.writeUInt16LE(12, bad.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10); // bzip2 in the central directory
    expect(plainZip(bad)).toBe(false);
  });

  it('gives the same document as mammoth opening the package itself', async () => {
    for (const b of fixtures) {
      const entries = listZip(b).map((e) => ({ name: e.name, data: readEntry(b, e, 1e9) }));
      // A non-ASCII entry name makes the archive not plain: mammoth then unzips it itself.
      const unzippedByMammoth = makeZip([...entries, { name: '附件.txt', data: Buffer.from('x') }]);
      expect(plainZip(unzippedByMammoth)).toBe(false);
      expect(await readDocx(b, 'a.docx')).toEqual(await readDocx(unzippedByMammoth, 'a.docx'));
    }
  });

  it('lets mammoth read its embedded style map from the package', async () => {
    const styleMap = { name: 'mammoth/style-map', data: Buffer.from("p => h3:fresh") };
    const body = '<w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p>';
    const plain = minimalDocx(body, [styleMap]);
    expect(plainZip(plain)).toBe(true);
    const viaJszip = minimalDocx(body, [styleMap, { name: '附件.txt', data: Buffer.from('x') }]);
    expect(await readDocx(plain, 'a.docx')).toEqual(await readDocx(viaJszip, 'a.docx'));
  });

  it('a part whose size the headers misstate fails as it did when mammoth unzipped it', async () => {
    const doc = readFileSync(formats('seed000.docx'));
    const entries = listZip(doc).map((e) => ({ name: e.name, data: readEntry(doc, e, 1e9) }));
    const lying = makeZip(entries.map((e) => (e.name === 'word/document.xml' ? { ...e, declaredSize: e.data.length + 1 } : e)));
    expect(plainZip(lying)).toBe(true);
    await expectInputError(readDocx(lying, 'a.docx'), 'a.docx', /^not a valid \.docx \(Bug : uncompressed data size mismatch\)$/);
  });
});
