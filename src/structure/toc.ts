import type { Paragraph } from '../read/types.js';

// A compilation's 目录: entries with page numbers. Each entry names an article
// whose title appears again in the body; the articles become level-1 sections.

export interface TableOfContents {
  /** Index (in the paragraph list) of the 目录 line and of the paragraph after the last entry. */
  start: number;
  end: number;
  entries: string[];
}

const TOC_HEAD = /^目\s*录$/;
const PAGE_SUFFIX = /[\s\t.…·]*\d{1,4}$/;

export function findTableOfContents(paras: Paragraph[], documentTitle: string | null): TableOfContents | null {
  const start = paras.findIndex((p, i) => i < 80 && TOC_HEAD.test(p.text.trim()));
  if (start < 0) return null;
  const entries: string[] = [];
  let end = start + 1;
  for (; end < paras.length; end++) {
    const t = paras[end].text.trim();
    if (!t) continue;
    const title = tocTitle(t);
    // Entries are short; the body starts with the first sentence.
    if (title.length > 60 || /[。；]/.test(title)) break;
    if (!PAGE_SUFFIX.test(t) && entries.length && !looksLikeEntry(t)) break;
    if (TOC_HEAD.test(title) || (documentTitle && norm(title) === norm(documentTitle))) continue;
    if (entries.length && norm(title) === norm(entries[0])) break; // the body begins with the first entry again
    entries.push(title);
  }
  return entries.length >= 2 ? { start, end, entries } : null;
}

const looksLikeEntry = (t: string) => t.length <= 40 && !/[，。；：]/.test(t.replace(/[：:]/, ''));

function tocTitle(line: string): string {
  return line.replace(PAGE_SUFFIX, '').trim();
}

export const norm = (s: string) => s.replace(/[\s\u3000]+/g, '');
