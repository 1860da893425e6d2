import {
  AlignmentType, BorderStyle, Document, Footer, Header, LevelFormat, LevelSuffix, Packer, PageNumber,
  Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import { listZip, readEntry } from '../../src/read/zip.js';
import type { ListKind, SeedDoc, SeedPara, SeedTable } from './seed.js';
import { makeZip } from './zipWriter.js';

// A seed as a real Word document: 一、 headings numbered through their paragraph
// style, （一） and 1. items through direct numbering (w:numPr), a task table with
// vMerge/gridSpan, a running header and a "— N —" page number in the footer.

const FONT = 'Noto Serif CJK SC';

function listSuffix(doc: SeedDoc): Record<ListKind, (typeof LevelSuffix)[keyof typeof LevelSuffix]> {
  // "1. 加强…" (a space after the marker) or "1.彻底…" (none), as printed in the seed.
  const l3 = doc.items.find((x): x is SeedPara => x.kind === 'para' && x.list?.kind === 'l3');
  return { l1: LevelSuffix.NOTHING, l2: LevelSuffix.NOTHING, l3: l3?.marker?.endsWith(' ') ? LevelSuffix.SPACE : LevelSuffix.NOTHING };
}

export async function seedToDocx(doc: SeedDoc): Promise<Buffer> {
  const suffix = listSuffix(doc);
  const children: (Paragraph | Table)[] = [];
  for (const item of doc.items) {
    if (item.kind === 'table') children.push(table(item));
    else children.push(paragraph(item));
  }
  const d = new Document({
    creator: 'policy-parse fixtures',
    styles: {
      default: { document: { run: { font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT }, size: 28 } } },
      paragraphStyles: [
        {
          // 一、 headings: the numbering comes from the style, not from the paragraph.
          id: 'PlanHeading1', name: 'Plan Heading 1', basedOn: 'Normal', quickFormat: true,
          run: { font: { ascii: FONT, eastAsia: FONT, hAnsi: FONT }, bold: true },
          paragraph: { numbering: { reference: 'l1', level: 0 } },
        },
      ],
    },
    numbering: { config: numberingConfig(doc, suffix) },
    sections: [{
      properties: { page: { margin: { top: 2000, bottom: 1800, left: 1600, right: 1500 } } },
      headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: doc.runningHeader, size: 18 })] })] }) },
      footers: {
        default: new Footer({
          children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 24 })] })],
        }),
      },
      children,
    }],
  });
  return withoutRedundantOverrides(await Packer.toBuffer(d));
}

/**
 * The docx package gives every list instance a w:startOverride, even the first one of
 * its definition. Word ignores it there, but LibreOffice then restarts the list at
 * each paragraph when it saves a .doc. Drop it from the first w:num of each w:abstractNum.
 */
function withoutRedundantOverrides(docx: Buffer): Buffer {
  const entries = listZip(docx).map((e) => ({ name: e.name, data: readEntry(docx, e, 64 * 1024 * 1024) }));
  const numbering = entries.find((e) => e.name === 'word/numbering.xml');
  if (!numbering) return docx;
  const seen = new Set<string>();
  numbering.data = Buffer.from(numbering.data.toString('utf8').replace(
    /<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="(\d+)"\/><\/w:lvlOverride><\/w:num>/g,
    (m, id: string, abstractId: string) => {
      if (seen.has(abstractId)) return m;
      seen.add(abstractId);
      return `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/></w:num>`;
    },
  ));
  return makeZip(entries);
}

const LEVEL = {
  l1: { format: LevelFormat.CHINESE_COUNTING, text: '%1、' },
  l2: { format: LevelFormat.CHINESE_COUNTING, text: '（%1）' },
  l3: { format: LevelFormat.DECIMAL, text: '%1.' },
} as const;

/**
 * One numbering definition per list (kind and instance): a list that restarts gets a
 * definition of its own rather than a w:startOverride, which LibreOffice does not
 * carry over to .doc faithfully (it restarts the list at every paragraph).
 */
const reference = (kind: ListKind, instance: number) => (instance === 0 ? kind : `${kind}-${instance}`);

function numberingConfig(doc: SeedDoc, suffix: ReturnType<typeof listSuffix>) {
  const refs = new Map<string, { kind: ListKind; start: number }>();
  for (const k of ['l1', 'l2', 'l3'] as const) refs.set(k, { kind: k, start: 1 });
  for (const x of doc.items) if (x.kind === 'para' && x.list) refs.set(reference(x.list.kind, x.list.instance), x.list);
  return [...refs].map(([ref, { kind, start }]) => ({
    reference: ref,
    levels: [{ level: 0, ...LEVEL[kind], start, suffix: suffix[kind], alignment: AlignmentType.LEFT }],
  }));
}

function paragraph(p: SeedPara): Paragraph {
  const indent = { firstLine: 560 };
  if (p.list?.kind === 'l1' && p.list.instance === 0) {
    return new Paragraph({ style: 'PlanHeading1', children: [new TextRun(p.text)] });
  }
  if (p.list) {
    return new Paragraph({
      numbering: { reference: reference(p.list.kind, p.list.instance), level: 0 },
      indent,
      children: [new TextRun(p.text)],
    });
  }
  return new Paragraph({ indent, children: [new TextRun(p.text)] });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border };

function table(t: SeedTable): Table {
  // Column widths (twips) for 5 or 6 columns: 序号 narrow, the measure wide.
  const widths = t.width === 6 ? [600, 1500, 3000, 1400, 1400, 1100] : t.width === 5 ? [600, 1600, 3800, 1700, 1300] : Array(t.width).fill(Math.floor(9000 / t.width));
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: t.rows.map((cells, r) => new TableRow({
      tableHeader: r === 0,
      cantSplit: false,
      children: cells.map((c) => new TableCell({
        borders,
        columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
        rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
        children: [new Paragraph({
          alignment: r === 0 ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text: c.text, size: 21, bold: r === 0 || c.colSpan === t.width })],
        })],
      })),
    })),
  });
}
