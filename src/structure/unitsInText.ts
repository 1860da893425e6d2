import type { UnitSpec } from './types.js';

// Units named in running text rather than in a responsibility phrase.

/** "由区金融监管局牵头，…" in running text names a lead unit. */
export function leadsInText(text: string): UnitSpec[] {
  const out: UnitSpec[] = [];
  for (const m of text.matchAll(/由([^，。；、“”]{2,30}?)(?:具体|统一|主要|共同|直接|全面)?(牵头|负责(?!人|同志|的))/g)) {
    if (/领导|同志|干部|人员|企业|群众|公司|专家|个人/.test(m[1])) continue;
    out.push({ raw: m[1], role: m[2] === '牵头' ? 'lead' : 'responsible' });
  }
  return out;
}

const AUTHORITY = '(?:主管部门|管理部门|行政部门|部门|局|委员会|委|办公室|办|人民政府|政府|机关|中心)';
// The subject names a level (市…, 州…, 北京市…, 各级…) or a competent authority (…主管部门); the generic
// 政务部门 / 有关部门 of a regulation is a class of bodies, not a unit.
const LEVELLED = `(?:[\\u4e00-\\u9fa5]{0,6}?[省市州县区盟旗镇乡]|各级|国家)[^，。；“”]{0,20}?${AUTHORITY}`;
const COMPETENT = `[^，。；“”由]{2,12}?主管部门`;
const NAMED = new RegExp(`^(?:${LEVELLED}|${COMPETENT})$`);
const SUBJECT = /(?:^|[。；;，,])\s*(?:由)?([^，。；;“”]{2,60}?)(?:负责|应当|会同|统筹)/g;
const GENERIC = /^(?:政务部门|有关部门|相关部门|各部门|各级各部门|数据提供部门|数据使用部门)$/;

/** A regulation assigns duties in its sentences: "市建设行政主管部门负责…", "市政务数据主管部门应当…". */
export function dutiesInText(text: string): UnitSpec[] {
  const out: UnitSpec[] = [];
  for (const m of text.matchAll(SUBJECT)) {
    // "州人民政府授权州数据资源主管部门负责": the body given the duty is the one after 授权/委托.
    const subject = m[1].replace(/^.*(?:授权|委托|指定)/, '');
    for (const name of subjectNames(subject)) {
      if (GENERIC.test(name) || !NAMED.test(name) || out.some((u) => u.raw === name)) continue;
      out.push({ raw: name, role: 'responsible' });
    }
  }
  return out;
}

/** "数据资源主管部门、政务部门" → both; "州、县（市）人民政府" stays one (a bare level shares the next name). */
function subjectNames(subject: string): string[] {
  const parts = subject.split('、').map((p) => p.trim()).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (/^[省市州县区]$/.test(parts[i]) && parts[i + 1]) { out.push(`${parts[i]}、${parts[i + 1]}`); i++; continue; }
    out.push(parts[i]);
  }
  return out;
}
