// Lines of a 公文 that are form, not content: they are neither tasks nor warnings.

const PATTERNS: RegExp[] = [
  /^[（(]此件(?:公开发布|主动公开|依申请公开|不公开|删减后公开)[）)]$/,
  /^(?:抄送|抄报|主送|印发|发送)[:：]/,
  /^.{2,40}(?:办公室|办公厅|秘书处|政府)?\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:印发|印)$/,
  /^(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$/,
  /^共印\s*\d+\s*份$/,
  /^[—\-－–\s]*\d{1,4}[—\-－–\s]*$/, // page numbers: "— 3 —", "-3-"
  /^--\s*\d+\s*of\s*\d+\s*--$/,
  /^第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?$/,
  /^附件\s*[\d一二三四五六七八九十]*[:：]?$/,
  /^附件\s*[\d一二三四五六七八九十]*\s*[:：]\s*\d*[.．、]?\s*\S{1,60}$/, // 附件：1.某某登记表
  /^(?:.*人民政府(?:办公室|办公厅)?|.*委员会)文件$/,
  /^[（(]?(?:联系人|联系电话|电话|传真|邮箱)[:：]/,
  /^\s*$/,
];

// Two patterns backtrack over the whole line; only lines with these endings can match them.
const ENDINGS: (readonly string[] | undefined)[] = PATTERNS.map((re) =>
  re === PATTERNS[2] ? ['印', '印发'] : re === PATTERNS[10] ? ['文件'] : undefined);

function endsWithAny(t: string, endings: readonly string[]): boolean {
  for (const e of endings) if (t.endsWith(e)) return true;
  return false;
}

export function isBoilerplate(text: string): boolean {
  const t = text.trim();
  for (let i = 0; i < PATTERNS.length; i++) {
    const endings = ENDINGS[i];
    if (endings && !endsWithAny(t, endings)) continue;
    if (PATTERNS[i].test(t)) return true;
  }
  return false;
}
