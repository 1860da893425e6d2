import type { Result, Task } from '../result/schema.js';
import { parseNumber, printNumber, startsWithNumber, type NumberStyle } from './numbering.js';
import type { SourceText } from './source.js';

// Task numbering, as printed: tasks are grouped by numbering style (1. / （一） / 第一条 / 一是 …) into
// sequences; a sequence starts again at 1 (a new list under another heading). Within a sequence,
// consecutive tasks with the same number form a run: the rows or parts of one numbered task.
// A run is one task when its number was printed once, or printed again with the same title
// (a row repeated after a page break); it hides a duplicate when the number was printed for two
// different titles.

export interface Entry {
  task: Task;
  index: number;
  style: NumberStyle;
  value: number;
}

export interface Run {
  value: number;
  entries: Entry[];
}

export interface Sequence {
  style: NumberStyle;
  entries: Entry[];
  runs: Run[];
}

export function sequences(result: Result): Sequence[] {
  const out: Sequence[] = [];
  const current = new Map<NumberStyle, Sequence>();
  result.tasks.forEach((task, index) => {
    const n = parseNumber(task.number);
    if (!n) return;
    const entry: Entry = { task, index, ...n };
    let seq = current.get(n.style);
    const last = seq?.entries[seq.entries.length - 1];
    const restart = !seq || (n.value === 1 && last && (last.value !== 1 || last.task.sectionId !== task.sectionId));
    if (restart) {
      seq = { style: n.style, entries: [], runs: [] };
      current.set(n.style, seq);
      out.push(seq);
    }
    seq!.entries.push(entry);
    const run = seq!.runs[seq!.runs.length - 1];
    // A run continues only with the task right after the previous one of this style.
    if (run && run.value === n.value && last && last.index === index - 1) run.entries.push(entry);
    else seq!.runs.push({ value: n.value, entries: [entry] });
  });
  return out;
}

export function normalizeTitle(title: string | null): string {
  return (title ?? '')
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/**
 * Was the task's number printed at its own row or paragraph? true / false from the source text;
 * null when there is no source text or the line is not found.
 */
export function printedAt(task: Task, source: SourceText | null): boolean | null {
  if (!source || !task.number) return null;
  if (task.origin.kind === 'table') {
    const row = source.rowAt(task.origin.line);
    if (!row) return null;
    const first = row.cells.find((c) => c.text.trim() !== '');
    // The 序号 cell is the row's first cell; a continuation row leaves it empty.
    const numberCell = row.cells[0]?.text.trim() ?? '';
    if (!numberCell) return false;
    return startsWithNumber(numberCell, task.number) || (first ? startsWithNumber(first.text, task.number) : false);
  }
  const para = source.paragraphAt(task.origin.line);
  if (!para) return null;
  return startsWithNumber(para.text, task.number);
}

/**
 * The printings of a run that stand for separate tasks: entries whose number was printed, one per
 * distinct title. Without source text, table rows with a title of their own count as printed; other
 * tasks (parts of a measure inherit its number) do not.
 */
export function distinctPrintings(run: Run, source: SourceText | null): Entry[] {
  const printed = run.entries.filter((e) => printedAt(e.task, source) ?? (e.task.origin.kind === 'table'));
  const byTitle = new Map<string, Entry>();
  for (const e of printed) {
    const title = normalizeTitle(e.task.title);
    // An untitled printing (an empty title cell) is not evidence of another task.
    if (title && !byTitle.has(title)) byTitle.set(title, e);
  }
  if (byTitle.size) return [...byTitle.values()];
  return printed.slice(0, 1);
}

export function label(style: NumberStyle, value: number): string {
  return printNumber(style, value);
}
