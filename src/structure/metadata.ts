import type { DocumentMeta } from '../result/schema.js';
import { codePointLength } from '../extract/chars.js';
import { toNumber } from '../extract/numerals.js';
import type { Paragraph } from '../read/types.js';
import { parseMarker } from './markers.js';
import { splitOutsideBrackets } from './brackets.js';
import { isBoilerplate } from './boilerplate.js';

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
  const order = findOrderNumber(head);
  const docNumberPara = head.find((p) => p.text.length < 60 && isDocNumber(p.text));
  const docNumber = order?.docNumber ?? (docNumberPara ? normalizeDocNumber(DOC_NUMBER.exec(docNumberPara.text)![0]) : null);

  // 版头 order: 发文机关标志, 发文字号, then the title. Exports that print the title first
  // (and then the number in brackets) are searched from the top.
  const afterNumber = docNumberPara ? head.indexOf(docNumberPara) + 1 : 0;
  const before = afterNumber ? findTitle(head.slice(0, afterNumber - 1), true) : null;
  const titleInfo = before ?? (afterNumber ? offset(findTitle(head.slice(afterNumber), true), afterNumber) : null) ?? findTitle(head, false);
  const title = titleInfo?.text ?? null;
  const recipients = findRecipients(head, titleInfo?.endIndex ?? -1);
  const signature = findSignature(paras, titleInfo?.endIndex ?? -1);
  const issuer = signature?.issuer ?? order?.issuer ?? issuerFromTitle(title);
  const issuedDate = signature?.date ?? null;
  const year = issuedDate ? Number(issuedDate.slice(0, 4)) : yearFromText(title) ?? yearOfDocNumber(docNumber) ?? commonYear(paras);
  return { title, docNumber, issuer, issuedDate, recipients, year };
}

/** DOC_NUMBER.test, skipping the search in lines without 号 (every match ends with it). */
function isDocNumber(t: string): boolean {
  return t.includes('号') && DOC_NUMBER.test(t);
}

function normalizeDocNumber(s: string): string {
  return s.replace(/\s+/g, '').replace(/[［\[（(【]/, '〔').replace(/[］\]）)】](?=\s*(?:第\s*)?\d)/, '〕');
}

interface TitleInfo { text: string; endIndex: number }

function offset(t: TitleInfo | null, by: number): TitleInfo | null {
  return t && t.endIndex >= 0 ? { text: t.text, endIndex: t.endIndex + by } : null;
}

/** A government order: "中山市人民政府令" then "（第16号）" on the next line. */
function findOrderNumber(head: Paragraph[]): { docNumber: string; issuer: string } | null {
  for (let i = 0; i + 1 < Math.min(head.length, 15); i++) {
    const org = /^(.{2,30}?)令$/.exec(head[i].text.replace(/\s+/g, ''));
    const num = /^[（(]?第([一二三四五六七八九十百零〇\d]+)号[）)]?$/.exec(head[i + 1].text.replace(/\s+/g, ''));
    if (org && num) return { docNumber: `${org[1]}令第${num[1]}号`, issuer: org[1] };
  }
  return null;
}

function findTitle(head: Paragraph[], strict: boolean): TitleInfo | null {
  // The first run of short lines that ends with a document-type word, starting
  // with 关于 or an issuing body: titles are often broken over two to four lines.
  for (let i = 0; i < head.length; i++) {
    const t = head[i].text;
    // A line ending with a colon (主题词：, a salutation) is a label, never the start of a title.
    if (HEADER_NOISE.test(t) || t.length < 40 && isDocNumber(t) || isDateLine(t) || /[：:]$/.test(t)) continue;
    if (t.length > 200 || (t.length > 80 && !TITLE_END.test(t))) break;
    let text = '';
    for (let j = i; j < Math.min(head.length, i + 5); j++) {
      const part = head[j].text;
      if (j > i && (isDateLine(part) || part.length > 60 || /[：:]$/.test(part))) break;
      text += part;
      if (TITLE_END.test(text.replace(/[（(][^）)]*[）)]$/, '')) || /的通知$/.test(text)) {
        // "关于印发…三年行动方案" / "（2023—2025年）的通知": the title goes on over its period line.
        if (j + 1 < Math.min(head.length, i + 5) && continuesTitle(text, head[j + 1].text)) continue;
        // Legal-database exports print the title twice; the second is the document's own.
        const again = head[j + 1]?.text;
        if (again && i === j && sameTitle(again, text)) return { text: tidyTitle(again), endIndex: j + 1 };
        return { text: tidyTitle(text), endIndex: j };
      }
    }
  }
  if (strict) return null;
  // Otherwise a short first line that is not a numbered heading or a sentence.
  const first = head.slice(0, 5).find((p) => p.text.length <= 60 && !HEADER_NOISE.test(p.text) && !isDocNumber(p.text) && !/[。，；]/.test(p.text));
  if (!first || parseMarker(first.text)) return null;
  return { text: tidyTitle(first.text), endIndex: head.indexOf(first) };
}

/** A title line that can follow one already ending like a title: its bracketed period, its close. */
function continuesTitle(text: string, next: string): boolean {
  const t = next.trim();
  if (t.length > 40 || isDocNumber(t) || isDateLine(t)) return false;
  const unclosed = (text.match(/《/g)?.length ?? 0) > (text.match(/》/g)?.length ?? 0);
  return (unclosed && /》/.test(t)) || PERIOD_CLOSING_TITLE.test(t);
}

// A plan's period in brackets: （2023—2025年）, （2024年度）, (2023-2025).
const PERIOD = '[（(]\\s*(?:19|20)\\d{2}(?:\\s*[—\\-－–~～至到]+\\s*(?:19|20)\\d{2})?\\s*(?:年度?)?\\s*[）)]';
/** A line that is only a period: a title's or a table caption's last line. */
export const PERIOD_LINE = new RegExp(`^${PERIOD}$`);
const PERIOD_CLOSING_TITLE = new RegExp(`^${PERIOD}(?:》?的(?:通知|意见|批复|函))?$`);

const sameTitle = (a: string, b: string) => {
  const n = (x: string) => x.replace(/[\s（）()—–\-〈〉《》]/g, '');
  return n(a) === n(b);
};

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
      // A 主送 wrapped over two lines: the line above goes on into this one.
      const above = i - 1 > titleEnd ? head[i - 1].text.trim() : '';
      const wrapped = above && !/[。：:]/.test(above) && above.length <= 100 && !isDocNumber(above) && !isDateLine(above)
        && /[，,、]/.test(above);
      return splitRecipients((wrapped ? above + t : t).replace(/[：:]$/, ''));
    }
  }
  return [];
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
    const issuer = i > titleEnd + 1 ? issuersBefore(paras, i) : null;
    return { issuer, date };
  }
  // A notice whose 落款 is at the end of the whole document.
  for (let i = paras.length - 1; i >= Math.max(0, paras.length - 30); i--) {
    const date = parseDateLine(paras[i].text);
    if (!date) continue;
    return { issuer: issuersBefore(paras, i), date };
  }
  // A government order: "市长　王某某" and the date under the order's one sentence, above the rules' title.
  for (let i = 1; i < Math.min(titleEnd, 20); i++) {
    const date = parseDateLine(paras[i].text);
    if (date && SIGNATORY.test(paras[i - 1].text.trim())) return { issuer: null, date };
  }
  return null;
}

const SIGNATORY = /^(?:省长|市长|州长|盟长|县长|区长|旗长|主席|主任)[\s\u3000]*[\u4e00-\u9fa5]{2,4}$/;

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
    if (!p.text.includes('年')) continue; // every match has it
    for (const m of p.text.matchAll(/((?:19|20)\d{2})年(?:\d{1,2}月)?(?:底|末|前)/g)) count.set(Number(m[1]), (count.get(Number(m[1])) ?? 0) + 1);
  }
  let best: number | null = null, n = 2;
  for (const [y, c] of count) if (c > n) { best = y; n = c; }
  return best;
}

/**
 * 主送机关: split at ，and ；. A 、 list is split only when every part is a whole body
 * (各乡镇人民政府、街道办事处); in "各省、自治区、直辖市人民政府" or "市直有关部门、单位" the parts
 * share a suffix and stay one addressee.
 */
export function splitRecipients(s: string): string[] {
  const out: string[] = [];
  for (const part of splitOutsideBrackets(s, CLAUSE_SEPARATOR)) {
    const pieces = splitOutsideBrackets(part, LIST_SEPARATOR);
    const whole = pieces.every((p) => codePointLength(p) >= 3 && ORG_SUFFIX.test(p) && !BARE_LEVEL.test(p));
    out.push(...(pieces.length > 1 && whole ? pieces : [part]));
  }
  return out;
}

const CLAUSE_SEPARATOR = /[，,；;]/;
const LIST_SEPARATOR = /[、]/;
const ORG_SUFFIX = /(政府|办事处|部门|单位|机构|机关|局|委|办|室|处|院|会|中心|厅|署|公司|组|队|所|站|团体|行政区|新区|开发区)[）)]?$/;
const BARE_LEVEL = /^各?(?:省|自治区|直辖市|计划单列市|市|县|区|州|盟|旗|乡|镇|街道)$/;

function yearOfDocNumber(n: string | null): number | null {
  const m = n ? /〔((?:19|20)\d{2})〕/.exec(n) : null;
  return m ? Number(m[1]) : null;
}

/** The issuing bodies of a 落款: one line each above the date (joint documents have several). */
function issuersBefore(paras: Paragraph[], dateIndex: number): string | null {
  const names: string[] = [];
  for (const k of issuerLinesBefore(paras, dateIndex)) names.push(...issuersOnLine(paras[k].text));
  return names.length ? names.join('、') : null;
}

/**
 * The lines of the 落款 that closes a document: issuing bodies above a date line, with at most 版记
 * (抄送…, …印发) and boilerplate after it.
 */
export function closingSignatureLines(paras: Paragraph[]): number[] {
  for (let i = paras.length - 1; i >= Math.max(0, paras.length - 8); i--) {
    const t = paras[i].text.trim();
    if (parseDateLine(t)) return [...issuerLinesBefore(paras, i), i];
    if (!isBoilerplate(t) && !/^(?:抄送|抄报|印发|[（(].{0,20}[）)]$)|印发$/.test(t)) return [];
  }
  return [];
}

/**
 * The lines of the 落款 that closes a notice before the plan or the 附件 it carries: the first
 * date line of the document's opening part, with the issuing bodies above it.
 */
export function noticeSignatureLines(paras: Paragraph[]): number[] {
  for (let i = 1; i < Math.min(paras.length - 1, 60); i++) {
    if (parseDateLine(paras[i].text.trim())) return [...issuerLinesBefore(paras, i), i];
  }
  return [];
}

/** The lines above a 落款 date that name its issuers, top first. */
function issuerLinesBefore(paras: Paragraph[], dateIndex: number): number[] {
  const out: number[] = [];
  for (let k = dateIndex - 1; k >= Math.max(0, dateIndex - 4); k--) {
    if (!issuersOnLine(paras[k].text).length) break;
    out.unshift(k);
  }
  return out;
}

/** "湖南省应急管理厅　　　湖南省自然资源厅": joint issuers printed side by side are two. */
function issuersOnLine(line: string): string[] {
  const parts = line.trim().split(/\s{2,}|\u3000+/).filter(Boolean);
  if (parts.length > 1 && parts.every((p) => isOrgName(p.replace(/\s+/g, '')))) return parts.map((p) => p.replace(/\s+/g, ''));
  const t = line.replace(/\s+/g, '');
  return isOrgName(t) ? [t] : [];
}
