import { attr, child, childrenNamed, descendants, isTag, localName, parseXml, type XNode } from './dom.js';
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
  const doc = parseXml(documentXml);
  const numbering = numberingXml ? readNumbering(parseXml(numberingXml)) : null;
  const styles = stylesXml ? readStyles(parseXml(stylesXml)) : new Map<string, StyleNum>();
  const counter = new NumberingCounter();
  const out: ParagraphMarker[] = [];
  const body = descendants(doc, 'body')[0] ?? doc;
  for (const p of paragraphs(body)) {
    const key = paragraphText(p).replace(/\s+/g, '');
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

/** Paragraphs in document order, skipping the mc:Choice branch of alternate content (mammoth reads the fallback). */
function paragraphs(n: XNode, out: XNode[] = []): XNode[] {
  for (const c of n.children ?? []) {
    if (!isTag(c)) continue;
    const name = localName(c);
    if (name === 'Choice' && c.name?.startsWith('mc:')) continue;
    if (name === 'p') out.push(c);
    paragraphs(c, out);
  }
  return out;
}

/** Text of a paragraph's own runs (w:t, w:tab), not of paragraphs nested in its text boxes. */
function paragraphText(p: XNode): string {
  let s = '';
  const walk = (n: XNode) => {
    for (const c of n.children ?? []) {
      if (!isTag(c)) continue;
      const name = localName(c);
      if (name === 'p' || name === 'Choice' || name === 'del' || name === 'instrText') continue;
      if (name === 't') s += textOf(c);
      else if (name === 'tab') s += '\t';
      else walk(c);
    }
  };
  walk(p);
  return s;
}

const textOf = (n: XNode): string => (n.children ?? []).map((c) => (c.type === 'text' ? c.data ?? '' : textOf(c))).join('');

function paragraphNumbering(p: XNode, styles: Map<string, StyleNum>): { numId: string; ilvl: number } | null {
  const pPr = child(p, 'pPr');
  const numPr = child(pPr, 'numPr');
  const direct = numPr ? { numId: attr(child(numPr, 'numId'), 'val'), ilvl: toInt(attr(child(numPr, 'ilvl'), 'val')) } : null;
  const styleId = attr(child(pPr, 'pStyle'), 'val') ?? defaultParagraphStyle(styles);
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
