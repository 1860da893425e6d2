import type { ReadDocument } from '../read/types.js';
import { codePointLength } from '../extract/chars.js';
import { statesFirstUnitLeads } from '../extract/units.js';
import type { Paragraph } from '../read/types.js';
import { readBody } from './body.js';
import { closingSignatureLines, extractMetadata, noticeSignatureLines } from './metadata.js';
import { OutlineBuilder } from './outline.js';
import { healParagraphs, type HealedParagraph } from './paragraphs.js';
import { parseMarker } from './markers.js';
import { readTaskTable, taskTableLayout, type TaskTableLayout } from './taskTable.js';
import { withResponsibilityMemo } from './responsibility.js';
import { TableWording } from './restated.js';
import { findTableOfContents } from './toc.js';
import { captionBefore } from './tableCaption.js';
import type { DraftTask, DraftWarning, Structure } from './types.js';

export type { Structure, DraftTask, DraftWarning, UnitSpec } from './types.js';

/** Blocks → metadata, outline and draft tasks. */
export function structure(doc: ReadDocument): Structure {
  return withResponsibilityMemo(() => structureOf(doc));
}

function structureOf(doc: ReadDocument): Structure {
  const rawParas = doc.blocks.filter((b): b is Paragraph => b.kind === 'para');
  const document = extractMetadata(rawParas);
  const items = healParagraphs(doc.blocks);
  const paras = items.filter((b): b is HealedParagraph => b.kind === 'para');
  // Reader notes that report a loss or a doubt are warnings; restored numbering is not.
  const warnings: DraftWarning[] = doc.notes.filter((n) => n.code !== 'numbering-restored').map((n) => ({ ...n }));

  const headIndexes = headOf(paras, document.title);
  const toc = findTableOfContents(paras, document.title);
  const firstLeads = paras.some((p) => statesFirstUnitLeads(p.text));

  // Task tables first: when there is one, the body's numbered items are only sections.
  const tableOutline = new OutlineBuilder();
  const tableTasks: DraftTask[] = [];
  const captionLines = new Set<number>();
  let previous: { layout: TaskTableLayout; width: number; index: number } | null = null;
  for (let i = 0; i < items.length; i++) {
    const b = items[i];
    if (b.kind !== 'table') continue;
    const layout = taskTableLayout(b);
    const width = Math.max(...b.rows.map((r) => r.length));
    if (!layout) {
      // "（续表）" and the rest of a task table, printed without its header: the rows of the table before.
      const between = previous && previous.width === width ? items.slice(previous.index + 1, i) : null;
      if (between && between.every((x) => x.kind === 'para' && CONTINUED.test(x.text.trim()))) {
        for (const x of between) captionLines.add(x.line);
        tableTasks.push(...readTaskTable(b, { ...previous!.layout, headerRow: -1 }, tableOutline, warnings));
        previous = { ...previous!, index: i };
        continue;
      }
      warnings.push({ code: 'unplaced-table', message: `table of ${b.rows.length} rows is not a task table`, line: b.line });
      previous = null;
      continue;
    }
    previous = { layout, width, index: i };
    const caption = captionBefore(items, i);
    if (caption) {
      tableOutline.openRoot(caption.text, caption.line);
      for (const l of caption.lines) captionLines.add(l);
    } else tableOutline.reset();
    tableTasks.push(...readTaskTable(b, layout, tableOutline, warnings));
  }
  // "责任单位排在第一位的为牵头单位" (in the notice or in a 注 under the table): in a row that names no
  // lead, the first unit of its 责任单位 cell leads.
  if (firstLeads) {
    for (const t of tableTasks) {
      if (!t.unitSpecs.some((u) => u.role === 'lead')) t.unitSpecs = t.unitSpecs.map((u) => (u.role === 'responsible' ? { ...u, firstLeads: true } : u));
    }
  }
  const tasksFromTable = tableTasks.length > 0;
  if (!tasksFromTable) captionLines.clear();

  const bodyOutline = new OutlineBuilder();
  const body = readBody(
    paras.filter((p) => !captionLines.has(p.line)),
    bodyOutline,
    {
      tasksFromTable, toc, headIndexes: remap(paras, headIndexes, captionLines), firstLeads,
      tableWording: new TableWording(tableTasks),
    },
  );
  // Sections: body first, then the table's category rows, renumbered in line order.
  const sections = mergeSections(body.sections, tasksFromTable ? tableOutline.sections : [], tableTasks);
  // With a table, the body's tasks are the measures it does not restate.
  const tasks = tasksFromTable ? [...tableTasks, ...body.tasks].sort((a, b) => a.origin.line - b.origin.line) : body.tasks;
  warnings.push(...body.warnings);
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { document, sections: sections.sections, tasks: sections.remapTasks(tasks), warnings };
}

// What may stand between a task table and its headerless continuation.
const CONTINUED = /^(?:[（(]?续上?表[^）)]{0,10}[）)]?)?$/;

/** A short line without sentence punctuation: a title line or a heading. */
const isTitleLine = (t: string) => codePointLength(t) <= 40 && !/[。，；]/.test(t);

/** Indexes of the head paragraphs: everything up to the 主送 line, the 落款 after the notice. */
function headOf(paras: Paragraph[], title: string | null): Set<number> {
  const head = new Set<number>();
  const limit = Math.min(paras.length, 40);
  let end = -1;
  // The 主送 line ("各乡镇人民政府，县政府各部门：") comes before any numbered item.
  for (let i = 0; i < Math.min(limit, 25); i++) {
    const t = paras[i].text.trim();
    if (parseMarker(t)) break;
    if (/[：:]$/.test(t) && t.length <= 150 && !/。/.test(t)) { end = i; break; }
  }
  if (end < 0 && title) {
    // No 主送: the head is the title lines.
    for (let i = 0; i < limit; i++) {
      if (title.replace(/\s+/g, '').includes(paras[i].text.replace(/\s+/g, '')) && paras[i].text.length > 1) head.add(i);
      else if (head.size) break;
    }
  }
  for (let i = 0; i <= end; i++) head.add(i);
  // The 落款 that closes the document: metadata reads it as issuer and issuedDate, so it is placed.
  for (const i of closingSignatureLines(paras)) head.add(i);
  // The 落款 of a notice before its plan or 附件, after a long last paragraph too, and the plan's
  // title lines right after it.
  const signature = noticeSignatureLines(paras);
  for (const i of signature) head.add(i);
  for (let i = signature.length ? signature[signature.length - 1] + 1 : paras.length; i < paras.length; i++) {
    const t = paras[i].text.trim();
    if (parseMarker(t) || !isTitleLine(t) || /[：:]/.test(t)) break;
    head.add(i);
  }
  // Short non-sentence lines before the first numbered item are headings (the plan's own title).
  for (let i = end + 1; i < Math.min(paras.length, end + 60); i++) {
    const t = paras[i].text.trim();
    if (parseMarker(t) || /^第[一二三四五六七八九十百]+[章节条]/.test(t)) break;
    if (/^目\s*录$/.test(t)) break;
    // The notice's one sentence ("…现印发给你们，请认真贯彻执行。") belongs to the head, as does what follows it up to the plan.
    const length = codePointLength(t);
    if (/印发给你们|请认真(?:贯彻)?(?:执行|落实)|请结合实际|现予(?:印发|公布)|遵照执行/.test(t) && length <= 200) { head.add(i); continue; }
    if (isTitleLine(t)) head.add(i);
    else if (length > 40) break; // the body has begun
  }
  return head;
}

function remap(paras: Paragraph[], head: Set<number>, drop: Set<number>): Set<number> {
  const kept = paras.map((p, i) => ({ p, i })).filter(({ p }) => !drop.has(p.line));
  const out = new Set<number>();
  kept.forEach(({ i }, j) => { if (head.has(i)) out.add(j); });
  return out;
}

function mergeSections(body: Structure['sections'], table: Structure['sections'], _tasks: DraftTask[]) {
  const all = [...body.map((s) => ({ s, from: 'b' })), ...table.map((s) => ({ s, from: 't' }))]
    .sort((a, b) => a.s.line - b.s.line);
  const idMap = new Map<string, string>();
  all.forEach(({ s, from }, k) => idMap.set(`${from}:${s.id}`, `s${k + 1}`));
  const sections = all.map(({ s, from }) => ({
    ...s,
    id: idMap.get(`${from}:${s.id}`)!,
    parentId: s.parentId ? idMap.get(`${from}:${s.parentId}`) ?? null : null,
  }));
  const tableFrom = table.length ? 't' : 'b';
  return {
    sections,
    remapTasks: (tasks: DraftTask[]) => tasks.map((t) => ({
      ...t,
      sectionId: t.sectionId ? idMap.get(`${t.origin.kind === 'table' ? tableFrom : 'b'}:${t.sectionId}`) ?? null : null,
    })),
  };
}
