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

// 领导小组 / 工作专班 / 指挥部: the standing bodies a plan sets up to lead its work.
const AUTHORITY = '(?:主管部门|管理部门|行政部门|部门|局|委员会|委|办公室|办|人民政府|政府|机关|中心|小组|专班|指挥部)';
// The subject names a level (市…, 州…, 北京市…, 各级…) or a competent authority (…主管部门); the generic
// 政务部门 / 有关部门 of a regulation is a class of bodies, not a unit.
const LEVELLED = `(?:[\\u4e00-\\u9fa5]{0,6}?[省市州县区盟旗镇乡]|各级|国家)[^，。；“”]{0,20}?${AUTHORITY}`;
const COMPETENT = `[^，。；“”由]{2,12}?主管部门`;
// A regulation's functional departments (公安部门应当…, 网信部门…按照各自职责): one kind of body at
// every level, named by its field; unlike 政务部门 or 有关部门 they say who acts.
const FUNCTIONAL = '(?:网信|保密|公安|国家安全|财政|审计|统计|税务|发展改革|教育|科技|工业和信息化|民政|司法行政|人力资源社会保障|自然资源|生态环境|住房城乡建设|交通运输|水利|农业农村|商务|文化和?旅游|卫生健康|应急管理|市场监督管理|市场监管|通信管理|档案|密码管理)(?:主管|行政)?(?:部门|机关)';
const NAMED = new RegExp(`^(?:${LEVELLED}|${COMPETENT}|${FUNCTIONAL})$`);
// A line break ends a sentence too: a heading line is joined to its paragraph by one.
const SUBJECT = /(?:^|[。；;，,\n])\s*(?:由)?([^，。；;“”\n]{2,60}?)(?:具体|统一|主要|共同|直接|全面|依法)?(?:负责|应当|会同|统筹)/g;
// "A、B和其他有关部门应当…": the catch-all at the end of a list of subjects names nobody.
const OTHERS = /(?:和|及|以及|、)?(?:其他|其它)?(?:有关|相关)(?:部门|单位)$/;
const GENERIC = /^(?:政务部门|有关部门|相关部门|各部门|各级各部门|数据提供部门|数据使用部门)$/;

/** A regulation assigns duties in its sentences: "市建设行政主管部门负责…", "市政务数据主管部门应当…". */
export function dutiesInText(text: string): UnitSpec[] {
  const out: UnitSpec[] = [];
  for (const m of text.matchAll(SUBJECT)) {
    // "州人民政府授权州数据资源主管部门负责": the body given the duty is the one after 授权/委托.
    const subject = m[1].replace(/^.*(?:授权|委托|指定)/, '').replace(OTHERS, '');
    for (const name of subjectNames(subject)) {
      // A body named again without its level ("数据资源主管部门" after "州、县（市）数据资源主管部门") is the same body.
      if (GENERIC.test(name) || !NAMED.test(name) || out.some((u) => u.raw.endsWith(name))) continue;
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
