import { isTag, parsePlainXml, type XNode } from './dom.js';

// word/document.xml → the tree htmlToItems would get from mammoth's HTML, without
// mammoth. mammoth reads a whole .docx into its document model and writes HTML; for
// the text and table spans we read, that comes down to the rules below, taken from
// mammoth 1.x's body reader (lib/docx/body-reader.js) and HTML converter:
// - an element it has no reader for is dropped with its content (w:fldSimple, w:ruby…);
// - runs, hyperlinks, insertions, smart tags, content controls and alternate content
//   (its mc:Fallback) are read through; deletions and field instructions are not;
// - a line break (w:br without a type) ends a line, page and column breaks add nothing;
// - VML pictures' text boxes (w:pict) come after their paragraph; DrawingML (w:drawing)
//   gives images only;
// - table cells span w:gridSpan columns and the rows that continue their w:vMerge.
// The result is the same only for documents inside those rules, so anything else gives
// null and the caller converts with mammoth: note and comment references, symbols,
// checkbox content controls, deleted paragraph marks, a table holding anything but rows
// (or a row anything but cells), a paragraph inside a paragraph, characters an HTML
// parser would change, or namespaces bound to other prefixes than mammoth's.

/** mammoth's document model, reduced to what reaches the text. */
type Element =
  | { t: 'p'; children: Element[] }
  | { t: 'text'; value: string }
  | { t: 'tab' }
  | { t: 'br' }
  /** Bookmarks and images: no text, but they count as table content. */
  | { t: 'empty' }
  | { t: 'table'; rows: Element[] }
  | { t: 'row'; cells: Element[] }
  | { t: 'cell'; children: Element[]; colSpan: number; rowSpan: number; vMerge: boolean | null };

/** What the reader reached: the elements, and text boxes waiting for the end of their paragraph. */
interface Read { items: Element[]; extra: Element[] }

class Unsupported extends Error {}

/**
 * The namespaces of the elements read here, by the prefix mammoth gives them
 * (lib/docx/office-xml-reader.js). Names are compared as written, so these prefixes
 * must be bound to these namespaces, and these namespaces to no other prefix.
 */
const NAMESPACES: Record<string, string[]> = {
  w: ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'],
  mc: ['http://schemas.openxmlformats.org/markup-compatibility/2006'],
  v: ['urn:schemas-microsoft-com:vml'],
  wp: ['http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing', 'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing'],
};
const READ_URIS = new Set(Object.values(NAMESPACES).flat());

/** Read through: their content is read as if it stood in their place. */
const THROUGH = new Set([
  'w:r', 'w:hyperlink', 'w:customXml', 'w:ins', 'w:moveFromRangeEnd', 'w:moveFromRangeStart', 'w:moveTo',
  'w:moveToRangeEnd', 'w:moveToRangeStart', 'w:object', 'w:smartTag',
  'v:roundrect', 'v:shape', 'v:textbox', 'w:txbxContent', 'v:group', 'v:rect',
]);
/** mammoth converts these in ways not reproduced here. */
const UNSUPPORTED = new Set(['w:footnoteReference', 'w:endnoteReference', 'w:commentReference', 'w:sym']);
/** Text an HTML parser would change (CR, NUL, other controls). */
const CONTROL = /[\0-\x08\x0b-\x1f]/;

/**
 * The tree of word/document.xml's body as htmlToItems sees mammoth's HTML of it, with
 * `marker(text)` (called for every paragraph in mammoth's order, with its text) put in
 * front of the paragraph's text. Null when mammoth must convert the document.
 */
export function docxBodyTree(documentXml: string, marker: (text: string) => string | null): XNode | null {
  const doc = parsePlainXml(documentXml.charCodeAt(0) === 0xfeff ? documentXml.slice(1) : documentXml);
  const top = doc?.children?.find(isTag);
  if (!top) return null;
  const reader = new BodyReader(top.attribs ?? {});
  try {
    const body = reader.checked(top, true) && top.children?.find((c) => isTag(c) && c.name === 'w:body');
    if (!body || !reader.checked(body)) return null;
    const read = reader.read(body.children ?? [], false);
    // Text boxes outside any paragraph: mammoth has no place for them.
    if (read.extra.length) return null;
    for (const e of read.items) addMarkers(e, marker);
    return { type: 'root', children: read.items.flatMap(toHtml), parent: null };
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

class BodyReader {
  private readonly known = new Map<string, boolean>();

  constructor(private readonly rootAttribs: Record<string, string>) {}

  /**
   * The element's name means in mammoth what it means here (its prefix is bound, on the
   * root only, to the namespace mammoth gives that prefix); Unsupported otherwise.
   */
  checked(n: XNode, root = false): true {
    const name = n.name ?? '';
    let ok = this.known.get(name);
    if (ok === undefined) {
      const i = name.indexOf(':');
      const prefix = i > 0 ? name.slice(0, i) : '';
      const uri = this.rootAttribs[`xmlns:${prefix}`];
      ok = !!prefix && uri !== undefined && (NAMESPACES[prefix] ? NAMESPACES[prefix].includes(uri) : !READ_URIS.has(uri));
      this.known.set(name, ok);
    }
    if (!ok) throw new Unsupported();
    if (!root) for (const k in n.attribs) if (k.startsWith('xmlns')) throw new Unsupported();
    return true;
  }

  read(nodes: XNode[], inParagraph: boolean): Read {
    const out: Read = { items: [], extra: [] };
    for (const n of nodes) {
      if (isTag(n)) this.element(n, inParagraph, out);
    }
    return out;
  }

  private element(n: XNode, inParagraph: boolean, out: Read): void {
    this.checked(n);
    const name = n.name!;
    if (THROUGH.has(name)) return this.append(out, this.read(n.children ?? [], inParagraph));
    if (UNSUPPORTED.has(name)) throw new Unsupported();
    switch (name) {
      case 'w:p': {
        if (inParagraph) throw new Unsupported();
        const deleted = first(first(first(n, 'w:pPr'), 'w:rPr'), 'w:del');
        if (deleted) throw new Unsupported();
        const read = this.read(n.children ?? [], true);
        out.items.push({ t: 'p', children: read.items }, ...read.extra);
        return;
      }
      case 'w:t':
        out.items.push({ t: 'text', value: textOf(n) });
        return;
      case 'w:tab':
        out.items.push({ t: 'tab' });
        return;
      case 'w:noBreakHyphen':
        out.items.push({ t: 'text', value: '\u2011' });
        return;
      case 'w:softHyphen':
        out.items.push({ t: 'text', value: '\u00ad' });
        return;
      case 'w:br': {
        const type = n.attribs?.['w:type'];
        if (type === undefined || type === 'textWrapping') out.items.push({ t: 'br' });
        return;
      }
      case 'w:bookmarkStart':
        if (n.attribs?.['w:name'] !== '_GoBack') out.items.push({ t: 'empty' });
        return;
      case 'mc:AlternateContent':
        return this.append(out, this.read(first(n, 'mc:Fallback')?.children ?? [], inParagraph));
      case 'w:sdt': {
        const props = first(n, 'w:sdtPr');
        if (props?.children?.some((c) => isTag(c) && /(^|:)checkbox$/.test(c.name ?? ''))) throw new Unsupported();
        return this.append(out, this.read(first(n, 'w:sdtContent')?.children ?? [], inParagraph));
      }
      case 'w:drawing':
        // wp:inline / wp:anchor: their images only (no text), never their text boxes.
        for (const c of n.children ?? []) {
          if (isTag(c) && (c.name === 'wp:inline' || c.name === 'wp:anchor') && hasBlip(c)) out.items.push({ t: 'empty' });
        }
        return;
      case 'v:imagedata':
        if (n.attribs?.['r:id']) out.items.push({ t: 'empty' });
        return;
      case 'w:pict': {
        if (!inParagraph) throw new Unsupported();
        const read = this.read(n.children ?? [], false);
        out.extra.push(...read.items, ...read.extra);
        return;
      }
      case 'w:tbl': {
        if (inParagraph) throw new Unsupported();
        const read = this.read(n.children ?? [], false);
        out.extra.push(...read.extra);
        out.items.push({ t: 'table', rows: rowSpans(read.items) });
        return;
      }
      case 'w:tr': {
        if (first(first(n, 'w:trPr'), 'w:del')) return;
        const read = this.read(n.children ?? [], false);
        out.extra.push(...read.extra);
        if (read.items.some((c) => c.t !== 'cell')) throw new Unsupported();
        out.items.push({ t: 'row', cells: read.items });
        return;
      }
      case 'w:tc': {
        const props = first(n, 'w:tcPr');
        const gridSpan = first(props, 'w:gridSpan')?.attribs?.['w:val'];
        const read = this.read(n.children ?? [], false);
        out.extra.push(...read.extra);
        out.items.push({ t: 'cell', children: read.items, colSpan: gridSpan ? Number.parseInt(gridSpan, 10) : 1, rowSpan: 1, vMerge: vMerge(props) });
        return;
      }
      default:
        // mammoth ignores everything else (properties, proofing marks, fields, and elements it does not know).
    }
  }

  private append(out: Read, more: Read): void {
    for (const e of more.items) out.items.push(e);
    for (const e of more.extra) out.extra.push(e);
  }
}

function first(n: XNode | undefined, name: string): XNode | undefined {
  return n?.children?.find((c) => isTag(c) && c.name === name);
}

/** mammoth's element.text(): the one text child (it refuses anything else). */
function textOf(n: XNode): string {
  const kids = n.children ?? [];
  if (kids.length === 0) return '';
  if (kids.length !== 1 || kids[0].type !== 'text') throw new Unsupported();
  const value = kids[0].data ?? '';
  if (CONTROL.test(value)) throw new Unsupported();
  return value;
}

function hasBlip(n: XNode): boolean {
  return (n.children ?? []).some((c) => isTag(c) && (c.name === 'a:blip' || hasBlip(c)));
}

function vMerge(props: XNode | undefined): boolean | null {
  const el = first(props, 'w:vMerge');
  if (!el) return null;
  const val = el.attribs?.['w:val'];
  return val === 'continue' || !val;
}

/** mammoth's calculateRowSpans: a cell continuing a vertical merge widens the cell above it. */
function rowSpans(rows: Element[]): Element[] {
  // A table holding other content: mammoth keeps it inside <table>, where an HTML parser moves it.
  if (rows.some((r) => r.t !== 'row')) throw new Unsupported();
  const columns = new Map<number, Extract<Element, { t: 'cell' }>>();
  for (const row of rows as Extract<Element, { t: 'row' }>[]) {
    let index = 0;
    for (const cell of row.cells as Extract<Element, { t: 'cell' }>[]) {
      const above = columns.get(index);
      if (cell.vMerge && above) above.rowSpan++;
      else {
        columns.set(index, cell);
        cell.vMerge = false;
      }
      index += cell.colSpan;
    }
  }
  for (const row of rows as Extract<Element, { t: 'row' }>[]) row.cells = row.cells.filter((c) => !(c as { vMerge: boolean | null }).vMerge);
  return rows;
}

/** mammoth's transforms.paragraph: every paragraph, children before parents, in document order. */
function addMarkers(e: Element, marker: (text: string) => string | null): void {
  switch (e.t) {
    case 'p': {
      const m = marker(plainText(e.children));
      if (m) e.children.unshift({ t: 'text', value: m });
      return;
    }
    case 'table': for (const r of e.rows) addMarkers(r, marker); return;
    case 'row': for (const c of e.cells) addMarkers(c, marker); return;
    case 'cell': for (const c of e.children) addMarkers(c, marker); return;
    default:
  }
}

function plainText(children: Element[]): string {
  let s = '';
  for (const c of children) {
    if (c.t === 'text') s += c.value;
    else if (c.t === 'tab') s += '\t';
  }
  return s;
}

const tag = (name: string, children: XNode[], attribs: Record<string, string> = {}): XNode => ({ type: 'tag', name, attribs, children });

/** What mammoth's HTML of the element reads back as (formatting and links are inline and carry no text). */
function toHtml(e: Element): XNode[] {
  switch (e.t) {
    case 'p': return [tag('p', e.children.flatMap(toHtml))];
    case 'text': return e.value ? [{ type: 'text', data: e.value }] : [];
    case 'tab': return [{ type: 'text', data: '\t' }];
    case 'br': return [tag('br', [])];
    case 'empty': return [];
    case 'table': return [tag('table', e.rows.flatMap(toHtml))];
    case 'row': return [tag('tr', e.cells.flatMap(toHtml))];
    case 'cell': {
      const attribs: Record<string, string> = {};
      if (e.colSpan !== 1) attribs.colspan = String(e.colSpan);
      if (e.rowSpan !== 1) attribs.rowspan = String(e.rowSpan);
      return [tag('td', e.children.flatMap(toHtml), attribs)];
    }
  }
}
