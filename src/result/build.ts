import { createHash } from 'node:crypto';
import { findDeadlineInText, parseDeadline } from '../extract/deadline.js';
import { findTargets, withTagMemo } from '../extract/targets.js';
import { parseResponsibility, splitUnits } from '../extract/units.js';
import type { ReadDocument } from '../read/types.js';
import type { DraftTask, Structure, UnitSpec } from '../structure/types.js';
import { ResultSchema, SCHEMA_VERSION, type Deadline, type Result, type Section, type Target, type Task, type Unit, type Warning } from './schema.js';

export interface BuildInput {
  bytes: Uint8Array;
  path: string | null;
  read: ReadDocument;
  structure: Structure;
}

/** Draft tasks → final tasks (units, deadlines, targets read by the extractors), validated by zod. */
export function buildResult(input: BuildInput): Result {
  return withTagMemo(() => build(input));
}

function build({ bytes, path, read, structure }: BuildInput): Result {
  const year = structure.document.year;
  const warnings: Warning[] = structure.warnings.map((w) => ({ ...w, taskId: null }));
  const unitsOfSpec = new Map<string, Unit[]>(); // a unit list printed for several tasks is read once
  const sections = new Map(structure.sections.map((s) => [s.id, s]));
  const tasks: Task[] = structure.tasks.map((d, i) => {
    const id = `t${i + 1}`;
    const units = readUnits(d.unitSpecs, unitsOfSpec);
    const own = readDeadline(d, year, (message) =>
      warnings.push({ code: 'unknown-deadline', message, line: d.origin.line, taskId: id }));
    // A title that ends with its own date ("动员部署阶段（2025年3月）") gives the deadline, and loses the bracket.
    const inTitle = own || !d.title ? null : bracketDeadline(d.title, year);
    const deadline = own ?? inTitle?.deadline ?? headingDeadline(d.sectionId, sections, year);
    return {
      id,
      number: d.number,
      sectionId: d.sectionId,
      title: inTitle ? d.title!.slice(0, inTitle.at).trim() || d.title : d.title,
      text: d.text,
      units,
      deadline,
      targets: targetsOf(d),
      origin: d.origin,
    };
  });
  if (tasks.length === 0) warnings.push({ code: 'no-tasks', message: 'no tasks found in the document', line: null, taskId: null });
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const result: Result = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path,
      format: read.format,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      encoding: read.encoding,
    },
    document: structure.document,
    sections: structure.sections,
    tasks,
    warnings,
  };
  return ResultSchema.parse(result);
}

function readUnits(specs: UnitSpec[], cache: Map<string, Unit[]>): Unit[] {
  const out: Unit[] = [];
  for (const spec of specs) {
    const key = `${spec.role ?? ''}|${spec.firstLeads ? 1 : 0}|${spec.raw}`;
    let ordered = cache.get(key);
    if (ordered === undefined) {
      const units = spec.role ? splitUnits(spec.raw, spec.role, { firstLeads: spec.firstLeads }) : parseResponsibility(spec.raw) ?? splitUnits(spec.raw, 'responsible');
      ordered = spec.firstLeads && !spec.role && !/牵头|配合/.test(spec.raw)
        ? units.map((u, k) => ({ ...u, role: k === 0 ? 'lead' as const : 'responsible' as const }))
        : units;
      cache.set(key, ordered);
    }
    for (const u of ordered) if (!out.some((o) => o.name === u.name && o.role === u.role)) out.push(u);
  }
  return out;
}

function readDeadline(d: DraftTask, year: number | null, warn: (m: string) => void): Deadline | null {
  if (d.deadlineRaw) {
    const { understood, ...deadline } = parseDeadline(d.deadlineRaw, { year });
    // "按进度推进" names no date: a date the task's own text gives is better than none.
    if (!deadline.due && !deadline.ongoing) {
      const inText = findDeadlineInText(d.text, { year });
      if (inText?.due) return { ...withoutFlags(inText) };
    }
    if (!understood) warn(`deadline not understood: ${d.deadlineRaw}`);
    return deadline;
  }
  const found = findDeadlineInText(d.text, { year });
  if (!found) return null;
  const { understood: _u, ...deadline } = found;
  return deadline;
}

// "（三）完成老旧小区改造（2025年10月底前）", "动员部署阶段（2025年3月）": a heading's closing bracket
// that holds only a deadline dates every task under it that dates nothing itself.
const HEADING_BRACKET = /[（(]([^（）()]{2,30})[）)]\s*$/;

function bracketDeadline(heading: string, year: number | null): { deadline: Deadline; at: number } | null {
  const bracket = HEADING_BRACKET.exec(heading);
  if (!bracket) return null;
  const parsed = parseDeadline(bracket[1], { year });
  return parsed.understood && (parsed.due || parsed.ongoing) ? { deadline: withoutFlags(parsed), at: bracket.index } : null;
}

function headingDeadline(sectionId: string | null, sections: Map<string, Section>, year: number | null): Deadline | null {
  for (let s = sectionId ? sections.get(sectionId) : undefined; s; s = s.parentId ? sections.get(s.parentId) : undefined) {
    const found = bracketDeadline(s.heading, year);
    if (found) return found.deadline;
  }
  return null;
}

/** A headline that is not part of the text ("对即将超期使用特种设备提醒率达100%") states targets too. */
function targetsOf(d: DraftTask) {
  const inText = findTargets(d.text);
  if (!d.title || d.origin.kind !== 'block' || d.number !== null || d.text.includes(d.title)) return inText;
  const same = (a: Target, b: Target) => a.comparator === b.comparator && a.value === b.value && a.unit === b.unit;
  return [...findTargets(d.title).filter((t) => !inText.some((x) => same(x, t))), ...inText];
}

function withoutFlags(d: ReturnType<typeof parseDeadline>): Deadline {
  const { understood: _u, ...deadline } = d;
  return deadline;
}
