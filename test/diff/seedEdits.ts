import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Builds a changed version of seed 003 (numbered measures, each followed by 牵头单位/责任单位/
// 完成时限 label lines) by editing its text, and records where every measure ended up, so the
// tests can tell which tasks of the parsed results belong to which measure.

export const SEED_003 = fileURLToPath(new URL('../../fixtures/seeds/003_d25d4ccf3a63151e.txt', import.meta.url));

type Item = { kind: 'line'; text: string } | { kind: 'block'; key: string; number: number; lines: string[] };

const BLOCK_START = /^(\d+)\./;
const HEADING = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/;

/** The seed as lines and numbered blocks (a block runs until the next block or heading). */
export function splitBlocks(text: string): Item[] {
  const items: Item[] = [];
  let current: Extract<Item, { kind: 'block' }> | null = null;
  for (const line of text.split('\n')) {
    const m = BLOCK_START.exec(line);
    if (m) {
      current = { kind: 'block', key: m[1], number: Number(m[1]), lines: [line] };
      items.push(current);
    } else if (current && !HEADING.test(line) && line.trim() !== '') {
      current.lines.push(line);
    } else {
      current = null;
      items.push({ kind: 'line', text: line });
    }
  }
  return items;
}

export interface EditedSeed {
  oldText: string;
  newText: string;
  /** 1-based inclusive line ranges of each block, by original number ("new" for the added one). */
  oldLines: Map<string, [number, number]>;
  newLines: Map<string, [number, number]>;
  /** Original number → number in the edited text (deleted blocks absent). */
  renumber: Map<string, string>;
}

const replaceOnce = (lines: string[], from: string, to: string): string[] => {
  const joined = lines.join('\n');
  if (!joined.includes(from)) throw new Error(`edit: "${from}" not found`);
  return joined.replace(from, to).split('\n');
};

export const ADDED_BLOCK = [
  '21.建立营商环境问题整改销号机制。对企业反映的营商环境问题实行清单化管理，逐项明确整改责任人、整改措施和整改时限，整改一件、销号一件，每月通报整改进展。',
  '牵头单位：市发展改革委',
  '责任单位：市级党委政府各部门(单位)，各县(区)人民政府',
  '完成时限:2022年9月底',
];

/**
 * The edits of the diff tests (issue 7): block 5 deleted; block 7 moved after block 9; a new
 * block added at the end of section (五); every block renumbered in its new order; block 4's
 * deadline 2022年6月底 → 2022年9月底; block 12's 市市场监管局 → 市商务局 (责任单位); block 13
 * reworded (抽调力量 → 抽调精干力量); in 保障措施 (三) 每月至少1次 → 每月至少2次.
 */
export function editSeed003(): EditedSeed {
  const oldText = readFileSync(SEED_003, 'utf8');
  const items = splitBlocks(oldText);
  const blocks = new Map(items.flatMap((it) => (it.kind === 'block' ? [[it.key, it] as const] : [])));
  const oldLines = new Map<string, [number, number]>();
  let line = 1;
  for (const it of items) {
    if (it.kind === 'block') { oldLines.set(it.key, [line, line + it.lines.length - 1]); line += it.lines.length; } else line++;
  }

  const edit = (key: string, from: string, to: string) => {
    const b = blocks.get(key)!;
    b.lines = replaceOnce(b.lines, from, to);
  };
  edit('4', '完成时限:2022年6月底', '完成时限:2022年9月底');
  edit('12', '市市场监管局', '市商务局');
  edit('13', '抽调力量集中攻坚', '抽调精干力量集中攻坚');

  let out: Item[] = items.filter((it) => !(it.kind === 'block' && it.key === '5'));
  // Move 7 after 9.
  const seven = out.findIndex((it) => it.kind === 'block' && it.key === '7');
  const [moved] = out.splice(seven, 1);
  out.splice(out.findIndex((it) => it.kind === 'block' && it.key === '9') + 1, 0, moved);
  // Add a block after 20 (the end of section (五)).
  out.splice(out.findIndex((it) => it.kind === 'block' && it.key === '20') + 1, 0,
    { kind: 'block', key: 'new', number: 21, lines: [...ADDED_BLOCK] });
  // The target in 保障措施 (三).
  out = out.map((it) => (it.kind === 'line' && it.text.includes('每月至少1次') ? { kind: 'line', text: it.text.replace('每月至少1次', '每月至少2次') } : it));

  const renumber = new Map<string, string>();
  const newLines = new Map<string, [number, number]>();
  const lines: string[] = [];
  let n = 0;
  for (const it of out) {
    if (it.kind === 'line') { lines.push(it.text); continue; }
    n++;
    if (it.key !== 'new') renumber.set(it.key, String(n));
    newLines.set(it.key, [lines.length + 1, lines.length + it.lines.length]);
    lines.push(it.lines[0].replace(BLOCK_START, `${n}.`), ...it.lines.slice(1));
  }
  return { oldText, newText: lines.join('\n'), oldLines, newLines, renumber };
}

/** The block (original number, or "new") a task's origin line falls in; null outside blocks. */
export function blockAt(ranges: Map<string, [number, number]>, line: number): string | null {
  for (const [key, [a, b]] of ranges) if (line >= a && line <= b) return key;
  return null;
}
