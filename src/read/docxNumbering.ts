import { attr, child, childrenNamed, descendants, firstDescendant, hasLocalName, isTag, parseXml, scanPlainXml, type OpenTag, type XmlSink, type XNode } from './dom.js';
import { NumberingCounter, type LevelDef, type ListRef } from './numbering.js';

// Restores the list markers of a .docx (mammoth drops them): reads the list
// definitions of word/numbering.xml, the numbering a paragraph gets directly
// (w:pPr/w:numPr) or through its style (and the styles it is based on), and
// counts the numbered paragraphs of word/document.xml in order.

export interface ParagraphMarker {
  /** The paragraph's text with all whitespace removed (to align with mammoth's paragraphs). */
  key: string;
  marker: string | null;
}

interface StyleNum { numId?: string; ilvl?: number; basedOn?: string }

export function docxParagraphMarkers(documentXml: string, numberingXml: string | null, stylesXml: string | null): ParagraphMarker[] {
  // Streamed when the XML is plain; otherwise from cheerio's tree, which gives the same.
  const infos = streamParagraphs(documentXml) ?? treeParagraphs(parseXml(documentXml));
  const numbering = numberingXml ? readNumbering(parseXml(numberingXml)) : null;
  const styles = stylesXml ? readStyles(parseXml(stylesXml)) : new Map<string, StyleNum>();
  const counter = new NumberingCounter();
  const out: ParagraphMarker[] = [];
  for (const p of infos) {
    const key = p.text.replace(/\s+/g, '');
    let marker: string | null = null;
    if (numbering) {
      const num = paragraphNumbering(p, styles);
      if (num && num.numId !== '0') {
        const ref = numbering.ref(num.numId, styles);
        if (ref) marker = counter.next(ref, num.ilvl);
      }
    }
    out.push({ key, marker });
  }
  return out;
}

/** What the markers need of one paragraph of word/document.xml. */
export interface ParagraphInfo {
  /** Text of its own runs (paragraphText). */
  text: string;
  /** Its w:pPr/w:numPr (the first of each): w:numId and w:ilvl's w:val, when there is a numPr. */
  numPr: { numId: string | undefined; ilvl: string | undefined } | null;
  /** w:pPr/w:pStyle's w:val. */
  pStyle: string | undefined;
}

/** The paragraphs of a document tree (cheerio's, or parsePlainXml's). */
export function treeParagraphs(doc: XNode): ParagraphInfo[] {
  const body = firstDescendant(doc, 'body') ?? doc;
  return paragraphs(body).map((p) => {
    const pPr = child(p, 'pPr');
    const numPr = child(pPr, 'numPr');
    return {
      text: paragraphText(p),
      numPr: numPr ? { numId: attr(child(numPr, 'numId'), 'val'), ilvl: attr(child(numPr, 'ilvl'), 'val') } : null,
      pStyle: attr(child(pPr, 'pStyle'), 'val'),
    };
  });
}

// How an open paragraph sees the element being read (paragraphText's walk).
const WALK = 0; // walked for runs
const SKIP = 1; // not read (a nested paragraph, mc:Choice, a deletion, a field instruction, a tab's content)
const TEXT = 2; // inside w:t: all text counts

interface OpenParagraph {
  info: ParagraphInfo;
  /** Depth of the paragraph element (elements above it). */
  depth: number;
  /** WALK/SKIP/TEXT for the paragraph and each open element inside it. */
  states: number[];
  pPr: 'none' | 'open' | 'done';
  numPr: 'none' | 'open' | 'done';
  numIdSeen: boolean;
  ilvlSeen: boolean;
  pStyleSeen: boolean;
}

/**
 * treeParagraphs(parsePlainXml(xml)) without building the tree: one pass that follows,
 * for each open paragraph, what paragraphs() and paragraphText() would visit. Null when
 * the XML is not plain.
 */
export function streamParagraphs(xml: string): ParagraphInfo[] | null {
  const stream = new ParagraphStream();
  if (!scanPlainXml(xml, stream)) return null;
  return stream.found.filter((f) => (stream.bodySeen ? f.inBody : f.inDocument)).map((f) => f.info);
}

// A class, not a sink of closures made per call: V8 keeps optimised code only while a
// function object holds it, and a batch worker would otherwise optimise it anew after
// each full collection.
class ParagraphStream implements XmlSink {
  /** Each paragraph with whether paragraphs() reaches it from the first w:body, or from the root (no body). */
  readonly found: { info: ParagraphInfo; inBody: boolean; inDocument: boolean }[] = [];
  private readonly openParagraphs: OpenParagraph[] = [];
  /** Per open element: 1 = an mc:Choice, 2 = an mc:Choice inside the body, 4 = the body. */
  private readonly frames: number[] = [];
  private choices = 0; // open mc:Choice elements
  private choicesInBody = 0; // open mc:Choice elements inside the body
  bodySeen = false;
  private inBody = false;

  open(name: string, tag: OpenTag): void {
    const depth = this.frames.length;
    const i = name.indexOf(':');
    const local = i >= 0 ? name.slice(i + 1) : name;
    for (const p of this.openParagraphs) {
      const state = p.states[p.states.length - 1];
      let next = state;
      if (state === WALK) {
        if (local === 'p' || local === 'Choice' || local === 'del' || local === 'instrText') next = SKIP;
        else if (local === 't') next = TEXT;
        else if (local === 'tab') { p.info.text += '\t'; next = SKIP; }
      }
      p.states.push(next);
      // child(p, 'pPr'), child(pPr, 'numPr'), child(numPr, 'numId' | 'ilvl'), child(pPr, 'pStyle'): the first of each.
      if (depth === p.depth + 1) {
        if (local === 'pPr' && p.pPr === 'none') p.pPr = 'open';
      } else if (depth === p.depth + 2 && p.pPr === 'open') {
        if (local === 'numPr' && p.numPr === 'none') {
          p.numPr = 'open';
          p.info.numPr = { numId: undefined, ilvl: undefined };
        } else if (local === 'pStyle' && !p.pStyleSeen) {
          p.pStyleSeen = true;
          p.info.pStyle = attr({ type: 'tag', attribs: tag.attribs() }, 'val');
        }
      } else if (depth === p.depth + 3 && p.numPr === 'open') {
        if (local === 'numId' && !p.numIdSeen) {
          p.numIdSeen = true;
          p.info.numPr!.numId = attr({ type: 'tag', attribs: tag.attribs() }, 'val');
        } else if (local === 'ilvl' && !p.ilvlSeen) {
          p.ilvlSeen = true;
          p.info.numPr!.ilvl = attr({ type: 'tag', attribs: tag.attribs() }, 'val');
        }
      }
    }
    let frame = 0;
    if (local === 'p') {
      const info: ParagraphInfo = { text: '', numPr: null, pStyle: undefined };
      this.found.push({ info, inBody: this.inBody && this.choicesInBody === 0, inDocument: this.choices === 0 });
      this.openParagraphs.push({ info, depth, states: [WALK], pPr: 'none', numPr: 'none', numIdSeen: false, ilvlSeen: false, pStyleSeen: false });
    } else if (local === 'Choice' && name.startsWith('mc:')) {
      this.choices++;
      frame = 1;
      if (this.inBody) { this.choicesInBody++; frame |= 2; }
    } else if (local === 'body' && !this.bodySeen) {
      this.bodySeen = true;
      this.inBody = true;
      frame = 4;
    }
    this.frames.push(frame);
  }

  close(): void {
    const frame = this.frames.pop()!;
    const depth = this.frames.length;
    if (frame & 1) this.choices--;
    if (frame & 2) this.choicesInBody--;
    if (frame & 4) this.inBody = false;
    const open = this.openParagraphs;
    for (let k = open.length - 1; k >= 0; k--) {
      const p = open[k];
      if (depth === p.depth) { open.splice(k, 1); continue; }
      p.states.pop();
      if (depth === p.depth + 1 && p.pPr === 'open') p.pPr = 'done';
      else if (depth === p.depth + 2 && p.numPr === 'open') p.numPr = 'done';
    }
  }

  text(data: string): void {
    for (const p of this.openParagraphs) if (p.states[p.states.length - 1] === TEXT) p.info.text += data;
  }

  instruction(): void { /* no text */ }
}

/** Paragraphs in document order, skipping the mc:Choice branch of alternate content (mammoth reads the fallback). */
function paragraphs(n: XNode, out: XNode[] = []): XNode[] {
  for (const c of n.children ?? []) {
    if (!isTag(c)) continue;
    if (hasLocalName(c, 'Choice') && c.name?.startsWith('mc:')) continue;
    if (hasLocalName(c, 'p')) out.push(c);
    paragraphs(c, out);
  }
  return out;
}

/** Text of a paragraph's own runs (w:t, w:tab), not of paragraphs nested in its text boxes. */
function paragraphText(p: XNode): string {
  return runsText(p, '');
}

function runsText(n: XNode, s: string): string {
  for (const c of n.children ?? []) {
    if (!isTag(c)) continue;
    if (hasLocalName(c, 'p') || hasLocalName(c, 'Choice') || hasLocalName(c, 'del') || hasLocalName(c, 'instrText')) continue;
    if (hasLocalName(c, 't')) s += textOf(c);
    else if (hasLocalName(c, 'tab')) s += '\t';
    else s = runsText(c, s);
  }
  return s;
}

function textOf(n: XNode): string {
  let s = '';
  for (const c of n.children ?? []) s += c.type === 'text' ? c.data ?? '' : textOf(c);
  return s;
}

function paragraphNumbering(p: ParagraphInfo, styles: Map<string, StyleNum>): { numId: string; ilvl: number } | null {
  const direct = p.numPr ? { numId: p.numPr.numId, ilvl: toInt(p.numPr.ilvl) } : null;
  const styleId = p.pStyle ?? defaultParagraphStyle(styles);
  const fromStyle = styleId ? styleNumbering(styleId, styles) : null;
  const numId = direct?.numId ?? fromStyle?.numId;
  if (!numId) return null;
  return { numId, ilvl: direct?.ilvl ?? fromStyle?.ilvl ?? 0 };
}

const defaultParagraphStyle = (styles: Map<string, StyleNum>) => (styles.has('\u0000default') ? styles.get('\u0000default')!.basedOn : undefined);

function styleNumbering(styleId: string, styles: Map<string, StyleNum>): { numId?: string; ilvl?: number } | null {
  const seen = new Set<string>();
  let numId: string | undefined;
  let ilvl: number | undefined;
  for (let id: string | undefined = styleId; id && !seen.has(id); id = styles.get(id)?.basedOn) {
    seen.add(id);
    const s = styles.get(id);
    if (!s) break;
    numId ??= s.numId;
    ilvl ??= s.ilvl;
  }
  return numId || ilvl !== undefined ? { numId, ilvl } : null;
}

function readStyles(root: XNode): Map<string, StyleNum> {
  const styles = new Map<string, StyleNum>();
  for (const s of descendants(root, 'style')) {
    if (attr(s, 'type') !== 'paragraph') continue;
    const id = attr(s, 'styleId');
    if (!id) continue;
    const numPr = child(child(s, 'pPr'), 'numPr');
    styles.set(id, {
      numId: attr(child(numPr, 'numId'), 'val'),
      ilvl: toInt(attr(child(numPr, 'ilvl'), 'val')),
      basedOn: attr(child(s, 'basedOn'), 'val'),
    });
    if (attr(s, 'default') === '1' || attr(s, 'default') === 'true') styles.set('\u0000default', { basedOn: id });
  }
  return styles;
}

interface Numbering {
  ref(numId: string, styles: Map<string, StyleNum>): ListRef | null;
}

function readNumbering(root: XNode): Numbering {
  const abstracts = new Map<string, { levels: (LevelDef | undefined)[]; styleLink?: string }>();
  for (const a of descendants(root, 'abstractNum')) {
    const id = attr(a, 'abstractNumId');
    if (id === undefined) continue;
    const levels: (LevelDef | undefined)[] = [];
    for (const lvl of childrenNamed(a, 'lvl')) levels[toInt(attr(lvl, 'ilvl')) ?? 0] = readLevel(lvl);
    abstracts.set(id, { levels, styleLink: attr(child(a, 'numStyleLink'), 'val') });
  }
  const nums = new Map<string, { abstractId: string; overrides: (number | undefined)[]; levelOverrides: (LevelDef | undefined)[] }>();
  for (const n of descendants(root, 'num')) {
    const id = attr(n, 'numId');
    const abstractId = attr(child(n, 'abstractNumId'), 'val');
    if (id === undefined || abstractId === undefined) continue;
    const overrides: (number | undefined)[] = [];
    const levelOverrides: (LevelDef | undefined)[] = [];
    for (const o of childrenNamed(n, 'lvlOverride')) {
      const ilvl = toInt(attr(o, 'ilvl')) ?? 0;
      const start = toInt(attr(child(o, 'startOverride'), 'val'));
      if (start !== undefined) overrides[ilvl] = start;
      const lvl = child(o, 'lvl');
      if (lvl) levelOverrides[ilvl] = readLevel(lvl);
    }
    nums.set(id, { abstractId, overrides, levelOverrides });
  }
  return {
    ref(numId, styles) {
      const seen = new Set<string>();
      let num = nums.get(numId);
      let abstract = num ? abstracts.get(num.abstractId) : undefined;
      // w:numStyleLink: the definition lives in the numbering of a numbering style.
      while (abstract?.styleLink && !seen.has(abstract.styleLink)) {
        seen.add(abstract.styleLink);
        const linked = styles.get(abstract.styleLink)?.numId;
        const target = linked ? nums.get(linked) : undefined;
        const next = target ? abstracts.get(target.abstractId) : undefined;
        if (!next || !target) break;
        abstract = next;
        num = num ? { ...num, abstractId: target.abstractId } : target;
      }
      if (!num || !abstract) return null;
      const levels = abstract.levels.map((l, i) => num!.levelOverrides[i] ?? l);
      num.levelOverrides.forEach((l, i) => { if (l) levels[i] = l; });
      return { list: `a${num.abstractId}`, instance: `n${numId}`, levels, startOverride: num.overrides };
    },
  };
}

function readLevel(lvl: XNode): LevelDef {
  // A numFmt in mc:AlternateContent (Word 2010 custom formats) has a plain fallback.
  const fmtNode = child(lvl, 'numFmt') ?? descendants(lvl, 'numFmt').at(-1);
  const restart = toInt(attr(child(lvl, 'lvlRestart'), 'val'));
  const isLgl = child(lvl, 'isLgl');
  return {
    start: toInt(attr(child(lvl, 'start'), 'val')) ?? 0,
    format: attr(fmtNode, 'val') ?? 'decimal',
    text: attr(child(lvl, 'lvlText'), 'val') ?? '',
    suffix: (attr(child(lvl, 'suff'), 'val') as LevelDef['suffix'] | undefined) ?? 'tab',
    legal: isLgl ? attr(isLgl, 'val') !== '0' && attr(isLgl, 'val') !== 'false' : false,
    restart,
  };
}

function toInt(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number.parseInt(s, 10);
  return Number.isFinite(n) ? n : undefined;
}
