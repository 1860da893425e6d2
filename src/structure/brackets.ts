const OPEN = '（(【[《“';
const CLOSE = '）)】]》”';

/** Split at separators that are not inside brackets or quotes: "县住建局（县人防办、县地震局）、县水利局". */
export function splitOutsideBrackets(s: string, sep: RegExp): string[] {
  const out: string[] = [];
  let depth = 0, cur = '';
  for (const ch of s) {
    if (OPEN.includes(ch)) depth++;
    if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && sep.test(ch)) { if (cur.trim()) out.push(cur.trim()); cur = ''; continue; }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}
