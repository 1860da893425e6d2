import type { Unit, UnitRole } from '../result/schema.js';
import { charClass } from './chars.js';
import { fullWidthBrackets, normalizeWithMap, toHalfWidth } from './normalize.js';

// Responsible units: splitting a printed list into names, and reading roles from a
// responsibility phrase ("A牵头，B、C配合", "责任单位：A、B", "A、B负责").
//
// Names are normalized (half-width digits and letters, full-width brackets, no spaces) so the
// same body printed two ways compares equal; findPrintedUnit() maps a name back to its printed span.

export interface UnitOptions {
  /**
   * The document's convention "排在第一位的部门为牵头部门": in an undivided list the first unit
   * leads and the others are responsible.
   */
  firstLeads?: boolean;
}

const OPENERS = '（(【[〔《“‘「';
const CLOSERS = '）)】]〕》”’」';
const LIST_SEPARATORS = '、，,；;\n';
const isOpener = charClass(OPENERS);
const isCloser = charClass(CLOSERS);
const separatorClasses = new Map<string, (code: number) => boolean>();

/**
 * Split at any separator character outside brackets and quotes, so 县住建局（县人防办、县地震局）
 * and 县级“一件事”责任单位 stay whole. A half-width " closes an open “ (converted text often mixes them).
 */
export function splitOutsideBrackets(s: string, separators: string): string[] {
  let isSeparator = separatorClasses.get(separators);
  if (!isSeparator) separatorClasses.set(separators, (isSeparator = charClass(separators)));
  const out: string[] = [];
  let depth = 0;
  let from = 0; // start of the current piece
  let asciiQuoteOpen = false;
  // By code unit: the brackets, quotes and separators are all single units (a surrogate half matches none).
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isOpener(c)) depth++;
    else if (isCloser(c)) depth = Math.max(0, depth - 1);
    else if (c === 34) { // "
      if (depth > 0 && !asciiQuoteOpen) depth--; // “…" printed with a half-width closer
      else if (asciiQuoteOpen) { asciiQuoteOpen = false; depth = Math.max(0, depth - 1); }
      else { asciiQuoteOpen = true; depth++; }
    }
    if (depth === 0 && isSeparator(c)) {
      pushTrimmed(out, s.slice(from, i));
      from = i + 1;
    }
  }
  pushTrimmed(out, s.slice(from));
  return out;
}

function pushTrimmed(out: string[], piece: string): void {
  const t = piece.trim();
  if (t) out.push(t);
}

/** "（A、B负责）" → "A、B负责": only brackets that wrap the whole text, never a name's own "(单位)". */
export function stripWrappingBrackets(s: string): string {
  const t = s.trim();
  const i = OPENERS.indexOf(t[0]);
  if (i < 0 || i > 3 || t[t.length - 1] !== CLOSERS[i]) return t;
  let depth = 0;
  for (let k = 0; k < t.length; k++) {
    const c = t.charCodeAt(k);
    if (isOpener(c)) depth++;
    else if (isCloser(c)) depth--;
    if (depth === 0 && k < t.length - 1) return t; // the first bracket closes early: "(一)…(二)"
  }
  return t.slice(1, -1).trim();
}

/** A unit name as the reader will see it: half-width digits/letters, full-width brackets, no spaces. */
export function normalizeUnitName(name: string): string {
  return fullWidthBrackets(toHalfWidth(name))
    .replace(/\s+/g, '')
    .replace(/^[：:、，,；;。.]+|[：:、，,；;。.]+$/g, '');
}

/**
 * The last character of a body's name (市财政局, 市发展改革委, 县政府办, 市消防救援支队, 人民银行…中心支行):
 * a role word or a modal right after it is said of that body.
 */
export const BODY_NAME_END = '[局委办厅府院部心会队司行]';
// "（A负责，B指导）", "（A负责，B支持）": a body's guidance or support after the one responsible.
export const GUIDES_OR_SUPPORTS = new RegExp(`${BODY_NAME_END}(?:指导|支持)$`);
const SUPPORTS = new RegExp(`${BODY_NAME_END}支持$`);

// The phrase that gives the role, printed after the names: "…等部门及各镇按职责分工负责".
const TRAILING_ROLE_WORDS = new RegExp(
  `(?:按照?职责分工(?:负责|落实)?|按照?职责负责|分工负责|共同负责|具体负责|负责落实|牵头负责|牵头落实|负责|牵头|配合|协办|协助|参与|落实|(?<=${BODY_NAME_END})(?:指导|支持))+$`);

// "等" ends a list: "县财政局等", "县财政局等部门", "市住建局等市级招投标行业监管部门",
// "市商务局等市直相关部门(单位)". What follows it is a generic description, never a unit of its own.
// 高等/中等/平等… are words, not the list-ending 等.
const TRAILING_DENG =
  /(?<![高中初平对同均相])等(?:(?:其他|其它)?[\u4e00-\u9fa5“”]{0,14}?(?:部门|单位|机构|企业|组织)(?:[（(](?:单位|部门)[）)])?)?$/;

// Names of bodies end in one of these; used to decide whether a space separates two names.
const BODY_SUFFIX = /(?:局|委|办|室|部|院|厅|会|协|联|心|司|行|府|所|队|站|社|处|科|团|组|区|镇|乡|街道|[）)]|单位|部门|公司|集团|机关|中心)$/;

/** Spaces in a list: between two full names they separate; inside a name (a PDF line break) they don't. */
function splitAtSpaces(piece: string): string[] {
  if (!/\s/.test(piece)) return [piece]; // the pieces are trimmed and not empty
  const words = piece.split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (const w of words) {
    const last = out[out.length - 1];
    if (last !== undefined && !(BODY_SUFFIX.test(last) && w.length >= 2)) out[out.length - 1] = last + w;
    else out.push(w);
  }
  return out;
}

// "市商务局（张某某）": the person to contact at a body, not part of its name. A bracket of two or three
// characters after a body's name, that is not itself a body, a place or a role word.
const CONTACT_PERSON = /(?<=[局委办室部院厅会心司处府所队站社])（(?![^）]*(?:[省市县区州旗镇乡局委办厅部院会室队所站社心司处科组级]）|牵头|配合|协办|主责|试行|代管|筹))[\u4e00-\u9fa5]{2,3}）$/;

// "王建华副市长牵头", "市领导王建华": a person who leads the work, not a unit.
const PERSON = /(?:副?(?:省|市|县|区|州|盟|旗|镇|乡)长|秘书长|常委|书记|主任|同志)$|^(?:[省市县区]级?)?领导/;

// "配合单位：无", "—": the list is empty (as a table's empty cell is).
const NO_UNIT = /^(?:[—–\-－―─/／\\]+|无|暂无|空|不涉及)$/;

/** One printed list item → its unit names (usually one; "X及各镇" gives two). */
function namesOfItem(item: string): string[] {
  const names: string[] = [];
  if (NO_UNIT.test(item.replace(/[。.；;，,\s]+$/, ''))) return names;
  // "县财政局等部门及各镇", "县级有关部门和各镇": the conjunction before 各… starts a new unit.
  for (let part of item.includes('各') ? item.split(/(?:以及|及|和|与)(?=各)/) : [item]) {
    part = part.replace(/^由/, '').replace(/[。.；;：:，,\s]+$/, '');
    let prev: string;
    do {
      prev = part;
      part = part.replace(TRAILING_ROLE_WORDS, '').replace(TRAILING_DENG, '').trim();
    } while (part !== prev);
    const name = normalizeUnitName(part).replace(CONTACT_PERSON, '');
    if (name && !PERSON.test(name)) names.push(name);
  }
  return names;
}

// A lone level word before a list separator qualifies the next name: 市、县（区）相关部门 is one unit.
// A bare level ("市、县（市、区）人民政府", "各区、县（市）…局", "省、市、县三级") shares the name after it.
const LEVEL = /^各?[省市州盟县区乡镇旗]$/;
const LOCALITY = /^[省市州盟县区乡镇旗](?:级市|级区|（[^）]*）)?$/;

function joinLevelWords(names: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < names.length; i++) {
    let name = names[i];
    let last = name;
    // "各区" is a unit of its own: it shares only a body's name ("各区、县级市" are two kinds of locality).
    while (LEVEL.test(last) && i + 1 < names.length && /^[省市州盟县区乡镇旗]/.test(names[i + 1])
      && !(last.startsWith('各') && LOCALITY.test(names[i + 1]))) {
      last = names[++i];
      name = `${name}、${last}`;
    }
    out.push(name);
  }
  return out;
}

// "卫生健康、民政部门", "教育、人力资源社会保障主管部门": fields of work sharing the 部门 printed once
// after the last of them. A field is a short name without a body's ending; a list ending in 等部门
// ("财政、环保等相关部门") names fields only loosely and is left as printed.
const SHARED_DEPARTMENT = /^(?!各|有关|相关|职能)[\u4e00-\u9fa5]{2,10}?((?:行政)?(?:主管)?部门)$/;
const BARE_FIELD = /^[省市县区州]?[\u4e00-\u9fa5]{2,8}$/;

// "铁东区、铁西区、立山区人民政府", "鞍山经济开发区、鞍山高新区管委会": places sharing the body printed
// once after the last of them.
const PLACE_NAME = '(?!各)[\\u4e00-\\u9fa5]{1,12}(?:区|县|市|旗|州|盟|镇|乡)';
const PLACE = new RegExp(`^${PLACE_NAME}$`);
const PLACES_BODY = new RegExp(`^${PLACE_NAME}(人民政府|政府|管委会|管理委员会|人民法院|人民检察院)$`);

function sharePlaceBody(names: string[]): string[] {
  const body = names.length > 1 ? PLACES_BODY.exec(names[names.length - 1])?.[1] : undefined;
  if (!body) return names;
  const out = [...names];
  for (let i = out.length - 2; i >= 0 && PLACE.test(out[i]) && !LEVEL.test(out[i]); i--) out[i] += body;
  return out;
}

function shareDepartmentWord(names: string[]): string[] {
  const suffix = names.length > 1 ? SHARED_DEPARTMENT.exec(names[names.length - 1])?.[1] : undefined;
  if (!suffix) return names;
  const out = [...names];
  let first = out.length - 1;
  for (let i = out.length - 2; i >= 0 && BARE_FIELD.test(out[i]) && !BODY_SUFFIX.test(out[i]) && !LEVEL.test(out[i]); i--) {
    out[i] += suffix;
    first = i;
  }
  // The level printed once before the first field is every field's: 市卫生健康、民政部门.
  const level = /^[省市县区州]/.exec(out[first])?.[0];
  if (level && first < out.length - 1) {
    for (let i = first + 1; i < out.length; i++) if (!/^[省市县区州各]/.test(out[i])) out[i] = level + out[i];
  }
  return out;
}

function pushUnique(out: Unit[], unit: Unit): void {
  if (!out.some((u) => u.name === unit.name && u.role === unit.role)) out.push(unit);
}

/** The first unit leads when the document says so and nothing else names a lead. */
function applyFirstLeads(units: Unit[]): Unit[] {
  if (!units.length || units.some((u) => u.role === 'lead')) return units;
  return units.map((u, i) => ({ ...u, role: i === 0 ? 'lead' : u.role }));
}

/**
 * Split a printed unit list at 、，,；; (never inside brackets or quotes) into units with one role.
 * Drops trailing 等/等部门/等单位/等相关部门 and role words, splits "X及各镇" into X, 各镇, keeps
 * names with their own brackets (各县（区）人民政府) and "市、县（区）相关部门" whole.
 */
export function splitUnits(raw: string, role: UnitRole = 'responsible', opts: UnitOptions = {}): Unit[] {
  const items = splitOutsideBrackets(stripWrappingBrackets(raw), LIST_SEPARATORS).flatMap(splitAtSpaces);
  const names = sharePlaceBody(shareDepartmentWord(joinLevelWords(items.flatMap(namesOfItem))));
  const out: Unit[] = [];
  for (const name of names) pushUnique(out, { name, role });
  return opts.firstLeads && role === 'responsible' ? applyFirstLeads(out) : out;
}

// Labels that name the role of the units after them. Longest first so 牵头考核单位 wins over 考核单位.
const LABELS = [
  '牵头考核单位', '牵头单位', '牵头部门', '主责单位', '主责部门', '主办单位', '主办部门', '责任单位', '责任部门',
  '责任主体', '承办单位', '指导部门', '指导单位', '考核单位', '配合单位', '配合部门', '协办单位', '协办部门', '参与单位', '参与部门',
  '协助单位', '协助部门', '协同单位', '协同部门',
  // Short forms of table cells: "牵头：市大数据局 配合：市公安局".
  '牵头', '配合', '协办', '责任',
];
const LABEL_RE = new RegExp(`(${LABELS.join('|')})\\s*[:：]`, 'g');

/** The role a label or column header gives: 牵头单位 → lead, 配合单位/协办单位 → cooperate, else responsible. */
export function roleOfLabel(label: string): UnitRole {
  if (/牵头|主办|主责/.test(label)) return 'lead';
  if (/配合|协办|协助|参与|协同/.test(label)) return 'cooperate';
  return 'responsible';
}

// "（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）"
// Also "责任单位中排在第一位的为牵头单位".
// Also "列第一位的为牵头单位", "排在首位的为牵头单位", "由排在第一位的单位负责统筹协调".
const FIRST_LEADS_CONVENTION = /[，,；;]?\s*(?:(?:排在?|列|排名|位列)(?:第一位?|首位|最前面?)的?(?:部门|单位)?(?:为|是)牵头(?:部门|单位)|第一(?:个)?(?:部门|单位)为牵头(?:部门|单位)|由(?:排在?|列)(?:第一位|首位)的?(?:部门|单位)?(?:牵头|负责统筹|统筹))/;

/** True when a text states the convention that the first unit listed leads. */
export function statesFirstUnitLeads(text: string): boolean {
  return FIRST_LEADS_CONVENTION.test(text);
}

// A clause of a responsibility phrase that states time, not units: "5月底完成", "长期坚持".
const TIME_CLAUSE = /^(?:\d|[0-9０-９一二三四五六七八九十〇]+月|[0-9０-９]{4}年|年底|年内|年末|上半年|下半年|长期|持续|常态化|每[年月季])|完成$/;

type Role = UnitRole;

interface Clause {
  names: string;
  role: Role | null;
  /** "A会同B负责": A leads; B cooperates. */
  withPartner?: string;
}

/** One comma-separated clause of an unlabeled phrase → its names and the role its words give. */
function readClause(c: string): Clause[] {
  let m: RegExpExecArray | null;
  // 牵头 followed by 单位/部门 is part of a name ("工作专班牵头单位按职责分工负责"), not the role word.
  if ((m = /^(.*?)(?:为牵头(?:单位|部门)|牵头负责|牵头落实|牵头抓总|牵头(?!单位|部门))(.*)$/.exec(c))) {
    const lead: Clause = { names: m[1].replace(/为$/, ''), role: 'lead' };
    const rest = m[2].replace(/^[，,、\s]+/, '');
    const restIsOnlyRoleWords = rest.replace(TRAILING_ROLE_WORDS, '') === '';
    return restIsOnlyRoleWords ? [lead] : [lead, ...readClause(rest)];
  }
  if ((m = /^(.+?)会同(.+)$/.exec(c))) {
    return [{ names: m[1], role: 'lead' }, { names: m[2], role: 'cooperate' }];
  }
  // "B支持": a body that supports the one responsible cooperates; "B指导" guides it (responsible, as a 指导部门 column).
  if (/(?:配合|协办|协助|参与|协同)$/.test(c) || SUPPORTS.test(c)) return [{ names: c, role: 'cooperate' }];
  if (TRAILING_ROLE_WORDS.test(c)) return [{ names: c, role: 'responsible' }];
  return [{ names: c, role: null }];
}

function parseLabelled(s: string, firstLeads: boolean): Unit[] | null {
  const matches = [...s.matchAll(LABEL_RE)];
  if (!matches.length) return null;
  const units: Unit[] = [];
  matches.forEach((m, i) => {
    const start = m.index! + m[0].length;
    const end = i + 1 < matches.length ? matches[i + 1].index! : s.length;
    const role = roleOfLabel(m[1]);
    const list = s.slice(start, end).replace(/[，,；;。\s]+$/, '');
    // "责任单位：市发改委牵头，市工信局配合": the list's own words give the roles.
    const own = role === 'responsible' && /牵头|配合|协办/.test(list) ? parseUnlabelled(list, false) : null;
    for (const u of own ?? splitUnits(list, role, { firstLeads: firstLeads && role === 'responsible' })) pushUnique(units, u);
  });
  return units.length ? units : null;
}

function parseUnlabelled(s: string, firstLeads: boolean): Unit[] | null {
  const clauses = splitOutsideBrackets(s, '，,；;').filter((c) => !TIME_CLAUSE.test(c)).flatMap(readClause);
  if (!clauses.some((c) => c.role !== null)) return null;
  const units: Unit[] = [];
  let pending: string[] = [];
  for (const c of clauses) {
    if (c.role === null) { pending.push(c.names); continue; }
    // Names printed before the role words share their role: "A、B，C等按职责分工负责".
    for (const names of [...pending, c.names]) for (const u of splitUnits(names, c.role)) pushUnique(units, u);
    pending = [];
  }
  // Names after the last role words ("A牵头，B、C") take part without a stated role: responsible.
  for (const names of pending) for (const u of splitUnits(names, 'responsible')) pushUnique(units, u);
  if (!units.length) return null;
  return firstLeads ? applyFirstLeads(units) : units;
}

/**
 * The inside of a responsibility phrase → units with roles, or null when it does not read as one.
 * Handles "责任单位：A、B" (also several labels glued: "牵头单位:A责任单位：B"), "A牵头，B、C配合",
 * "A牵头，B等按职责分工负责", "A、B负责", "A会同B负责", "牵头考核单位：X", and the convention
 * "…负责，排在第一位的部门为牵头部门" (or opts.firstLeads when it was stated earlier, "下同").
 */
export function parseResponsibility(inner: string, opts: UnitOptions = {}): Unit[] | null {
  let s = stripWrappingBrackets(inner).replace(/[。.]$/, '');
  let firstLeads = opts.firstLeads ?? false;
  if (FIRST_LEADS_CONVENTION.test(s)) {
    firstLeads = true;
    s = s.replace(FIRST_LEADS_CONVENTION, '');
  }
  s = s.replace(/[，,；;]?\s*下同$/, '').trim();
  // "A（牵头）、B", "A（牵头），B、C（配合）": the bracketed role word is the clause's own.
  s = s.replace(/[（(](牵头|配合|协办|主办)(?:单位|部门)?[）)]\s*([、，,；;]?)/g, (_, role: string, sep: string) => role + (sep ? '，' : ''));
  if (!s) return null;
  return parseLabelled(s, firstLeads) ?? parseUnlabelled(s, firstLeads);
}

/**
 * Where a unit name is printed in a text: the span whose normalized form is `name`
 * (so "各县(区)人民政府" is found for 各县（区）人民政府). The schema keeps only the normalized
 * name; this gives analysts the printed form back.
 */
export function findPrintedUnit(text: string, name: string): { start: number; end: number; printed: string } | null {
  const norm = normalizeWithMap(text, (ch) => (/\s/.test(ch) ? '' : fullWidthBrackets(toHalfWidth(ch))));
  const at = norm.text.indexOf(name);
  if (at < 0 || !name) return null;
  const start = norm.origin[at];
  const end = norm.origin[at + name.length - 1] + 1;
  return { start, end, printed: text.slice(start, end) };
}
