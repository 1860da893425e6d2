import { InputError } from '../errors.js';
import { assemble, cleanText, type Item } from './assemble.js';
import { decodeWithCharset } from './decode.js';
import { isTag, parseHtml, type XNode } from './dom.js';
import { htmlToItems, isDataTable } from './htmlBlocks.js';
import type { ReadDocument } from './types.js';

// Government web pages: decode by the declared charset (GBK pages are common),
// find the article body among navigation, headers, footers, share buttons and
// scripts, and read it (tables with spans as full grids).

export interface ReadHtmlOptions {
  /** The format the file's name claims (a ".pdf" that is really a web page). */
  claimed?: string | null;
}

export async function readHtml(bytes: Uint8Array, name: string, options: ReadHtmlOptions = {}): Promise<ReadDocument> {
  const charset = declaredCharset(bytes);
  const notes: ReadDocument['notes'] = [];
  // A page declared GBK whose bytes are valid UTF-8 (a template copied between sites) is UTF-8.
  const misdeclared = !!charset && GBK.test(charset) && isUtf8WithMultibyte(bytes);
  if (misdeclared) notes.push({ code: 'charset-mismatch', message: `declares charset ${charset} but is UTF-8; read as UTF-8`, line: null });
  const { text: html, encoding } = decodeWithCharset(bytes, misdeclared ? 'utf-8' : charset);
  const { root } = parseHtml(html);
  const body = findBody(root);
  const title = pageTitle(root);
  const items = body ? htmlToItems(body.node, { olNumbers: true, skip: isFurniture }) : [];
  const heading = body ? articleHeading(root, body.node, items) : null;
  if (heading) items.unshift({ kind: 'para', text: heading });
  const cjk = countCjk(items);
  if (!body || cjk < MIN_CJK) {
    const what = title ? `“${title}”` : 'a web page';
    if (options.claimed && options.claimed !== 'html') {
      throw new InputError(name, `not a .${options.claimed} file: it is an HTML page (${what}) with no document text`);
    }
    throw new InputError(name, `no document text found in the HTML page (${what})`);
  }
  const { blocks, text } = assemble(items);
  if (options.claimed && options.claimed !== 'html') {
    notes.push({ code: 'format-mismatch', message: `named .${options.claimed} but it is an HTML page; read as HTML`, line: null });
  }
  return { format: 'html', encoding, blocks, notes, text };
}

const GBK = /^(gb2312|gbk|gb18030|x-gbk|cp936)$/i;

function isUtf8WithMultibyte(bytes: Uint8Array): boolean {
  let multibyte = false;
  for (let i = 0; i < bytes.length && !multibyte; i++) if (bytes[i] >= 0x80) multibyte = true;
  if (!multibyte) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Fewer Chinese characters than this in the article: not a document (an error page, a login page). */
const MIN_CJK = 40;

/** The charset of a BOM or a <meta charset> / http-equiv Content-Type in the first 4 KB. */
export function declaredCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const meta = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head);
  if (meta) return meta[1].toLowerCase();
  const xml = /<\?xml[^>]+encoding=["']([A-Za-z0-9_.-]+)/i.exec(head);
  return xml ? xml[1].toLowerCase() : null;
}

// Page furniture inside (or around) the article, by class or id.
const FURNITURE = /(^|[-_\s])(share|bdshare|jiathis|print|close|related|relevant|xgwj|xglj|crumb|breadcrumb|position|location|nav|menu|footer|foot|header|toolbar|tools?|fontsize|font-size|zihao|qrcode|erweima|ewm|qr|comment|pinglun|pagination|pager|sidebar|side|hits|visit|search)([-_\s]|$)/i;
const CONTENT = /(^|[-_\s])(ucap-content|trs_editor|trs_word|zoom|article|content|pages_content|main-text|maintext|text|zw|zhengwen|detail|view|body|con)([-_\s]|$)/i;

function isFurniture(n: XNode): boolean {
  const name = (n.name ?? '').toLowerCase();
  if (name === 'nav' || name === 'footer' || name === 'aside' || name === 'header') return true;
  const a = n.attribs ?? {};
  if (a.class === undefined && a.id === undefined) return false;
  const id = `${a.class ?? ''} ${a.id ?? ''}`;
  return FURNITURE.test(id) && !CONTENT.test(id);
}

interface Candidate { node: XNode; score: number }

/**
 * The article body: the element whose paragraphs hold the most non-link Chinese
 * text (each text block scores for its parent and, half, its grandparent), with a
 * bonus for the usual content ids and classes of government sites.
 */
function findBody(root: XNode): Candidate | null {
  const scores = new Map<XNode, number>();
  scoreBlocks(root, false, scores, new Map());
  let best: Candidate | null = null;
  for (const [node, s] of scores) {
    const a = node.attribs ?? {};
    const score = s * (CONTENT.test(`${a.class ?? ''} ${a.id ?? ''}`) ? 1.5 : 1);
    if (!best || score > best.score) best = { node, score };
  }
  return best;
}

// The walks below are module-level functions, not closures made per document: V8 keeps
// optimised code only while a function object holds it, and a batch worker would
// otherwise optimise them anew after each full collection.

function scoreBlocks(n: XNode, inFurniture: boolean, scores: Map<XNode, number>, dataTables: Map<XNode, boolean>): void {
  for (const c of n.children ?? []) {
    if (!isTag(c)) continue;
    const name = (c.name ?? '').toLowerCase();
    if (NOT_SCORED.has(name)) continue;
    const furniture = inFurniture || isFurniture(c);
    if (!furniture && SCORED.has(name)) {
      const chars = ownCjk(c, false);
      if (chars > 0) {
        const parent = outsideDataTables(c.parent, dataTables);
        addScore(scores, parent, chars);
        addScore(scores, outsideDataTables(parent?.parent, dataTables), chars / 2);
      }
    }
    scoreBlocks(c, furniture, scores, dataTables);
  }
}

const TABLE_PARTS = new Set(['td', 'th', 'tr', 'tbody', 'thead', 'tfoot', 'table']);

/**
 * The text of a data table counts for the element that holds the table: a row or a cell
 * is never the article's body, or the rest of the article (its notice, its headings) would
 * be left out and the table read as loose lines. Cells of layout tables still count.
 */
function outsideDataTables(n: XNode | null | undefined, dataTables: Map<XNode, boolean>): XNode | null | undefined {
  let at = n;
  for (let up = at; up && isTag(up) && TABLE_PARTS.has((up.name ?? '').toLowerCase()); up = up.parent) {
    if ((up.name ?? '').toLowerCase() !== 'table') continue;
    let data = dataTables.get(up);
    if (data === undefined) dataTables.set(up, (data = isDataTable(up)));
    if (data) at = up.parent;
  }
  return at;
}

function addScore(scores: Map<XNode, number>, n: XNode | null | undefined, v: number): void {
  if (n && n.type !== 'root') scores.set(n, (scores.get(n) ?? 0) + v);
}

const NOT_SCORED = new Set(['script', 'style', 'noscript', 'head', 'iframe', 'template']);
const SCORED = new Set(['p', 'td', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'span', 'font', 'section', 'article', 'pre', 'blockquote']);
const OWN_TEXT_STOP = new Set(['p', 'div', 'td', 'tr', 'table', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'script', 'style']);

/**
 * Chinese characters directly in an element and its inline descendants (not in nested
 * blocks), less those in links.
 */
function ownCjk(m: XNode, inLink: boolean): number {
  let chars = 0;
  for (const c of m.children ?? []) {
    if (c.type === 'text') { if (!inLink) chars += countCjkText(c.data ?? ''); continue; }
    if (!isTag(c)) continue;
    const name = (c.name ?? '').toLowerCase();
    if (OWN_TEXT_STOP.has(name)) continue;
    chars += ownCjk(c, inLink || name === 'a');
  }
  return chars;
}

/** Characters in U+4E00–U+9FFF and U+3400–U+4DBF (UTF-16 code units). */
function countCjkText(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) n++;
  }
  return n;
}

function countCjk(items: Item[]): number {
  let n = 0;
  for (const it of items) {
    if (it.kind === 'para') n += countCjkText(it.text);
    else for (const r of it.rows) for (const c of r) if (!c.merged) n += countCjkText(c.text);
  }
  return n;
}

function pageTitle(root: XNode): string | null {
  const t = findTitle(root);
  const text = t ? cleanText(textContent(t)) : '';
  return text ? text.slice(0, 60) : null;
}

function findTitle(n: XNode): XNode | null {
  for (const c of n.children ?? []) {
    if (!isTag(c)) continue;
    if ((c.name ?? '').toLowerCase() === 'title') return c;
    const f = findTitle(c);
    if (f) return f;
  }
  return null;
}

const textContent = (n: XNode): string => (n.children ?? []).map((c) => (c.type === 'text' ? c.data ?? '' : isTag(c) ? textContent(c) : '')).join('');

/**
 * The article's title when it sits in an <h1> (or .title) outside the body and the
 * body does not repeat it in its first paragraphs.
 */
function articleHeading(root: XNode, body: XNode, items: Item[]): string | null {
  const headings: XNode[] = [];
  collectHeadings(root, body, headings);
  for (const h of headings) {
    const text = cleanText(textContent(h));
    if (countCjkText(text) < 6 || text.length > 100) continue;
    const opening = items.slice(0, 30).map((it) => (it.kind === 'para' ? it.text : '')).join('').replace(/\s+/g, '');
    if (opening.includes(text.replace(/\s+/g, ''))) return null;
    return text;
  }
  return null;
}

function collectHeadings(n: XNode, body: XNode, out: XNode[]): void {
  for (const c of n.children ?? []) {
    if (!isTag(c) || c === body) continue;
    const name = (c.name ?? '').toLowerCase();
    if (['script', 'style', 'head', 'nav', 'footer'].includes(name) || isFurniture(c)) continue;
    const cls = `${c.attribs?.class ?? ''} ${c.attribs?.id ?? ''}`;
    if (name === 'h1' || /(^|[-_\s])(title|bt|wzbt|article-title)([-_\s]|$)/i.test(cls) && /^(h2|h3|div|p|td)$/.test(name)) out.push(c);
    collectHeadings(c, body, out);
  }
}
