import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeZip, minimalDocx } from '../../scripts/make-fixtures/zipWriter.js';
import { readDocx } from '../../src/read/docx.js';
import { docxBodyTree } from '../../src/read/docxBody.js';
import { listZip, readEntry } from '../../src/read/zip.js';
import { formats } from './helpers.js';

const docxFiles = ['seed000.docx', 'seed001.docx'];
const documentXml = (b: Buffer) => readEntry(b, listZip(b).find((e) => e.name === 'word/document.xml')!, 1e9).toString('utf8');

describe('docxBodyTree: the .docx read without mammoth', () => {
  for (const f of docxFiles) {
    it(`reads ${f} itself, into what mammoth's conversion gives`, async () => {
      const bytes = readFileSync(formats(f));
      expect(docxBodyTree(documentXml(bytes), () => null)).not.toBeNull();
      const direct = await readDocx(bytes, f);
      const viaMammoth = await readDocx(bytes, f, { mammoth: true });
      expect(direct).toEqual(viaMammoth);
    });
  }
});

// Documents made to exercise each of mammoth's reading rules that docxBodyTree follows.
const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:w10="urn:schemas-microsoft-com:office:word" xmlns:o="urn:schemas-microsoft-com:office:office"';

function docx(body: string, root = `<w:document ${NS}>`): Buffer {
  const base = minimalDocx('');
  const entries = listZip(base).map((e) => ({ name: e.name, data: readEntry(base, e, 1e9) }));
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${root}<w:body>${body}</w:body></w:document>`;
  return makeZip(entries.map((e) => (e.name === 'word/document.xml' ? { ...e, data: Buffer.from(xml) } : e)));
}

const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
const r = (inner: string) => `<w:r><w:rPr><w:b/></w:rPr>${inner}</w:r>`;
const t = (s: string) => r(`<w:t xml:space="preserve">${s}</w:t>`);
const tc = (inner: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${inner}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>${rows.join('')}</w:tbl>`;

const read: [string, string][] = [
  ['runs, tabs, hyphens, bookmarks and proofing marks', p('<w:bookmarkStart w:id="0" w:name="_GoBack"/>', t('一、总体'), '<w:proofErr w:type="spellStart"/>', r('<w:tab/><w:t>要求</w:t><w:noBreakHyphen/><w:softHyphen/>'), '<w:bookmarkEnd w:id="0"/><w:bookmarkStart w:id="1" w:name="a"/>', r('<w:lastRenderedPageBreak/><w:t>&amp;&lt;完成</w:t>'))],
  ['line, page, column and unknown breaks', p(t('第一行'), r('<w:br/>'), t('第二行'), r('<w:br w:type="textWrapping"/>'), t('第三行'), r('<w:br w:type="page"/>'), t('接续'), r('<w:br w:type="column"/><w:br w:type="foo"/>'), t('末尾'))],
  ['hyperlinks, smart tags, insertions, deletions and moves', p('<w:hyperlink w:anchor="x">' + t('链接') + '</w:hyperlink>', '<w:smartTag w:uri="u" w:element="e">' + t('智能') + '</w:smartTag>', '<w:customXml w:element="c">' + t('自定义') + '</w:customXml>', '<w:ins w:id="1" w:author="a">' + t('插入') + '</w:ins>', '<w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>', '<w:moveFrom>' + t('移出') + '</w:moveFrom>', '<w:moveTo>' + t('移入') + '</w:moveTo>')],
  ['complex fields: the result is read, the instruction is not; simple fields are dropped', p(r('<w:fldChar w:fldCharType="begin"/>'), r('<w:instrText xml:space="preserve"> HYPERLINK "http://x" </w:instrText>'), r('<w:fldChar w:fldCharType="separate"/>'), t('网址'), r('<w:fldChar w:fldCharType="end"/>'), t('页码'), r('<w:fldChar w:fldCharType="begin"/>'), r('<w:instrText>PAGE</w:instrText>'), r('<w:fldChar w:fldCharType="separate"/>'), t('3'), r('<w:fldChar w:fldCharType="end"/>'), '<w:fldSimple w:instr="PAGE">' + t('4') + '</w:fldSimple>', r('<w:fldChar w:fldCharType="end"/>'))],
  ['content controls, block and inline', '<w:sdt><w:sdtPr><w:alias w:val="目录"/></w:sdtPr><w:sdtContent>' + p(t('目录一')) + p('<w:sdt><w:sdtPr/><w:sdtContent>' + t('目录二') + '</w:sdtContent></w:sdt>') + '</w:sdtContent></w:sdt>'],
  ['alternate content: the fallback picture\'s text box comes after its paragraph', p(t('前文'), r('<mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic/></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>' + p(t('文本框内容')) + '</w:txbxContent></v:textbox><w10:wrap/><o:lock/></v:shape></w:pict></mc:Fallback></mc:AlternateContent>'), t('后文')) + p(t('下一段'))],
  ['drawings give no text, even their text boxes', p(t('图'), r('<w:drawing><wp:inline><a:graphic><a:graphicData><w:txbxContent>' + p(t('不读')) + '</w:txbxContent></a:graphicData></a:graphic></wp:inline></w:drawing>'), t('后'))],
  ['elements mammoth does not know are dropped with their text', p(t('前'), r('<w:ruby><w:rt>' + t('zhu') + '</w:rt><w:rubyBase>' + t('注') + '</w:rubyBase></w:ruby>'), '<w:bdo w:val="rtl">' + t('反') + '</w:bdo>', t('后')) + '<w:foo>' + p(t('未知')) + '</w:foo>'],
  ['text outside paragraphs, empty and blank paragraphs, line ends between Chinese characters', r('<w:t>正文外</w:t>') + p() + p(t('   ')) + p('<w:r><w:t/></w:r>') + p(t('甲\n乙 a\nb')) + p(t('丙'))],
  ['a task table: gridSpan, vMerge with and without a value, a deleted row, a header row, empty cells', tbl(
    `<w:tr><w:trPr><w:tblHeader/></w:trPr>${tc(p(t('序号')))}${tc(p(t('重点任务')), '<w:gridSpan w:val="2"/>')}${tc(p(t('责任单位')))}</w:tr>`,
    tr(tc(p(t('1')), '<w:vMerge w:val="restart"/>'), tc(p(t('任务甲'))), tc(p(t('措施一')) + p(t('措施二'))), tc(p(t('市发展改革委')), '<w:vMerge w:val="restart"/>')),
    `<w:tr><w:trPr><w:del w:id="9" w:author="a"/></w:trPr>${tc(p(t('删除的行')))}${tc('')}${tc('')}${tc('')}</w:tr>`,
    tr(tc(p(), '<w:vMerge/>'), tc(p(t('任务乙'))), tc(p()), tc(p(), '<w:vMerge w:val="continue"/>')),
    tr(tc(p(t('2'))), tc(p(t('任务丙')), '<w:gridSpan w:val="x"/>'), tc(p(t('措施三'))), tc(p(t('市财政局')))))],
  ['a layout table and a table nested in a cell', tbl(tr(tc(p(t('单行')) ), tc(p(t('布局'))))) + tbl(tr(tc(tbl(tr(tc(p(t('内'))), tc(p(t('层')))), tr(tc(p(t('表'))), tc(p(t('格')))))), tc(p(t('外')))), tr(tc(p(t('二'))), tc(p(t('行')))))],
  ['content controls around rows and cells', tbl('<w:sdt><w:sdtContent>' + tr(tc(p(t('甲'))), '<w:customXml>' + tc(p(t('乙'))) + '</w:customXml>') + '</w:sdtContent></w:sdt>', tr(tc(p(t('丙'))), tc(p(t('丁')))))],
];

const toMammoth: [string, string][] = [
  ['a footnote reference', p(t('正文'), r('<w:footnoteReference w:id="1"/>'))],
  ['an endnote reference', p(t('正文'), r('<w:endnoteReference w:id="1"/>'))],
  ['a comment reference', p(t('正文'), r('<w:commentReference w:id="1"/>'))],
  ['a symbol', p(t('正文'), r('<w:sym w:font="Wingdings" w:char="F0FC"/>'))],
  ['a checkbox content control', p('<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr><w:sdtContent>' + t('☐') + '</w:sdtContent></w:sdt>', t('同意'))],
  ['a deleted paragraph mark', '<w:p><w:pPr><w:rPr><w:del w:id="1" w:author="a"/></w:rPr></w:pPr>' + t('前半') + '</w:p>' + p(t('后半'))],
  ['a paragraph inside a paragraph', p(t('外'), '<w:r>' + p(t('内')) + '</w:r>')],
  ['a bookmark between table rows', tbl(tr(tc(p(t('甲'))), tc(p(t('乙')))), '<w:bookmarkStart w:id="1" w:name="b"/>', tr(tc(p(t('丙')), '<w:vMerge/>'), tc(p(t('丁')))))],
  ['a text box outside any paragraph', '<w:pict><v:textbox><w:txbxContent>' + p(t('框')) + '</w:txbxContent></v:textbox></w:pict>' + p(t('正文'))],
  ['a carriage return in text', p(t('甲\r乙'))],
  ['w:t with more than one text node', p(r('<w:t>甲<?pi x?>乙</w:t>'))],
  ['the main namespace under another prefix', p(t('甲')).replace(/w:/g, 'x:'), `<w:document ${NS} xmlns:x="http://schemas.openxmlformats.org/wordprocessingml/2006/main">`],
  ['a namespace declared below the root', `<w:p xmlns:q="urn:q">${t('甲')}</w:p>`],
].map(([name, body, root]) => [name, body, root] as [string, string]);

describe('docxBodyTree follows mammoth where it reads, and leaves the rest to it', () => {
  for (const [name, body] of read) {
    it(`reads: ${name}`, async () => {
      const bytes = docx(body);
      expect(docxBodyTree(documentXml(bytes), () => null)).not.toBeNull();
      expect(await readDocx(bytes, 'a.docx')).toEqual(await readDocx(bytes, 'a.docx', { mammoth: true }));
    });
  }
  for (const [name, body, root] of toMammoth as [string, string, string | undefined][]) {
    it(`gives to mammoth: ${name}`, async () => {
      const bytes = docx(body, root);
      expect(docxBodyTree(documentXml(bytes), () => null)).toBeNull();
    });
  }
});
