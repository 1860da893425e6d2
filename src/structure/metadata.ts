import type { DocumentMeta } from '../result/schema.js';
import { toNumber } from '../extract/numerals.js';
import type { Paragraph } from '../read/types.js';
import { parseMarker } from './markers.js';

// 版头 (header) of a 公文: 发文字号, 标题, 主送机关, then the body; the 落款 (issuer
// and 成文日期) follows the body of a notice, or the wrapper notice that
// 印发 an attached plan. Only the head of the document is searched, so dates and
// names inside the plan are not taken for metadata.

const DOC_NUMBER = /[\u4e00-\u9fa5A-Za-z]{1,20}[〔［\[（(【]\s*(?:19|20)\d{2}\s*[〕］\]）)】]\s*(?:第\s*)?\d{1,4}\s*号|[\u4e00-\u9fa5]{2,20}令第[一二三四五六七八九十百零〇\d]+号/;
const CN_D = '[〇○零一二三四五六七八九十]';
const DATE_LINE = new RegExp(`^((?:19|20)\\d{2}|${CN_D}{4})\\s*年\\s*(\\d{1,2}|${CN_D}{1,3})\\s*月\\s*(\\d{1,2}|${CN_D}{1,3})\\s*日$`);
const TITLE_END = /(通知|意见|方案|办法|决定|规定|计划|要点|细则|通报|报告|批复|函|规划|措施|条例|公告|通告|汇编（\d+篇）|汇编)$/;
const HEADER_NOISE = /^(.*文件|.*（此件公开发布）|（此件公开发布）|[—-]\s*\d+\s*[—-]|【.*】.*|.*pkulaw.*|.*北大法宝.*)$/;

export function extractMetadata(paras: Paragraph[]): DocumentMeta {
  const head = paras.slice(0, 60);
  const docNumberPara = head.find((p) => DOC_NUMBER.test(p.text) && p.text.length < 60);
  const docNumber = docNumberPara ? normalizeDocNumber(DOC_NUMBER.exec(docNumberPara.text)![0]) : null;

  const titleInfo = findTitle(head);
  const title = titleInfo?.text ?? null;
  const recipients = findRecipients(head, titleInfo?.endIndex ?? -1);
  const signature = findSignature(paras, titleInfo?.endIndex ?? -1);
  const issuer = signature?.issuer ?? issuerFromTitle(title);
  const issuedDate = signature?.date ?? null;
  const year = issuedDate ? Number(issuedDate.slice(0, 4)) : yearFromText(title) ?? commonYear(paras);
  return { title, docNumber, issuer, issuedDate, recipients, year };
}

function normalizeDocNumber(s: string): string {
  return s.replace(/\s+/g, '').replace(/[［\[（(【]/, '〔').replace(/[］\]）)】](?=\s*(?:第\s*)?\d)/, '〕');
}

interface TitleInfo { text: string; endIndex: number }

function findTitle(head: Paragraph[]): TitleInfo | null {
  // The first run of short lines that ends with a document-type word, starting
  // with 关于 or an issuing body: titles are often broken over two to four lines.
  for (let i = 0; i < head.length; i++) {
    const t = head[i].text;
    if (HEADER_NOISE.test(t) || DOC_NUMBER.test(t) && t.length < 40 || isDateLine(t)) continue;
    if (t.length > 200 || (t.length > 80 && !TITLE_END.test(t))) break;
    let text = '';
    for (let j = i; j < Math.min(head.length, i + 5); j++) {
      const part = head[j].text;
      if (j > i && (isDateLine(part) || part.length > 60 || /[：:]$/.test(part))) break;
      text += part;
      if (TITLE_END.test(text.replace(/[（(][^）)]*[）)]$/, '')) || /的通知$/.test(text)) {
        return { text: tidyTitle(text), endIndex: j };
      }
    }
  }
  // Otherwise a short first line that is not a numbered heading or a sentence.
  const first = head.slice(0, 5).find((p) => !HEADER_NOISE.test(p.text) && !DOC_NUMBER.test(p.text) && p.text.length <= 60 && !/[。，；]/.test(p.text));
  if (!first || parseMarker(first.text)) return null;
  return { text: tidyTitle(first.text), endIndex: head.indexOf(first) };
}

function tidyTitle(t: string): string {
  // Spaces inside a Chinese title are layout, not words, except between Latin words;
  // brackets take the full-width form titles are printed with.
  return t.replace(/(?<=[^A-Za-z0-9])\s+|\s+(?=[^A-Za-z0-9])/g, '').replace(/\(/g, '（').replace(/\)/g, '）').trim();
}

function findRecipients(head: Paragraph[], titleEnd: number): string[] {
  for (let i = titleEnd + 1; i < Math.min(head.length, titleEnd + 6); i++) {
    const t = head[i].text.trim();
    if (parseMarker(t)) break;
    if (/[：:]$/.test(t) && t.length <= 150 && !/[。]/.test(t)) {
      return joinBareLevels(splitOutsideBrackets(t.replace(/[：:]$/, ''), /[，,、；;]/));
    }
  }
  return [];
}

export function splitOutsideBrackets(s: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0, cur = '';
  for (const ch of s) {
    if ('（(【[《“'.includes(ch)) depth++;
    if ('）)】]》”'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && sep.test(ch)) { if (cur.trim()) out.push(cur.trim()); cur = ''; continue; }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

function isDateLine(t: string): boolean {
  return DATE_LINE.test(t.replace(/\s+/g, ''));
}

export function parseDateLine(t: string): string | null {
  const m = DATE_LINE.exec(t.replace(/\s+/g, ''));
  if (!m) return null;
  const y = toNumber(m[1]), mo = toNumber(m[2]), d = toNumber(m[3]);
  if (!y || !mo || !d || mo > 12 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 落款: an issuing body line followed by a date line, or a date line alone (成文日期). */
function findSignature(paras: Paragraph[], titleEnd: number): { issuer: string | null; date: string } | null {
  const limit = Math.min(paras.length, Math.max(titleEnd, 0) + 40);
  for (let i = Math.max(titleEnd, 0); i < limit; i++) {
    const date = parseDateLine(paras[i].text);
    if (!date) continue;
    const prev = paras[i - 1]?.text.trim() ?? '';
    const issuer = i > titleEnd + 1 && isOrgName(prev) ? prev.replace(/\s+/g, '') : null;
    return { issuer, date };
  }
  // A notice whose 落款 is at the end of the whole document.
  for (let i = paras.length - 1; i >= Math.max(0, paras.length - 30); i--) {
    const date = parseDateLine(paras[i].text);
    if (!date) continue;
    const prev = paras[i - 1]?.text.trim() ?? '';
    return { issuer: isOrgName(prev) ? prev.replace(/\s+/g, '') : null, date };
  }
  return null;
}

function isOrgName(t: string): boolean {
  return t.length >= 3 && t.length <= 60 && !/[。，；：:]/.test(t) &&
    /(政府|办公室|办公厅|委员会|局|厅|部|委|署|院|会|中心|小组|办)$/.test(t.replace(/\s+/g, ''));
}

function issuerFromTitle(title: string | null): string | null {
  const m = title ? /^(.{2,40}?(?:政府|办公室|办公厅|委员会|局|厅|部|委|署|院|办))关于/.exec(title) : null;
  return m ? m[1] : null;
}

function yearFromText(t: string | null): number | null {
  const m = t ? /((?:19|20)\d{2})年/.exec(t) : null;
  return m ? Number(m[1]) : null;
}

/** Without a date or a year in the title: the year most deadlines name ("2022年6月底"), if at least three do. */
function commonYear(paras: Paragraph[]): number | null {
  const count = new Map<number, number>();
  for (const p of paras) {
    for (const m of p.text.matchAll(/((?:19|20)\d{2})年(?:\d{1,2}月)?(?:底|末|前)/g)) count.set(Number(m[1]), (count.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null, n = 2;
  for (const [y, c] of count) if (c > n) { best = y; n = c; }
  return best;
}

/** "各省、自治区、直辖市人民政府" is one addressee: a bare level name shares the suffix of the next. */
function joinBareLevels(parts: string[]): string[] {
  const out: string[] = [];
  let pending = '';
  for (const p of parts) {
    if (/^各?(?:省|自治区|直辖市|计划单列市|市|县|区|州|盟|旗|乡|镇|街道)$/.test(p)) { pending += `${p}、`; continue; }
    out.push(pending + p);
    pending = '';
  }
  if (pending) out.push(pending.replace(/、$/, ''));
  return out;
}
