import { charClass } from '../extract/chars.js';

const isOpen = charClass('（(【[《“');
const isClose = charClass('）)】]》”');

// sep.test(ch), remembered per separator pattern and char code (0 not asked yet, 1 no, 2 yes), so
// each character is tested against a pattern once. Tables are found by the pattern object, else by
// its text (a regex literal in a function is a new object at every call).
const tablesByPattern = new WeakMap<RegExp, Uint8Array>();
const tablesBySource = new Map<string, Uint8Array>();

function tableFor(sep: RegExp): Uint8Array {
  let table = tablesByPattern.get(sep);
  if (!table) {
    const key = `${sep.flags}/${sep.source}`;
    table = tablesBySource.get(key);
    if (!table) {
      if (tablesBySource.size >= 64) tablesBySource.clear();
      tablesBySource.set(key, (table = new Uint8Array(0x10000)));
    }
    tablesByPattern.set(sep, table);
  }
  return table;
}

function isSeparator(sep: RegExp, table: Uint8Array | null, s: string, i: number): boolean {
  if (table === null) return sep.test(s[i]); // global or sticky: stateful, test every time as written
  const code = s.charCodeAt(i);
  let is = table[code];
  if (is === 0) table[code] = is = sep.test(s[i]) ? 2 : 1;
  return is === 2;
}

/** Split at separators that are not inside brackets or quotes: "县住建局（县人防办、县地震局）、县水利局". */
export function splitOutsideBrackets(s: string, sep: RegExp): string[] {
  const table = sep.global || sep.sticky || Object.getPrototypeOf(sep) !== RegExp.prototype ? null : tableFor(sep);
  const out: string[] = [];
  let depth = 0;
  let from = 0; // start of the current piece
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A surrogate pair is one character: no bracket, tested whole against the separator.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (depth === 0 && sep.test(s.slice(i, i + 2))) { push(out, s.slice(from, i)); from = i + 2; }
        i++;
        continue;
      }
    }
    if (isOpen(c)) depth++;
    if (isClose(c)) depth = Math.max(0, depth - 1);
    if (depth === 0 && isSeparator(sep, table, s, i)) { push(out, s.slice(from, i)); from = i + 1; }
  }
  push(out, s.slice(from));
  return out;
}

function push(out: string[], piece: string): void {
  const t = piece.trim();
  if (t) out.push(t);
}
