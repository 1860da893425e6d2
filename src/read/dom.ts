import { createRequire } from 'node:module';
import type * as Cheerio from 'cheerio';

// cheerio (and the HTTP client it brings) is loaded only when a document needs it: most
// .docx and all .txt/.pdf/.doc inputs never do.
const require = createRequire(import.meta.url);
let cheerioModule: typeof Cheerio | null = null;
const cheerio = (): typeof Cheerio => (cheerioModule ??= require('cheerio') as typeof Cheerio);

// A minimal view of the DOM cheerio builds (domhandler nodes), enough to walk it
// without depending on domhandler's types.

export interface XNode {
  type: string; // 'tag' | 'text' | 'script' | 'style' | 'comment' | 'root' | 'cdata' | 'directive'
  name?: string;
  attribs?: Record<string, string>;
  children?: XNode[];
  data?: string;
  parent?: XNode | null;
}

export function parseXml(xml: string): XNode {
  return parsePlainXml(xml) ?? (cheerio().load(xml, { xml: true }).root()[0] as unknown as XNode);
}

/** The attributes of the tag being opened: `attribs()` builds them; call it during open() only. */
export interface OpenTag {
  attribs(): Record<string, string>;
}

/** What scanPlainXml reports, in document order. */
export interface XmlSink {
  open(name: string, tag: OpenTag): void;
  /** Closes the element opened last (a self-closing tag is an open and a close). */
  close(): void;
  text(data: string): void;
  instruction(name: string, data: string): void;
}

/**
 * The tree cheerio's XML mode builds, for XML made of elements, quoted attributes, text,
 * the five predefined entities, character references and processing instructions (the
 * parts of a .docx): one pass, no tokenizer callbacks. Returns null for anything else
 * (comments, CDATA, DOCTYPE, unbalanced or unusual markup), which parseXml gives to cheerio.
 */
export function parsePlainXml(xml: string): XNode | null {
  const builder = new TreeBuilder();
  return scanPlainXml(xml, builder) ? builder.root : null;
}

// The sinks and the scanner's state are classes, not closures made per call: V8 keeps
// optimised code only while a function object holds it, and a batch worker would
// otherwise optimise them anew after each full collection.
class TreeBuilder implements XmlSink {
  readonly root: XNode = { type: 'root', children: [], parent: null };
  private parent = this.root;

  open(name: string, tag: OpenTag): void {
    const el: XNode = { type: 'tag', name, attribs: tag.attribs(), children: [], parent: this.parent };
    this.parent.children!.push(el);
    this.parent = el;
  }

  close(): void { this.parent = this.parent.parent!; }

  text(data: string): void { this.parent.children!.push({ type: 'text', data, parent: this.parent }); }

  instruction(name: string, data: string): void { this.parent.children!.push({ type: 'directive', name, data, parent: this.parent }); }
}

/** The scanner's text decoding, and the attributes of the tag being read. */
class ScanState implements OpenTag {
  // The next "&" at or after the text being decoded (searched once, not for every text).
  amp: number;
  // The current tag's attributes: [name start, name end, value start, value end] each, and
  // the decoded value of those with references (made into an object only when asked for).
  readonly spans: number[] = [];
  readonly decoded: (string | undefined)[] = [];
  count = 0;

  constructor(private readonly xml: string) {
    this.amp = xml.indexOf('&');
  }

  decode(start: number, end: number): string | null {
    const xml = this.xml;
    if (this.amp >= 0 && this.amp < start) this.amp = xml.indexOf('&', start);
    if (this.amp < 0 || this.amp >= end) return xml.slice(start, end);
    const out = decodeXmlText(xml, start, end, this.amp);
    this.amp = xml.indexOf('&', end);
    return out;
  }

  attribs(): Record<string, string> {
    const { xml, spans, decoded } = this;
    const out: Record<string, string> = {};
    for (let k = 0; k < this.count; k++) {
      const attrName = xml.slice(spans[4 * k], spans[4 * k + 1]);
      // The first of repeated attributes counts.
      if (!Object.prototype.hasOwnProperty.call(out, attrName)) out[attrName] = decoded[k] ?? xml.slice(spans[4 * k + 2], spans[4 * k + 3]);
    }
    return out;
  }
}

/**
 * Reads plain XML (see parsePlainXml) into `sink`, as cheerio's XML mode would see it.
 * Returns false, having stopped part-way, when the XML is not plain.
 */
export function scanPlainXml(xml: string, sink: XmlSink): boolean {
  const open: string[] = [];
  const len = xml.length;
  let i = 0;
  const state = new ScanState(xml);
  const { spans, decoded } = state;
  let count = 0;
  while (i < len) {
    const lt = xml.indexOf('<', i);
    const end = lt < 0 ? len : lt;
    if (end > i) {
      const data = state.decode(i, end);
      if (data === null) return false;
      sink.text(data);
    }
    if (lt < 0) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 0x2f) {
      // </name>
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0 || !open.length) return false;
      let nameEnd = gt;
      while (nameEnd > lt + 2 && isXmlSpace(xml.charCodeAt(nameEnd - 1))) nameEnd--;
      const name = open[open.length - 1];
      if (nameEnd - (lt + 2) !== name.length || !xml.startsWith(name, lt + 2)) return false;
      open.pop();
      sink.close();
      i = gt + 1;
      continue;
    }
    if (c === 0x3f) {
      // <?target …> (htmlparser2 ends a processing instruction at the first ">")
      const gt = xml.indexOf('>', lt + 2);
      if (gt < 0) return false;
      const value = xml.slice(lt + 2, gt);
      const m = /\s|\//.exec(value);
      sink.instruction(`?${m ? value.slice(0, m.index) : value}`, `?${value}`);
      i = gt + 1;
      continue;
    }
    // <name attr="value" …> or <name …/>
    let j = lt + 1;
    if (!isNameStart(c)) return false;
    while (j < len && isNameChar(xml.charCodeAt(j))) j++;
    const name = xml.slice(lt + 1, j);
    count = 0;
    let closed = false;
    for (;;) {
      if (j >= len) return false;
      let ch = xml.charCodeAt(j);
      if (ch === 0x3e) { j++; break; }
      if (ch === 0x2f) {
        if (xml.charCodeAt(j + 1) !== 0x3e) return false;
        j += 2;
        closed = true;
        break;
      }
      if (!isXmlSpace(ch)) return false;
      while (j < len && isXmlSpace(xml.charCodeAt(j))) j++;
      ch = xml.charCodeAt(j);
      if (ch === 0x3e || ch === 0x2f) continue;
      if (!isNameStart(ch)) return false;
      const a = j;
      while (j < len && isNameChar(xml.charCodeAt(j))) j++;
      const nameEnd = j;
      if (j - a === 9 && xml.startsWith('__proto__', a)) return false;
      while (j < len && isXmlSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 0x3d) return false;
      j++;
      while (j < len && isXmlSpace(xml.charCodeAt(j))) j++;
      const q = xml.charCodeAt(j);
      if (q !== 0x22 && q !== 0x27) return false;
      const close = xml.indexOf(q === 0x22 ? '"' : "'", j + 1);
      if (close < 0) return false;
      if (state.amp >= 0 && state.amp <= j) state.amp = xml.indexOf('&', j + 1);
      let value: string | undefined;
      if (state.amp >= 0 && state.amp < close) {
        const v = state.decode(j + 1, close);
        if (v === null) return false;
        value = v;
      }
      spans[4 * count] = a;
      spans[4 * count + 1] = nameEnd;
      spans[4 * count + 2] = j + 1;
      spans[4 * count + 3] = close;
      decoded[count++] = value;
      j = close + 1;
      const after = xml.charCodeAt(j);
      if (after !== 0x3e && after !== 0x2f && !isXmlSpace(after)) return false;
    }
    state.count = count;
    sink.open(name, state);
    if (closed) sink.close();
    else open.push(name);
    i = j;
  }
  return open.length === 0;
}

const isXmlSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;
// ASCII names only (letters, digits, "_", "-", ".", ":"); anything else goes to cheerio.
const isNameStart = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
const isNameChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === 0x2d || c === 0x2e || c === 0x3a;

/** Text or an attribute value with its entities decoded; null for a "&" that is not a plain reference. */
function decodeXmlText(s: string, start: number, end: number, first: number): string | null {
  let amp = first;
  let out = '';
  let from = start;
  while (amp >= 0 && amp < end) {
    out += s.slice(from, amp);
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0 || semi >= end || semi - amp > 12) return null;
    const ref = s.slice(amp + 1, semi);
    if (ref === 'amp') out += '&';
    else if (ref === 'lt') out += '<';
    else if (ref === 'gt') out += '>';
    else if (ref === 'quot') out += '"';
    else if (ref === 'apos') out += "'";
    else {
      const cp = /^#[0-9]{1,7}$/.test(ref) ? Number.parseInt(ref.slice(1), 10)
        : /^#x[0-9A-Fa-f]{1,6}$/.test(ref) ? Number.parseInt(ref.slice(2), 16) : -1;
      // Only code points no decoder rewrites (not NUL, C1 controls, surrogates, beyond U+10FFFF).
      if (!(cp === 0x09 || cp === 0x0a || cp === 0x0d || (cp >= 0x20 && cp < 0x7f) || (cp >= 0xa0 && cp < 0xd800)
        || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff))) return null;
      out += String.fromCodePoint(cp);
    }
    from = semi + 1;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from, end);
}

export function parseHtml(html: string): { $: Cheerio.CheerioAPI; root: XNode } {
  const $ = cheerio().load(html);
  return { $, root: $.root()[0] as unknown as XNode };
}

/** Element name without its namespace prefix ("w:p" → "p"). */
export const localName = (n: XNode): string => {
  const name = n.name ?? '';
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
};

/** localName(n) === local, without making the string. */
export function hasLocalName(n: XNode, local: string): boolean {
  const name = n.name ?? '';
  const i = name.indexOf(':');
  return i < 0 ? name === local : name.length - i - 1 === local.length && name.startsWith(local, i + 1);
}

export const isTag = (n: XNode): boolean => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/** An attribute by local name ("w:val" or "val"). */
export function attr(n: XNode | undefined, local: string): string | undefined {
  const attribs = n?.attribs;
  if (!attribs) return undefined;
  if (local in attribs) return attribs[local];
  for (const k in attribs) {
    if (!Object.prototype.hasOwnProperty.call(attribs, k)) continue;
    const i = k.indexOf(':');
    if (i >= 0 && k.length - i - 1 === local.length && k.startsWith(local, i + 1)) return attribs[k];
  }
  return undefined;
}

export function childrenNamed(n: XNode | undefined, local: string): XNode[] {
  const out: XNode[] = [];
  for (const c of n?.children ?? []) if (isTag(c) && hasLocalName(c, local)) out.push(c);
  return out;
}

export function child(n: XNode | undefined, local: string): XNode | undefined {
  const children = n?.children;
  if (!children) return undefined;
  for (const c of children) if (isTag(c) && hasLocalName(c, local)) return c;
  return undefined;
}

/** All descendants with this local name, in document order. */
export function descendants(n: XNode, local: string, out: XNode[] = []): XNode[] {
  for (const c of n.children ?? []) {
    if (!isTag(c)) continue;
    if (hasLocalName(c, local)) out.push(c);
    descendants(c, local, out);
  }
  return out;
}

/** The first descendant with this local name in document order (descendants(n, local)[0]). */
export function firstDescendant(n: XNode, local: string): XNode | undefined {
  for (const c of n.children ?? []) {
    if (!isTag(c)) continue;
    if (hasLocalName(c, local)) return c;
    const d = firstDescendant(c, local);
    if (d) return d;
  }
  return undefined;
}

// mammoth's HTML (a fixed writer: lowercase tags, double-quoted attributes, & < > " escaped,
// void elements self-closed) read without an HTML5 parser when it is nested the way parse5
// would keep it: blocks in blocks, phrasing in paragraphs, rows in tables. Anything that
// parse5 would restructure (a paragraph inside a paragraph, a link in a link, text between
// table rows, an unknown tag…) returns null, and the caller uses parseHtml.
const H_PHRASING = new Set(['a', 'b', 'i', 'u', 's', 'em', 'strong', 'sup', 'sub', 'span', 'small', 'code', 'mark', 'del', 'ins', 'strike']);
const H_VOID = new Set(['br', 'img', 'input']);
const H_TEXT_BLOCK = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const H_FLOW = new Set(['body', 'li', 'dd', 'dt', 'td', 'th', 'div', 'blockquote']);
const H_IN_FLOW = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'blockquote', 'ul', 'ol', 'dl', 'table']);
const H_CHILDREN: Record<string, Set<string>> = {
  ul: new Set(['li']),
  ol: new Set(['li']),
  dl: new Set(['dt', 'dd']),
  table: new Set(['thead', 'tbody', 'tfoot', 'tr']),
  thead: new Set(['tr']),
  tbody: new Set(['tr']),
  tfoot: new Set(['tr']),
  tr: new Set(['td', 'th']),
};

/**
 * The tree cheerio (parse5) builds for `<body>${html}</body>` when `html` is plain mammoth
 * output; null otherwise.
 */
export function parseMammothHtml(html: string): XNode | null {
  if (html.includes('\r') || html.includes('\0')) return null;
  const element = (name: string, parent: XNode): XNode => {
    const n: XNode = { type: 'tag', name, attribs: Object.create(null) as Record<string, string>, children: [], parent };
    parent.children!.push(n);
    return n;
  };
  const root: XNode = { type: 'root', children: [], parent: null };
  const top = element('html', root);
  element('head', top);
  const body = element('body', top);
  const stack: XNode[] = [body];
  let parent = body;
  const implicit = new Set<XNode>(); // the <tbody> parse5 inserts for rows written straight into <table>
  let links = 0; // open <a> elements
  const len = html.length;
  let i = 0;
  let amp = html.indexOf('&');
  const decode = (start: number, end: number): string | null => {
    if (amp >= 0 && amp < start) amp = html.indexOf('&', start);
    if (amp < 0 || amp >= end) return html.slice(start, end);
    const out = decodeHtmlText(html, start, end, amp);
    amp = html.indexOf('&', end);
    return out;
  };
  while (i < len) {
    const lt = html.indexOf('<', i);
    const end = lt < 0 ? len : lt;
    if (end > i) {
      const name = parent.name!;
      if (!H_FLOW.has(name) && !H_TEXT_BLOCK.has(name) && !H_PHRASING.has(name)) return null;
      const data = decode(i, end);
      if (data === null) return null;
      parent.children!.push({ type: 'text', data, parent });
    }
    if (lt < 0) break;
    if (html.charCodeAt(lt + 1) === 0x2f) {
      const gt = html.indexOf('>', lt + 2);
      if (gt < 0) return null;
      const name = html.slice(lt + 2, gt);
      if (implicit.has(parent) && name === 'table') {
        stack.pop();
        parent = stack[stack.length - 1];
      }
      if (name !== parent.name || stack.length < 2) return null;
      if (name === 'a') links--;
      stack.pop();
      parent = stack[stack.length - 1];
      i = gt + 1;
      continue;
    }
    let j = lt + 1;
    while (j < len && isHtmlNameChar(html.charCodeAt(j))) j++;
    const name = html.slice(lt + 1, j);
    const pname = parent.name!;
    if (H_PHRASING.has(pname) || H_TEXT_BLOCK.has(pname)) {
      if (!H_PHRASING.has(name) && !H_VOID.has(name)) return null;
      if (name === 'a' && links > 0) return null;
    } else if (H_FLOW.has(pname)) {
      if (!H_PHRASING.has(name) && !H_VOID.has(name) && !H_IN_FLOW.has(name)) return null;
    } else if (pname === 'table' && name === 'tr') {
      const tbody = element('tbody', parent);
      implicit.add(tbody);
      stack.push(tbody);
      parent = tbody;
    } else if (!H_CHILDREN[pname]?.has(name) || (implicit.has(parent) && name !== 'tr')) {
      return null;
    }
    const n = element(name, parent);
    // Attributes: name="value"
    let selfClosed = false;
    for (;;) {
      const ch = html.charCodeAt(j);
      if (ch === 0x3e) { j++; break; }
      if (ch === 0x20 && html.charCodeAt(j + 1) === 0x2f && html.charCodeAt(j + 2) === 0x3e) { j += 3; selfClosed = true; break; }
      if (ch !== 0x20) return null;
      const a = ++j;
      while (j < len && isHtmlNameChar(html.charCodeAt(j))) j++;
      if (j === a || html.charCodeAt(j) !== 0x3d || html.charCodeAt(j + 1) !== 0x22) return null;
      const attr = html.slice(a, j);
      const close = html.indexOf('"', j + 2);
      if (close < 0) return null;
      const value = decode(j + 2, close);
      if (value === null || attr in n.attribs!) return null;
      n.attribs![attr] = value;
      j = close + 1;
    }
    if (H_VOID.has(name)) {
      // a void element has no end tag
    } else if (selfClosed) {
      return null; // parse5 would open it
    } else {
      if (name === 'a') links++;
      stack.push(n);
      parent = n;
    }
    i = j;
  }
  return stack.length === 1 ? root : null;
}

const isHtmlNameChar = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d;

/** mammoth's escapes (&amp; &lt; &gt; &quot;) decoded; null for any other "&". */
function decodeHtmlText(s: string, start: number, end: number, first: number): string | null {
  let amp = first;
  let out = '';
  let from = start;
  while (amp >= 0 && amp < end) {
    out += s.slice(from, amp);
    if (s.startsWith('amp;', amp + 1)) { out += '&'; from = amp + 5; }
    else if (s.startsWith('lt;', amp + 1)) { out += '<'; from = amp + 4; }
    else if (s.startsWith('gt;', amp + 1)) { out += '>'; from = amp + 4; }
    else if (s.startsWith('quot;', amp + 1)) { out += '"'; from = amp + 6; }
    else return null;
    if (from > end) return null;
    amp = s.indexOf('&', from);
  }
  return out + s.slice(from, end);
}
