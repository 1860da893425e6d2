import { charClass } from '../extract/chars.js';
import { scopedMemo } from '../extract/memo.js';
import { GUIDES_OR_SUPPORTS, roleOfLabel } from '../extract/units.js';
import { splitOutsideBrackets } from './brackets.js';
import type { UnitSpec } from './types.js';

// Recognising a responsibility phrase — （责任单位：…）, （A牵头，B配合）, [A牵头，B等按职责分工负责],
// （A、B负责）, （5月底完成，牵头考核单位：X） — and cutting it off the task text.
// Which unit has which role is the extract stage's job; here we only find the phrase.

const isOpen = charClass('（([【');
const isClose = charClass('）)]】');
const ROLE_WORDS = /牵头|负责|配合|协办|责任单位|责任部门|主办|协同/;
// 即 as in 即… (namely), not 即日起 (from today on).
const NOT_RESP = /包抓领导|分管领导|例如|比如|包括|含|即(?!日|时|刻)|简称|以下简称|见附件/;
// "2023年底前完成，并长期坚持": the clause after a date that says the work goes on is the deadline's too.
export const DEADLINE_CLAUSE = /^(?:并|此后|之后|以后)?(?:即日|全年|(?:19|20)\d{2}年|\d{1,2}月|[一二三四五六七八九十]{1,2}月|年底|年内|年末|上半年|下半年|[一二三四1-4]季度|第[一二三四]季度|长期|持续|常态化|每年|每季度|每月|每半年|按进度|逐年|分年度|定期)/;

const UNIT_LABEL = /^(责任单位|责任部门|牵头单位|牵头部门|配合单位|配合部门|协办单位|主办单位|责任主体|(?:参与|协助|协同|指导)(?:单位|部门))\s*[:：]/;
// "牵头市领导：王建华", "责任领导：…": people, not units (as the 责任领导 column of a table).
const LEADER_LABEL = /^(?:牵头|责任|联系|挂帅)?(?:[省市县区]级?)?(?:牵头|责任)?领导(?:同志)?\s*[:：]/;
const CLAUSE_SEPARATOR = /[，,；;]/;
export const TIME_LABEL = /^(?:完成时限|完成时间|时间节点|时限要求|时限)\s*[:：]/;

export interface ResponsibilityPhrase {
  start: number; // index of the opening bracket in the text
  end: number; // index after the closing bracket
  inner: string;
  unitSpecs: UnitSpec[];
  deadlineRaw: string | null;
}

// The structure stage asks about the same texts many times (a segment, its siblings, its
// paragraphs): within one structure() call, the phrases of a text are read once.
const memo = scopedMemo(scan);

/** Run `fn` with findResponsibilities memoized by text (the results are shared: read them only). */
export const withResponsibilityMemo = <T>(fn: () => T): T => memo.within(fn);

/** Every bracketed responsibility phrase in the text, in order. */
export function findResponsibilities(text: string): ResponsibilityPhrase[] {
  return memo(text);
}

function scan(text: string): ResponsibilityPhrase[] {
  const out: ResponsibilityPhrase[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!isOpen(text.charCodeAt(i))) continue;
    const end = matchBracket(text, i);
    if (end < 0) continue;
    const inner = text.slice(i + 1, end - 1).trim();
    const phrase = readPhrase(inner) ?? (closesSentence(text, i, end) ? bareUnitList(inner) : null);
    if (phrase) {
      out.push({ start: i, end, inner, ...phrase });
      i = end - 1;
    }
  }
  return out;
}

function matchBracket(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (isOpen(c)) depth++;
    else if (isClose(c)) {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

function readPhrase(inner: string): { unitSpecs: UnitSpec[]; deadlineRaw: string | null } | null {
  if (!inner || inner.length > 300 || NOT_RESP.test(inner) || !ROLE_WORDS.test(inner)) return null;
  if (/[。！？]/.test(inner.replace(/[。]$/, ''))) return null; // a sentence, not a list
  const label = UNIT_LABEL.test(inner);
  // Clauses that state a time go to the deadline; labelled clauses name units with the
  // label's role (牵头单位：A；配合单位：B；完成时限：…); the rest names units by its words.
  const clauses = splitOutsideBrackets(inner, CLAUSE_SEPARATOR);
  const deadline: string[] = [];
  const labelled: UnitSpec[] = [];
  const units: string[] = [];
  // "配合单位：市委组织部、市人社局，各区、县级市": a comma inside a label's list (departments,
  // then localities) does not end the label; a clause with role words of its own does.
  let continues: UnitSpec['role'] | undefined;
  let leaders = false;
  let unitsAt = 0; // where the unlabelled names stand among the labelled lists, to keep printed order
  for (const c of clauses) {
    const time = TIME_LABEL.exec(c);
    const unit = UNIT_LABEL.exec(c);
    if (time) { deadline.push(c.slice(time[0].length).trim()); continues = undefined; continue; }
    // The leaders' list goes on until a label or role words: "牵头市领导：王建华，李明；牵头单位：…".
    if (LEADER_LABEL.test(c)) { leaders = true; continues = undefined; continue; }
    if (leaders && !unit && !ROLE_WORDS.test(c)) continue;
    leaders = false;
    // The role a label gives this clause: any label after the first clause, else only a leading 牵头/配合 one.
    let role: UnitSpec['role'] | undefined;
    if (unit && labelled.length + units.length > 0) role = roleOfLabel(unit[1]);
    else if (DEADLINE_CLAUSE.test(c) && !ROLE_WORDS.test(c)) { deadline.push(c); continue; }
    else if (unit && /牵头|主办|配合|协办/.test(unit[1])) role = roleOfLabel(unit[1]);
    if (unit && role !== undefined) { labelled.push({ raw: c.slice(unit[0].length).trim(), role }); continues = role; }
    else if (continues !== undefined && !ROLE_WORDS.test(c)) labelled.push({ raw: c.trim(), role: continues });
    else {
      if (!units.length) unitsAt = labelled.length;
      units.push(c);
      if (ROLE_WORDS.test(c)) continues = undefined;
    }
  }
  if (!units.length && !labelled.length) return null;
  const raw = units.join('，');
  // Whatever names units must end in a role word or carry a label, so a remark in brackets is not taken.
  if (units.length && !label && !labelled.length && !/(牵头|负责|配合|协办|协助|协同|参与|落实|[:：].+)$/.test(raw) && !/牵头/.test(raw)
    && !(/负责/.test(raw) && GUIDES_OR_SUPPORTS.test(raw))) return null;
  const unitSpecs: UnitSpec[] = units.length ? [...labelled.slice(0, unitsAt), { raw, role: null }, ...labelled.slice(unitsAt)] : labelled;
  return { unitSpecs, deadlineRaw: deadline.length ? deadline.join('，') : null };
}


// "…加强应急预警等标准研制。（工信部、应急管理部）": at the end of a measure, a bracket holding only
// the names of bodies, without role words, says who does it. Every name must end like a body's, by a
// stricter list than the one that splits unit lists (extract/units.ts): no 行, 区, 组, bare 会 or 室,
// so that "（试行）", "（高新区）", "（座谈会）" or "（第一会议室）" in brackets is not taken for one.
const BODY_NAME = /^[\u4e00-\u9fa5（）()]{1,24}(?:部|委|局|厅|办|署|院|(?:委员|管委|联合|协|学|商|十字)会|(?:办公|研究)室|中心|政府|银行|集团|公司|总队|支队|大队)$/;

// "（市发展改革委、市财政局；完成时限：2024年6月底前）", "（市农业农村局、市商务局，2024年11月底前）": the
// list may be followed by its deadline.
function bareUnitList(inner: string): { unitSpecs: UnitSpec[]; deadlineRaw: string | null } | null {
  if (inner.length > 160 || NOT_RESP.test(inner) || /^如/.test(inner)) return null;
  const deadline: string[] = [];
  const names: string[] = [];
  for (const clause of splitOutsideBrackets(inner, /[；;，,]/)) {
    const c = clause.trim();
    const time = TIME_LABEL.exec(c);
    if (time) deadline.push(c.slice(time[0].length).trim());
    else if (names.length && DEADLINE_CLAUSE.test(c)) deadline.push(c);
    else if (deadline.length) return null; // names after the deadline: not a plain list
    else names.push(...splitOutsideBrackets(c, /[、]/).map((n) => n.replace(/等$/, '').trim()));
  }
  if (!names.length || !names.every((n) => BODY_NAME.test(n))) return null;
  return { unitSpecs: [{ raw: names.join('、'), role: null }], deadlineRaw: deadline.length ? deadline.join('，') : null };
}

/** The bracket ends its text or its sentence (only closing punctuation after it, or 。 before it). */
function closesSentence(text: string, start: number, end: number): boolean {
  return endsAt(text, end) || /^[。；;]/.test(text.slice(end)) || /[。；;]\s*$/.test(text.slice(0, start));
}

/** The text after a phrase is only closing punctuation: the phrase ends its sentence group. */
export function endsAt(text: string, end: number): boolean {
  return /^[\s。.；;，,]*$/.test(text.slice(end));
}
