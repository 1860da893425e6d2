import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { dataFile } from './dataFile.js';
import { normalizeUnitName } from './units.js';

// Grouping the spellings of one body: 县发改委 / 县发展改革委 / 县发展和改革委员会 / 县发改局.
//
// Two layers: generic rules that rewrite the body's stem whatever the level prefix (县/市/省/区…),
// and an alias table (data/aliases.json, extendable with --aliases) for names the rules cannot
// know (a renamed office, an abbreviation peculiar to one county).

/** canonical name → other spellings of the same body. */
export type AliasTable = Record<string, string[]>;

export const AliasTableSchema = z.record(z.string().min(1), z.array(z.string().min(1)));

/** The shipped table's file name under data/. */
export const ALIAS_FILE = 'aliases.json';

// Each group lists the stem forms of one kind of body; the first is the canonical form (the
// official short form used by the State Council's own lists, e.g. 发展改革委, 市场监管局).
const STEM_GROUPS: string[][] = [
  ['发展改革委', '发展和改革委员会', '发展改革委员会', '发改委', '发展和改革局', '发展改革局', '发改局'],
  ['市场监管局', '市场监督管理局'],
  ['市场监管总局', '市场监督管理总局'],
  ['人力社保局', '人力资源和社会保障局', '人力资源社会保障局', '人社局'],
  ['人力资源社会保障部', '人力资源和社会保障部', '人社部'],
  ['住房城乡建委', '住房和城乡建设委员会', '住房城乡建设委员会', '住建委'],
  ['住房城乡建设局', '住房和城乡建设局', '住建局'],
  ['住房城乡建设部', '住房和城乡建设部', '住建部'],
  ['经济信息委', '经济和信息化委员会', '经济信息化委', '经信委'],
  ['经济信息局', '经济和信息化局', '经信局'],
  ['工业和信息化局', '工业信息化局', '工信局'],
  ['工业和信息化部', '工信部'],
  ['卫生健康委', '卫生健康委员会', '卫生和健康委员会', '卫健委'],
  ['卫生健康局', '卫生和健康局', '卫健局'],
  ['文化旅游委', '文化和旅游委员会', '文化旅游委员会', '文旅委'],
  ['文化旅游局', '文化和旅游局', '文旅局'],
  ['文化广电旅游局', '文化广电和旅游局', '文广旅局'],
  ['教育体育局', '教育和体育局', '教体局'],
  ['教委', '教育委员会'],
  ['规划自然资源局', '规划和自然资源局'],
  ['农业农村委', '农业农村委员会'],
  ['交通运输局', '交通局'],
  ['应急管理局', '应急局'],
  ['医疗保障局', '医保局'],
  ['城市管理局', '城管局'],
  ['城市管理综合执法局', '城管执法局'],
  ['科学技术局', '科技局'],
  ['政府办公室', '政府办'],
  ['国资委', '政府国资委', '政府国有资产监督管理委员会', '国有资产监督管理委员会'],
  ['纪委监委', '纪委监委机关'],
  ['行政审批服务局', '审批服务局'],
  ['金融办', '政府金融办', '金融工作办公室'],
];

// Every stem form (canonical or variant) → its canonical stem.
const CANONICAL_STEM = new Map<string, string>(STEM_GROUPS.flatMap((group) => group.map((form): [string, string] => [form, group[0]])));
const LONGEST_STEM = Math.max(...[...CANONICAL_STEM.keys()].map((k) => k.length));

/**
 * The name with every known stem rewritten to its canonical stem. Scans left to right taking the
 * longest form at each position, so a canonical that contains a variant (行政审批服务局 ⊃ 审批服务局,
 * 政府办公室 ⊃ 政府办) is kept as it is.
 */
export function applyStemRules(name: string): string {
  const s = normalizeUnitName(name);
  let out = '';
  for (let i = 0; i < s.length;) {
    let matched = '';
    for (let len = Math.min(LONGEST_STEM, s.length - i); len >= 2; len--) {
      if (CANONICAL_STEM.has(s.slice(i, i + len))) { matched = s.slice(i, i + len); break; }
    }
    if (matched) { out += CANONICAL_STEM.get(matched); i += matched.length; } else { out += s[i]; i++; }
  }
  return out;
}

let shipped: AliasTable | null = null;

/** The alias table shipped in data/aliases.json (read once, on first use). */
export function shippedAliases(): AliasTable {
  if (!shipped) shipped = parseAliasTable(readFileSync(dataFile(ALIAS_FILE), 'utf8'), `data/${ALIAS_FILE}`);
  return shipped;
}

/** A user's alias file (the same shape as data/aliases.json) → table; throws a one-line error. */
export function parseAliasTable(json: string, source: string): AliasTable {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new Error(`${source}: not valid JSON (${(e as Error).message})`);
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    // Keys starting with "$" or "_" are comments ("$comment": "…").
    value = Object.fromEntries(Object.entries(value).filter(([k]) => !/^[$_]/.test(k)));
  }
  const parsed = AliasTableSchema.safeParse(value);
  if (!parsed.success) throw new Error(`${source}: expected an object of "canonical name": ["spelling", …]`);
  return parsed.data;
}

/** Groups spellings: the grouping key of a spelling → the canonical name to show. */
export class UnitCanon {
  private readonly byKey = new Map<string, string>();

  /** Later tables win: pass the shipped table first, then the user's. */
  constructor(tables: AliasTable[]) {
    for (const table of tables) {
      for (const [canonical, spellings] of Object.entries(table)) {
        const shown = normalizeUnitName(canonical);
        for (const s of [canonical, ...spellings]) this.byKey.set(applyStemRules(s), shown);
      }
    }
  }

  /** The canonical name of a printed unit name. */
  canonical(name: string): string {
    const key = applyStemRules(name);
    return this.byKey.get(key) ?? key;
  }
}

let defaultCanon: UnitCanon | null = null;

/**
 * The canonical name of a unit: the alias table's canonical name when a spelling is listed (the
 * shipped table, then `extraAliases`), else the name with its stem rewritten by the generic rules
 * (县发改委 → 县发展改革委). Spellings with the same result are the same body.
 */
export function canonicalUnit(name: string, extraAliases?: AliasTable): string {
  if (extraAliases) return new UnitCanon([shippedAliases(), extraAliases]).canonical(name);
  defaultCanon ??= new UnitCanon([shippedAliases()]);
  return defaultCanon.canonical(name);
}
