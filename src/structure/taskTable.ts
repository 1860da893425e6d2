import type { TableBlock, TableCell } from '../read/types.js';
import type { UnitRole } from '../result/schema.js';
import type { OutlineBuilder } from './outline.js';
import { parseMarker } from './markers.js';
import { stripArtefacts } from './paragraphs.js';
import type { DraftTask, DraftWarning, UnitSpec } from './types.js';
import { unplaced } from './warnings.js';

const ROLE_WORDS_IN_CELL = /牵头|配合|协办|主办/;

// A task-decomposition table (序号 / 重点任务 / 具体措施 / 责任单位 / 完成时限 …):
// each data row is a task; empty cells under a merged 序号 or 重点任务 inherit
// from the row above; category rows (一、… spanning the row) are sections.

export type ColumnRole = 'number' | 'title' | 'text' | 'target' | UnitRole | 'deadline' | 'year' | 'measure' | 'category' | 'other';

const HEADER_WORDS: [RegExp, ColumnRole][] = [
  [/^(序号|编号|序|项目编号)$/, 'number'],
  // A first column of categories merged over their rows (一、稳增长扩内需): sections, as category rows are.
  [/^(?:类别|分类|工作类别|任务类别|领域|重点领域|工作领域|板块|方面)$/, 'category'],
  // An indicator table's value for a year (指标名称 | 单位 | 2023年 | 2024年 | 2025年), and its unit of measure.
  [/^(?:19|20)\d{2}年?(?:目标值?|预期值?)?$/, 'year'],
  [/^(?:计量)?单位$/, 'measure'],
  [/牵头(单位|部门|处室)|主办单位|主责(单位|部门|处室)|牵头$/, 'lead'],
  [/配合(单位|部门|处室)|协办|协同|参与单位|配合$/, 'cooperate'],
  [/责任(单位|部门|主体|处室)|负责(单位|部门|处室)|指导部门|实施(单位|主体)|承办单位|主管部门|落实单位/, 'responsible'],
  [/(完成|办结)?(时限|时间|期限)|时间(节点|安排|进度|要求)|进度安排|完成时限/, 'deadline'],
  // A 目标 / 指标 column ("达到100%") is read after the measure: its targets are the task's.
  [/^(?:年度|预期|主要|绩效)?(?:目标|指标)值?$/, 'target'],
  [/具体(措施|内容|举措|工作)|主要(内容|措施|举措)|工作(措施|内容|要求|目标|举措)|任务(内容|要求)|措施|(?<!改革)举措|内容|预期成果/, 'text'],
  [/重点任务|具体任务|工作任务|主要任务|任务名称|重点工作|工作要点|改革(举措|事项|任务)|任务|事项|项目|名称/, 'title'],
];

export function headerRole(text: string): ColumnRole | null {
  const t = text.replace(/\s+/g, '');
  if (!t) return null;
  for (const [re, role] of HEADER_WORDS) if (re.test(t)) return role;
  return null;
}

export interface TaskTableLayout {
  headerRow: number;
  columns: ColumnRole[];
  /** The year of each 'year' column ("2025年"), by column index. */
  years?: string[];
}

// A score sheet (考核内容 | 分值 | 评分标准 | 考核责任单位): its unit column names who scores, not who does the work.
const SCORING = /^(?:分值|分数|评分标准|评分细则|评分办法|计分(?:标准|方法)|扣分(?:标准|情形)?|得分|赋分|权重)$/;

/** The column layout of a task table, or null when the table is not one. */
export function taskTableLayout(table: TableBlock): TaskTableLayout | null {
  const width = Math.max(...table.rows.map((r) => r.length));
  for (let h = 0; h < Math.min(3, table.rows.length); h++) {
    const header = table.rows[h].map((c) => c.text);
    if (header.some((t) => SCORING.test(t.replace(/\s+/g, '')))) return null;
    const roles = header.map((t) => headerRole(t) ?? 'other');
    const has = (r: ColumnRole) => roles.includes(r);
    const taskish = has('title') || has('text');
    const assigns = has('lead') || has('responsible') || has('cooperate') || has('deadline');
    if (!(taskish && (assigns || has('number')))) continue;
    // A two-level header (责任单位 over 牵头单位 | 配合单位): the second row refines the first.
    const sub = table.rows[h + 1]?.map((c) => headerRole(c.text));
    if (sub && sub.filter((r) => r === 'lead' || r === 'cooperate' || r === 'responsible').length >= 2 && sub.length === roles.length) {
      const merged = roles.map((r, i) => (sub[i] && sub[i] !== r ? sub[i]! : r));
      return withYears({ headerRow: h + 1, columns: widen(merged, header, width) }, header);
    }
    return withYears({ headerRow: h, columns: widen(roles, header, width) }, header);
  }
  return null;
}

function withYears(layout: TaskTableLayout, header: string[]): TaskTableLayout {
  if (!layout.columns.includes('year')) return layout;
  const years = layout.columns.map((role, i) => (role === 'year' ? /(?:19|20)\d{2}/.exec(header[i] ?? '')?.[0] ?? '' : ''));
  return { ...layout, years: years.map((y) => (y ? `${y}年` : '')) };
}

/**
 * Fit header roles to the grid. A header read without spans (text converted from
 * .docx) has fewer cells than the rows: the task column spans the extra columns,
 * its first being the title and its last the measure text. Two adjacent
 * columns with the same header (a real merged header) are title then text.
 */
function widen(roles: ColumnRole[], header: string[], width: number): ColumnRole[] {
  let cols = roles.slice();
  for (let i = 1; i < cols.length; i++) {
    if (header[i] && header[i] === header[i - 1] && cols[i] === 'title') cols[i] = 'text';
  }
  const extra = width - cols.length;
  if (extra > 0) {
    const at = cols.indexOf('title') >= 0 ? cols.indexOf('title') : cols.indexOf('text');
    if (at >= 0) {
      const spread: ColumnRole[] = Array(extra + 1).fill('other');
      spread[0] = 'title';
      spread[extra] = 'text';
      cols = [...cols.slice(0, at), ...spread, ...cols.slice(at + 1)];
    } else {
      cols = cols.concat(Array(extra).fill('other'));
    }
  }
  return cols;
}

export function readTaskTable(table: TableBlock, layout: TaskTableLayout, outline: OutlineBuilder, warnings: DraftWarning[] = []): DraftTask[] {
  const { columns } = layout;
  const headers = table.rows.slice(0, layout.headerRow + 1).map((r) => r.map((c) => norm(c.text)));
  const tasks: DraftTask[] = [];
  let number: string | null = null;
  let title: string | null = null;
  const categoryCell = columns.indexOf('category');
  let columnCategory = '';
  for (let r = layout.headerRow + 1; r < table.rows.length; r++) {
    const row = table.rows[r];
    const texts = row.map((c) => (c.merged ? '' : c.text.trim()));
    if (texts.every((t) => !t)) continue;
    // A header repeated at the top of a new page (both rows of a two-level one), or a total.
    if (headers.some((h) => row.length === h.length && row.every((c, i) => norm(c.text) === h[i]))) continue;
    if (TOTAL.test(norm(texts.find(Boolean) ?? ''))) continue;
    const category = categoryText(row) ?? numberedCategory(row);
    // "注：1．…" across the last row: a note on the table, not a category of its tasks.
    if (category !== null && NOTE.test(category)) {
      warnings.push(unplaced({ kind: 'para', text: category, line: row[0].line }));
      continue;
    }
    if (category !== null) {
      const marker = parseMarker(category);
      if (marker) outline.add(marker, marker.rest.trim(), row[0].line);
      else outline.openRoot(category, row[0].line);
      number = null;
      title = null;
      continue;
    }
    // Merged cells repeat their text: a new category is a new text (an empty cell keeps the last).
    const cat = categoryCell >= 0 ? norm(row[categoryCell]?.text ?? '') : '';
    if (cat && cat !== columnCategory) {
      columnCategory = cat;
      const marker = parseMarker(cat);
      if (marker) outline.add(marker, marker.rest.trim(), row[categoryCell].line);
      else outline.openRoot(cat, row[categoryCell].line);
      number = null;
      title = null;
    }
    const num = roleText(columns, row, 'number');
    const ttl = roleText(columns, row, 'title');
    // An empty title under a new number is a title cell merged over both rows: it carries on.
    if (num) number = num.replace(/[.、．]$/, '');
    if (ttl) title = ttl;
    let body = roleText(columns, row, 'text');
    if (!columns.includes('text')) body = ttl;
    // A value in its own column takes the unit of measure printed beside it ("3600" | "家").
    const measure = roleText(columns, row, 'measure');
    const withMeasure = (v: string) => (measure && /^[0-9.，,%％]+$/.test(v) ? v + measure : v);
    const target = withMeasure(roleText(columns, row, 'target'));
    if (target) body = joinClauses(body || title || '', target);
    // An indicator's yearly values: "高新技术企业数量：2023年3000家，2024年3300家，2025年3600家", due in the last year.
    let lastYear: string | null = null;
    if (layout.years) {
      const values: string[] = [];
      for (let i = 0; i < columns.length; i++) {
        const v = columns[i] === 'year' && row[i] ? stripArtefacts(row[i].text) : '';
        if (!v || PLACEHOLDER.test(v)) continue;
        values.push(`${layout.years[i]}${withMeasure(v)}`);
        lastYear = layout.years[i] || lastYear;
      }
      if (values.length) body = `${(body || title || '').replace(/[。；;，,：:]$/, '')}：${values.join('，')}`;
    }
    if (!body && !ttl) continue;
    const unitSpecs: UnitSpec[] = [];
    for (const role of UNIT_ROLES) {
      for (const c of roleCells(columns, row, role, true)) {
        // Spaces stay: a cell lists its units one per line ("市财政局 市税务局" once joined), and
        // splitUnits tells a space between two names from a space inside one.
        const raw = stripArtefacts(c.text, { keepSpaces: true });
        if (PLACEHOLDER.test(raw)) continue;
        // A 责任单位 cell may say who leads ("A牵头，B配合", "A（牵头）、B", "牵头：A 配合：B"): its words decide.
        if (raw) unitSpecs.push({ raw, role: role === 'responsible' && ROLE_WORDS_IN_CELL.test(raw) ? null : role });
      }
    }
    tasks.push({
      number,
      sectionId: outline.current?.id ?? null,
      title,
      text: body || title || '',
      unitSpecs,
      deadlineRaw: roleText(columns, row, 'deadline') || lastYear,
      origin: { kind: 'table', line: firstLine(row) },
    });
  }
  return tasks;
}

// Module-level rather than closures made per row: V8 keeps optimised code only while a
// function object holds it, and a batch worker would otherwise optimise these anew after
// each full collection.

/**
 * The row's cells in the columns of a role, in column order. With `unitCells`, a cell merged
 * across from a unit column to its left (one 市工信局 spanning 牵头单位 | 配合单位) is that column's.
 */
function roleCells(columns: ColumnRole[], row: TableCell[], role: ColumnRole, unitCells = false): TableCell[] {
  const out: TableCell[] = [];
  for (let i = 0; i < columns.length; i++) {
    if (columns[i] !== role || !row[i]) continue;
    if (unitCells && row[i].merged && i > 0 && isUnitRole(columns[i - 1]) && row[i - 1]?.text === row[i].text) continue;
    out.push(row[i]);
  }
  return out;
}

const UNIT_ROLES = ['lead', 'cooperate', 'responsible'] as const;
const isUnitRole = (role: ColumnRole) => (UNIT_ROLES as readonly ColumnRole[]).includes(role);

/** The cells of a role as one text; two columns of it (工作内容 | 工作目标) as two clauses. */
function roleText(columns: ColumnRole[], row: TableCell[], role: ColumnRole): string {
  let s = '';
  for (const c of roleCells(columns, row, role)) {
    const t = stripArtefacts(c.text);
    if (!t || PLACEHOLDER.test(t)) continue;
    s = joinClauses(s, t);
  }
  return s;
}

function joinClauses(a: string, b: string): string {
  return !a || /[。；;，,：:]$/.test(a) ? a + b : `${a}；${b}`;
}

// An empty cell written as a dash or 无: no unit, no deadline, no text.
const PLACEHOLDER = /^(?:[—–\-－―─/／\\、]+|无|暂无|空)$/;
const TOTAL = /^(?:合计|小计|总计|共计)$/;
const NOTE = /^(?:注|备注|说明|附注)\s*\d*\s*[:：]/;

/** The text of a row that is one spanning cell (a category row), or null. */
function categoryText(row: TableCell[]): string | null {
  const distinct = [...new Set(row.map((c) => c.text.trim()).filter(Boolean))];
  if (distinct.length !== 1) return null;
  if (row.length === 1) return distinct[0];
  const filled = row.filter((c) => c.text.trim() && !c.merged).length;
  const t = distinct[0];
  // One cell filled in a wide row: a category when it reads as a heading, not a number.
  if (filled === 1 && row.filter((c) => c.text.trim()).length === row.length) return t; // spans all columns
  if (filled === 1 && /^[一二三四五六七八九十]+、|^[（(][一二三四五六七八九十]+[）)]/.test(t)) return t;
  return null;
}

/**
 * A category row whose number has a cell of its own ("一 | 优化政务服务" spanning the rest): the
 * heading with its number, or null.
 */
function numberedCategory(row: TableCell[]): string | null {
  const num = row[0]?.text.trim() ?? '';
  const m = /^([一二三四五六七八九十]+)[、.．]?$|^([（(][一二三四五六七八九十]+[）)])$/.exec(num);
  if (!m || row.length < 3) return null;
  const rest = categoryText(row.slice(1));
  return rest && !parseMarker(rest) ? (m[1] ? `${m[1]}、${rest}` : `${m[2]}${rest}`) : null;
}

function firstLine(row: TableCell[]): number {
  return Math.min(...row.map((c) => c.line));
}

const norm = (s: string) => s.replace(/\s+/g, '');
