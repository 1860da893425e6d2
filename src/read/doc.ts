import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import { assemble, expandSpans, joinCellParagraphs, joinText, type Item } from './assemble.js';
import { NFC_TO_FORMAT, NumberingCounter, type LevelDef, type ListRef } from './numbering.js';
import type { ReadDocument } from './types.js';

// .doc (Word 97–2003) with word-extractor, which reads the OLE container, the piece
// table and deleted text. Its getBody() flattens what this reader needs: where table
// rows end, which cells are merged, and the automatic list numbers (一、 （一） 1.)
// that exist only as list definitions. So the paragraph properties (PAPX) are read
// here: sprmPFInTable/sprmPFTtp for tables, sprmTDefTable for cell widths and merges,
// sprmPIlfo/sprmPIlvl (and the style's) with the LST/LFO tables for list markers.
//
// word-extractor 1.0.4's own paragraph pass crashes on files Writer saves (it reads
// sprmTDefTable's 2-byte length as 1 byte); the subclass replaces it with a
// bounds-checked one that keeps its only effect (row ends become line breaks).

const require = createRequire(import.meta.url);

interface Piece { startCp: number; endCp: number; startFilePos: number; endFilePos: number; bpc: number; text: string }
interface OleExtractor {
  _pieces: Piece[];
  _boundaries: { ccpText: number };
  extract(reader: unknown): Promise<{ getBody(o?: { filterUnicode?: boolean }): string }>;
}
interface OleDocument { stream(name: string): unknown }
type OleExtractorClass = new () => OleExtractor & {
  writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void;
  documentStream(document: OleDocument, streamName: string): Promise<unknown>;
  streamBuffer(stream: unknown): Promise<Buffer>;
};

const WordOleExtractor = require('word-extractor/lib/word-ole-extractor.js') as OleExtractorClass;
const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (b: Buffer) => { open(): Promise<void> };

// word-extractor follows a sector chain until it ends or points at itself; a damaged file whose chain
// loops through two or more sectors grows that array until V8 aborts the whole process (a batch
// included: nodejs/node#47224). The same walk, stopping at a sector seen before or outside the table.
const AllocationTable = require('word-extractor/lib/ole-allocation-table.js') as { prototype: { _table: number[]; getSecIdChain(start: number): number[] } };
AllocationTable.prototype.getSecIdChain = function getSecIdChain(this: { _table: number[] }, start: number): number[] {
  const chain: number[] = [];
  const seen = new Set<number>();
  for (let secId = start; secId > -1; secId = this._table[secId]) {
    if (seen.has(secId) || secId >= this._table.length) throw new Error(`broken sector chain at sector ${secId}`);
    seen.add(secId);
    chain.push(secId);
  }
  return chain;
};

/** One paragraph's properties from its PAPX. */
interface ParaProps {
  fcStart: number;
  fcEnd: number;
  istd: number;
  ilfo?: number;
  ilvl?: number;
  inTable: boolean;
  ttp: boolean;
  /** From sprmTDefTable on a row end: cell boundaries (twips) and merge flags. */
  row?: { centers: number[]; vertMerge: number[]; horzMerge: number[] };
}

class Extractor extends WordOleExtractor {
  paragraphs: ParaProps[] = [];
  /** The Data stream, where a paragraph's properties go when they are too large for its page (sprmPHugePapx). */
  data: Buffer | null = null;
  lists: { lfo: (ListRef | null)[] } | null = null;
  styles = new Map<number, { base: number; ilfo?: number; ilvl?: number }>();
  failure: string | null = null;

  // The table stream is read just before the paragraph properties: read the Data stream (if
  // any) first, so that they can be looked up there.
  documentStream(document: OleDocument, streamName: string): Promise<unknown> {
    if (streamName !== '0Table' && streamName !== '1Table') return super.documentStream(document, streamName);
    return Promise.resolve()
      .then(() => document.stream('Data'))
      .then((stream) => (stream ? this.streamBuffer(stream) : null))
      .then((data) => { this.data = data; }, () => { this.data = null; })
      .then(() => super.documentStream(document, streamName));
  }

  writeParagraphProperties(buffer: Buffer, tableBuffer: Buffer): void {
    try {
      this.paragraphs = readPapx(buffer, tableBuffer, this.data);
    } catch (e) {
      this.failure = (e as Error).message;
      this.paragraphs = [];
      // word-extractor's own pass (row ends become line breaks in getBody()), for the fallback.
      try { super.writeParagraphProperties(buffer, tableBuffer); } catch { /* rows stay unmarked */ }
      return;
    }
    try { this.styles = readStyles(buffer, tableBuffer); } catch { this.styles = new Map(); }
    try { this.lists = readLists(buffer, tableBuffer); } catch { this.lists = null; }
  }
}

export async function readDoc(bytes: Uint8Array, name: string): Promise<ReadDocument> {
  const extractor = new Extractor();
  const reader = new BufferReader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  let body: string;
  try {
    await reader.open();
    const doc = await extractor.extract(reader);
    body = doc.getBody({ filterUnicode: false });
  } catch (e) {
    throw new InputError(name, `not a valid .doc (${oneLine((e as Error).message)})`);
  }
  const notes: ReadDocument['notes'] = [];
  let items: Item[];
  if (extractor.paragraphs.length) {
    const { items: structured, markers } = structure(extractor);
    items = structured;
    if (markers) notes.push({ code: 'numbering-restored', message: `${markers} automatic list markers restored from the list tables`, line: null });
  } else {
    // The paragraph properties could not be read: fall back to getBody(), rows as "cell\t…\t" lines.
    if (extractor.failure) notes.push({ code: 'doc-layout-unavailable', message: `paragraph properties unreadable (${extractor.failure}); tables rebuilt from tab-separated lines`, line: null });
    items = fromBody(body);
  }
  const { blocks, text } = assemble(items);
  if (!blocks.length) throw new InputError(name, 'the .doc has no text');
  return { format: 'doc', encoding: null, blocks, notes, text };
}

// ---------------------------------------------------------------- document structure

/** Paragraphs in CP order with their properties → items (paragraphs, tables with spans, list markers). */
function structure(ex: Extractor): { items: Item[]; markers: number } {
  const pieces = ex._pieces;
  const end = ex._boundaries.ccpText;
  const runs = [...ex.paragraphs].sort((a, b) => a.fcStart - b.fcStart);
  const propsAt = (cp: number): ParaProps | undefined => {
    const piece = pieces.find((p) => cp >= p.startCp && cp < p.endCp);
    if (!piece) return undefined;
    const fc = piece.startFilePos + (cp - piece.startCp) * piece.bpc;
    let lo = 0, hi = runs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (runs[mid].fcEnd <= fc) lo = mid + 1;
      else if (runs[mid].fcStart > fc) hi = mid - 1;
      else return runs[mid];
    }
    return undefined;
  };
  const raw = textRange(pieces, 0, end);
  const counter = new NumberingCounter();
  let markers = 0;
  // Field codes ({ PAGE }, { TOC … }) keep their result and lose their instruction.
  const fields: ('instr' | 'result')[] = [];
  const items: Item[] = [];
  let row: { text: string }[] = [];
  let cell = '';
  let table: { cells: string[]; props?: ParaProps }[] = [];
  const flushTable = () => {
    // Cells whose row end was not recognised still form a row: their text is never dropped.
    if (row.length) table.push({ cells: row.map((c) => c.text) });
    row = [];
    if (table.length) items.push({ kind: 'table', rows: tableGrid(table) });
    table = [];
  };
  let para = '';
  let instr = 0; // fields in `fields` whose instruction is being read
  let from = 0; // start of the ordinary characters not yet added to `para`
  for (let cp = 0; cp < raw.length; cp++) {
    const c = raw.charCodeAt(cp);
    if (c !== 0x13 && c !== 0x14 && c !== 0x15 && c !== 0x0d && c !== 0x07) continue;
    // The ordinary characters since the last special one, unless inside a field's instruction.
    if (!instr && from < cp) para += raw.slice(from, cp);
    from = cp + 1;
    if (c === 0x13) { fields.push('instr'); instr++; continue; }
    if (c === 0x14) {
      if (fields.length) {
        if (fields[fields.length - 1] === 'instr') instr--;
        fields[fields.length - 1] = 'result';
      }
      continue;
    }
    if (c === 0x15) { if (fields.pop() === 'instr') instr--; continue; }
    const ch = raw[cp];
    // A paragraph (or the last paragraph of a cell, or a row) ends here; its mark carries its properties.
    const props = propsAt(cp);
    const marker = props && !props.ttp ? listMarker(ex, props, counter) : null;
    if (marker) markers++;
    const text = (marker ?? '') + cleanChars(para);
    para = '';
    if (ch === '\x07' && props?.ttp) {
      table.push({ cells: row.map((c) => c.text), props });
      row = [];
      cell = '';
      continue;
    }
    if (ch === '\x07') {
      row.push({ text: joinLines(cell, text) });
      cell = '';
      continue;
    }
    if (props?.inTable) {
      cell = joinLines(cell, text);
      continue;
    }
    flushTable();
    for (const line of text.split('\n')) if (line.trim()) items.push({ kind: 'para', text: line });
  }
  flushTable();
  return { items, markers };
}

/** A cell's paragraphs and line breaks joined into one line (as in the other readers). */
const joinLines = (cell: string, text: string) => text.split('\n').reduce((acc, l) => joinCellParagraphs(acc, l.trim()), cell);

function listMarker(ex: Extractor, props: ParaProps, counter: NumberingCounter): string | null {
  if (!ex.lists) return null;
  let ilfo = props.ilfo;
  let ilvl = props.ilvl;
  // Numbering from the paragraph style (and the styles it is based on).
  const seen = new Set<number>();
  for (let istd = props.istd; (ilfo === undefined || ilvl === undefined) && ex.styles.has(istd) && !seen.has(istd);) {
    seen.add(istd);
    const s = ex.styles.get(istd)!;
    ilfo ??= s.ilfo;
    ilvl ??= s.ilvl;
    istd = s.base;
  }
  if (!ilfo || ilfo < 0) return null;
  const ref = ex.lists.lfo[ilfo - 1];
  if (!ref) return null;
  return counter.next(ref, Math.min(8, ilvl ?? 0));
}

/** Characters of a paragraph's text: Word's special characters to text. */
function cleanChars(s: string): string {
  // Nothing to do without control characters (\n included).
  if (!/[\x00-\x1f]/.test(s)) return s;
  return s
    .replace(/[\x0b\x0c\x0e]/g, '\n') // manual line break, page break, column break
    .replace(/\x1e/g, '-') // non-breaking hyphen
    .replace(/\x1f/g, '') // optional hyphen
    .replace(/[\x00-\x08\x10-\x1d]/g, '')
    .replace(/[ \t]+\n|\n[ \t]+/g, '\n');
}

/**
 * Rows of cell texts with their row-end properties → full grid. Column spans come
 * from the cells' boundaries (rgdxaCenter) against all boundaries of the table;
 * a cell marked as continuing a vertical merge repeats the cell above.
 */
function tableGrid(rows: { cells: string[]; props?: ParaProps }[]) {
  const bounds: number[] = [];
  for (const r of rows) for (const x of r.props?.row?.centers ?? []) if (!bounds.some((b) => Math.abs(b - x) <= 20)) bounds.push(x);
  bounds.sort((a, b) => a - b);
  const col = (x: number) => bounds.findIndex((b) => Math.abs(b - x) <= 20);
  const spanned: { text: string; rowSpan: number; colSpan: number }[][] = [];
  // Column (grid index) → the cell currently merged downwards there.
  const open = new Map<number, { text: string; rowSpan: number; colSpan: number }>();
  for (const r of rows) {
    const def = r.props?.row;
    const out: { text: string; rowSpan: number; colSpan: number }[] = [];
    for (let i = 0; i < r.cells.length; i++) {
      const text = r.cells[i];
      let colSpan = 1;
      let start = -1;
      if (def && def.centers.length === r.cells.length + 1) {
        start = col(def.centers[i]);
        const stop = col(def.centers[i + 1]);
        if (start >= 0 && stop > start) colSpan = stop - start;
      }
      if (def?.horzMerge[i] === 1 && out.length) { out[out.length - 1].colSpan += colSpan; continue; }
      const vm = def?.vertMerge[i] ?? 0;
      const above = start >= 0 ? open.get(start) : undefined;
      if (vm === 1 && above && !text) { above.rowSpan++; continue; }
      const c = { text, rowSpan: 1, colSpan };
      out.push(c);
      if (start >= 0) { if (vm === 3) open.set(start, c); else open.delete(start); }
    }
    spanned.push(out);
  }
  return expandSpans(spanned);
}

/** Without paragraph properties: lines ending in a tab are table rows (cells separated by tabs). */
function fromBody(body: string): Item[] {
  const items: Item[] = [];
  let rows: { text: string }[][] = [];
  const flush = () => {
    if (rows.length) items.push({ kind: 'table', rows: expandSpans(rows.map((r) => r.map((c) => ({ text: c.text, rowSpan: 1, colSpan: 1 })))) });
    rows = [];
  };
  for (const line of body.split('\n')) {
    if (line.endsWith('\t')) { rows.push(line.slice(0, -1).split('\t').map((text) => ({ text }))); continue; }
    flush();
    if (line.trim()) items.push({ kind: 'para', text: line });
  }
  flush();
  return items;
}

function textRange(pieces: Piece[], start: number, end: number): string {
  let s = '';
  for (const p of pieces) {
    if (p.endCp <= start || p.startCp >= end) continue;
    s += p.text.slice(Math.max(0, start - p.startCp), Math.min(p.text.length, end - p.startCp));
  }
  return s;
}

// ---------------------------------------------------------------- binary structures (MS-DOC)

/** FibRgFcLcb97 entry i: [fc, lcb] (the array starts at 0x9A in the WordDocument stream). */
function fcLcb(buffer: Buffer, i: number): [number, number] {
  const at = 0x9a + i * 8;
  if (at + 8 > buffer.length) return [0, 0];
  return [buffer.readUInt32LE(at), buffer.readUInt32LE(at + 4)];
}

const FIB_STSHF = 1, FIB_PLCFBTEPAPX = 13, FIB_PLFLST = 73, FIB_PLFLFO = 74;

const sprmPIlvl = 0x260a, sprmPIlfo = 0x460b, sprmPFInTable = 0x2416, sprmPFTtp = 0x2417, sprmTDefTable = 0xd608, sprmPHugePapx = 0x6646;

/** Walk a grpprl: each sprm with its operand, lengths from the sprm's spra (bounds-checked). */
function* sprms(b: Buffer, start: number, end: number): Generator<{ sprm: number; at: number; len: number }> {
  let p = start;
  while (p + 2 <= end) {
    const sprm = b.readUInt16LE(p);
    p += 2;
    const spra = sprm >> 13;
    let len: number;
    let at = p;
    if (sprm === sprmTDefTable || sprm === 0xd606) {
      // 2-byte length (the size of the rest, plus one).
      if (p + 2 > end) return;
      len = b.readUInt16LE(p) - 1;
      at = p + 2;
      p = at + len;
    } else if (spra === 6) {
      if (p + 1 > end) return;
      len = b[p];
      at = p + 1;
      p = at + len;
    } else {
      len = [1, 1, 2, 4, 2, 2, 0, 3][spra];
      p += len;
    }
    if (p > end || len < 0) return;
    yield { sprm, at, len };
  }
}

function readPapx(buffer: Buffer, table: Buffer, data: Buffer | null): ParaProps[] {
  const [fc, lcb] = fcLcb(buffer, FIB_PLCFBTEPAPX);
  if (!lcb || fc + lcb > table.length) throw new Error('no paragraph property table');
  const n = (lcb - 4) / 8;
  const out: ParaProps[] = [];
  for (let i = 0; i < n; i++) {
    const pn = table.readUInt32LE(fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    const page = pn * 512;
    if (page + 512 > buffer.length) continue;
    const crun = buffer[page + 511];
    for (let j = 0; j < crun; j++) {
      const fcStart = buffer.readUInt32LE(page + j * 4);
      const fcEnd = buffer.readUInt32LE(page + (j + 1) * 4);
      const bOffset = buffer[page + (crun + 1) * 4 + j * 13] * 2;
      const props: ParaProps = { fcStart, fcEnd, istd: 0, inTable: false, ttp: false };
      out.push(props);
      if (!bOffset) continue;
      let cb = buffer[page + bOffset];
      let start = page + bOffset + 1;
      if (cb === 0) { cb = buffer[page + bOffset + 1]; start++; cb *= 2; } else cb = cb * 2 - 1;
      const end = Math.min(start + cb, page + 511);
      if (start + 2 > end) continue;
      props.istd = buffer.readUInt16LE(start);
      for (const s of sprms(buffer, start + 2, end)) {
        if (s.sprm === sprmPHugePapx && data && s.len === 4) {
          // The properties are in the Data stream: a 2-byte size, then the sprms (a table row end
          // with many cells, as Writer saves it).
          const at = buffer.readUInt32LE(s.at);
          if (at + 2 > data.length) continue;
          const stop = Math.min(at + 2 + data.readUInt16LE(at), data.length);
          for (const h of sprms(data, at + 2, stop)) applySprm(props, data, h);
        } else applySprm(props, buffer, s);
      }
    }
  }
  return out;
}

function applySprm(props: { ilfo?: number; ilvl?: number; inTable?: boolean; ttp?: boolean; row?: ParaProps['row'] }, b: Buffer, s: { sprm: number; at: number; len: number }): void {
  switch (s.sprm) {
    case sprmPIlfo: props.ilfo = b.readInt16LE(s.at); break;
    case sprmPIlvl: props.ilvl = b[s.at]; break;
    case sprmPFInTable: props.inTable = b[s.at] !== 0; break;
    case sprmPFTtp: props.ttp = b[s.at] !== 0; break;
    case sprmTDefTable: {
      const itcMac = b[s.at];
      const centers: number[] = [];
      for (let k = 0; k <= itcMac; k++) centers.push(b.readInt16LE(s.at + 1 + k * 2));
      const vertMerge: number[] = [], horzMerge: number[] = [];
      const tcStart = s.at + 1 + (itcMac + 1) * 2;
      for (let k = 0; k < itcMac; k++) {
        const at = tcStart + k * 20;
        if (at + 2 > s.at + s.len) { vertMerge.push(0); horzMerge.push(0); continue; }
        const grf = b.readUInt16LE(at);
        horzMerge.push(grf & 0x3);
        vertMerge.push((grf >> 5) & 0x3);
      }
      props.row = { centers, vertMerge, horzMerge };
      break;
    }
  }
}

/** Paragraph styles' list numbering (sprmPIlfo/sprmPIlvl in their UPX) and base styles. */
function readStyles(buffer: Buffer, table: Buffer): Map<number, { base: number; ilfo?: number; ilvl?: number }> {
  const styles = new Map<number, { base: number; ilfo?: number; ilvl?: number }>();
  const [fc, lcb] = fcLcb(buffer, FIB_STSHF);
  if (!lcb || fc + lcb > table.length) return styles;
  const cbStshi = table.readUInt16LE(fc);
  const cstd = table.readUInt16LE(fc + 2);
  const cbBase = table.readUInt16LE(fc + 4);
  let p = fc + 2 + cbStshi;
  const end = fc + lcb;
  for (let istd = 0; istd < cstd && p + 2 <= end; istd++) {
    const cbStd = table.readUInt16LE(p);
    const std = p + 2;
    p = std + cbStd;
    if (!cbStd) continue;
    const stk = table.readUInt16LE(std + 2) & 0xf;
    const base = table.readUInt16LE(std + 2) >> 4;
    if (stk !== 1) continue; // paragraph styles only
    let q = std + cbBase;
    const cch = table.readUInt16LE(q);
    q += 2 + cch * 2 + 2; // name, then its terminating null
    // First UPX of a paragraph style: its paragraph properties (istd + grpprl).
    const cbUpx = table.readUInt16LE(q);
    const upx = q + 2;
    const entry: { base: number; ilfo?: number; ilvl?: number } = { base };
    if (cbUpx >= 2 && upx + cbUpx <= p) for (const s of sprms(table, upx + 2, upx + cbUpx)) applySprm(entry, table, s);
    styles.set(istd, entry);
  }
  return styles;
}

/** The list definitions (LST) and list instances (LFO) → one ListRef per LFO (ilfo − 1). */
function readLists(buffer: Buffer, table: Buffer): { lfo: (ListRef | null)[] } | null {
  const [fcLst, lcbLst] = fcLcb(buffer, FIB_PLFLST);
  const [fcLfo, lcbLfo] = fcLcb(buffer, FIB_PLFLFO);
  if (!lcbLst || !lcbLfo) return null;
  const cLst = table.readInt16LE(fcLst);
  const lists = new Map<number, (LevelDef | undefined)[]>();
  let lvlAt = fcLst + 2 + cLst * 28;
  const lsids: { lsid: number; simple: boolean }[] = [];
  for (let i = 0; i < cLst; i++) {
    const at = fcLst + 2 + i * 28;
    lsids.push({ lsid: table.readInt32LE(at), simple: (table[at + 26] & 1) === 1 });
  }
  for (const { lsid, simple } of lsids) {
    const levels: (LevelDef | undefined)[] = [];
    for (let l = 0; l < (simple ? 1 : 9); l++) {
      const { level, next } = readLvl(table, lvlAt);
      levels.push(level);
      lvlAt = next;
    }
    lists.set(lsid, levels);
  }
  const lfoMac = table.readInt32LE(fcLfo);
  const lfos: { lsid: number; clfolvl: number }[] = [];
  for (let i = 0; i < lfoMac; i++) {
    const at = fcLfo + 4 + i * 16;
    lfos.push({ lsid: table.readInt32LE(at), clfolvl: table[at + 12] });
  }
  let p = fcLfo + 4 + lfoMac * 16;
  const refs: (ListRef | null)[] = [];
  lfos.forEach((lfo, i) => {
    const base = lists.get(lfo.lsid);
    const levels = base ? [...base] : [];
    const startOverride: (number | undefined)[] = [];
    p += 4; // LFOData.cp
    for (let k = 0; k < lfo.clfolvl && p + 8 <= table.length; k++) {
      const iStartAt = table.readInt32LE(p);
      const flags = table.readUInt32LE(p + 4);
      p += 8;
      const ilvl = flags & 0xf;
      if (flags & 0x10) startOverride[ilvl] = iStartAt;
      if (flags & 0x20) {
        const { level, next } = readLvl(table, p);
        levels[ilvl] = level;
        p = next;
      }
    }
    refs.push(base ? { list: `lst${lfo.lsid}`, instance: `lfo${i + 1}`, levels, startOverride } : null);
  });
  return { lfo: refs };
}

function readLvl(b: Buffer, at: number): { level: LevelDef; next: number } {
  const iStartAt = b.readInt32LE(at);
  const nfc = b[at + 4];
  const flags = b[at + 5];
  const ixchFollow = b[at + 15];
  const cbChpx = b[at + 24];
  const cbPapx = b[at + 25];
  let p = at + 28 + cbPapx + cbChpx;
  const cch = b.readUInt16LE(p);
  p += 2;
  let text = '';
  for (let k = 0; k < cch; k++) {
    const code = b.readUInt16LE(p + k * 2);
    text += code < 9 ? `%${code + 1}` : String.fromCharCode(code);
  }
  p += cch * 2;
  return {
    level: {
      start: iStartAt,
      format: NFC_TO_FORMAT[nfc] ?? 'decimal',
      text,
      suffix: ixchFollow === 1 ? 'space' : ixchFollow === 2 ? 'nothing' : 'tab',
      legal: (flags & 0x4) !== 0,
      restart: (flags & 0x8) !== 0 ? 0 : undefined,
    },
    next: p,
  };
}

const oneLine = (s: string) => s.split('\n')[0].slice(0, 200);
