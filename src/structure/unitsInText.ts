import type { UnitSpec } from './types.js';

// Units named in running text rather than in a responsibility phrase.

/** "由区金融监管局牵头，…" in running text names a lead unit. */
export function leadsInText(text: string): UnitSpec[] {
  const out: UnitSpec[] = [];
  for (const m of text.matchAll(/由([^，。；、“”]{2,30}?)(?:具体|统一|主要|共同|直接|全面)?(牵头|负责(?!人|同志))/g)) {
    if (/领导|同志|干部|人员|企业|群众|公司|专家|个人/.test(m[1])) continue;
    out.push({ raw: m[1], role: m[2] === '牵头' ? 'lead' : 'responsible' });
  }
  return out;
}

const AUTHORITY = '(?:主管部门|管理部门|行政部门|部门|局|委员会|委|办公室|办|人民政府|政府|机关|中心)';
const DUTY = new RegExp(`(?:^|[。；;])\\s*((?:[省市县区镇乡]|各级)[^，。；、“”（(]{1,20}?${AUTHORITY})(?:负责|应当|会同)`, 'g');

/** A regulation assigns duties in its sentences: "市建设行政主管部门负责…", "市政务数据主管部门应当…". */
export function dutiesInText(text: string): UnitSpec[] {
  const out: UnitSpec[] = [];
  for (const m of text.matchAll(DUTY)) if (!out.some((u) => u.raw === m[1])) out.push({ raw: m[1], role: 'responsible' });
  return out;
}
