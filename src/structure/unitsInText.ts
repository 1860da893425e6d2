import { splitOutsideBrackets } from './brackets.js';
import type { UnitSpec } from './types.js';

type UnitRole = NonNullable<UnitSpec['role']>;

// Units named in running text rather than in a responsibility phrase: the subjects a
// plan's sentences give duties to ("市教育局负责…", "由市发展改革委会同市财政局做好…",
// "市人力资源社会保障局牵头，会同市教育局…", "A、B要…").

/** "由区金融监管局牵头，…" in running text names a lead unit, whatever the body's name looks like. */
export function leadsInText(text: string): UnitSpec[] {
  const out: UnitSpec[] = [];
  for (const m of text.matchAll(/由([^，。；、“”]{2,30}?)(?:具体|统一|主要|共同|直接|全面)?(牵头|负责(?!人|同志|的))/g)) {
    // "由A会同B负责": the sentence reader below gives A and B their roles.
    if (/领导|同志|干部|人员|企业|群众|公司|专家|个人|会同|联合/.test(m[1])) continue;
    out.push({ raw: m[1], role: m[2] === '牵头' ? 'lead' : 'responsible' });
  }
  return out;
}

// 领导小组 / 工作专班 / 指挥部: the standing bodies a plan sets up to lead its work; 部/厅/院/会/联/协:
// 市委宣传部, 省教育厅, 市中级人民法院, 市总工会, 市妇联, 市科协.
// 支队/支行/公司…: a public body's branch or a state company named with its level (市消防救援支队, 人民银行…市中心支行,
// 市城投公司), and a zone's 管委会.
const AUTHORITY = '(?:主管部门|管理部门|行政部门|部门|局|委员会|管委会|委|办公室|办|督查室|研究室|人民政府|政府|机关|中心|小组|专班|指挥部|部|厅|院|署|工会|妇联|残联|侨联|文联|科协|工商联|团[省市州县区]委|[总支大]队|[支分]行|分局|公司|集团)';
// The subject names a level (市…, 州…, 北京市…, 各级…) or a competent authority (…主管部门); the generic
// 政务部门 / 有关部门 of a regulation is a class of bodies, not a unit.
const LEVELLED = `(?:[\\u4e00-\\u9fa5]{0,6}?[省市州县区盟旗镇乡]|各级|国家)[^，。；“”]{0,20}?${AUTHORITY}`;
const COMPETENT = `[^，。；“”由]{2,12}?主管部门`;
// A regulation's functional departments (公安部门应当…, 网信部门…按照各自职责): one kind of body at
// every level, named by its field; unlike 政务部门 or 有关部门 they say who acts.
const FUNCTIONAL = '(?:公安机关交通管理|交通管理|城市管理|自然资源和规划|网信|保密|公安|国家安全|财政|审计|统计|税务|发展改革|教育|科技|工业和信息化|民政|司法行政|人力资源社会保障|自然资源|生态环境|住房城乡建设|交通运输|水利|农业农村|商务|文化和?旅游|卫生健康|应急管理|市场监督管理|市场监管|通信管理|档案|密码管理)(?:主管|行政)?(?:部门|机关)';
// The State Council's ministries and agencies, named without a level in national documents.
const MINISTRY = '(?:(?:外交|国防|教育|科学技术|科技|工业和信息化|公安|国家安全|民政|司法|财政|人力资源和?社会保障|自然资源|生态环境|住房和?城乡建设|交通运输|水利|农业农村|商务|文化和?旅游|退役军人事务|应急管理)部|(?:海关|税务|市场监管|广电|体育)总局|审计署|中国人民银行|人民银行|国务院[\\u4e00-\\u9fa5]{2,8}?(?:办公室|委员会|委|办))';
// "各市州要…", "各县（市、区）要…": every locality of a level, told to act (各地 and 各部门 name nobody).
const LOCALITIES = '各(?:[省市州盟县区旗乡镇]{1,3}|县（市、区）|区（市、县）|县（市）|市（州）|乡镇（街道）|镇（街道）)';
const NAMED_FORM = new RegExp(`^(?:${LEVELLED}|${COMPETENT}|${FUNCTIONAL}|${MINISTRY}|${LOCALITIES})$`);
// A name does not start with the sentence's verb ("构建起市…领导小组办公室").
const VERB_FIRST = /^(?:构建|建立|成立|设立|组建|推动|推进|支持|鼓励|引导|依托|通过|按照|根据|围绕|加强|完善|健全|形成|落实|发挥|充分|积极|明确)/;
// 或/由/在 never stand inside a body's name: "省派驻本市的机构或者派出机关" is a description, "在市政务数据
// 主管部门统筹指导下" a circumstance; "经建设行政主管部门审定" names who approves, not who acts; a clause that
// opens with 会同/对/向… has its subject before it.
// "市政府办公室（市12345热线办）": an alias in brackets after a body's name is part of the name.
const ALIAS = /（[^（）]{2,20}[办局委室心队]）$/;
const isNamed = (name: string) => NAMED_FORM.test(name.replace(ALIAS, '')) && !/[或由在]/.test(name) && !VERB_FIRST.test(name) &&
  !/^(?:经(?!济|开|信|贸|发)|会同|联合|配合|协助|对|向|按|把|与|同|并)/.test(name);
// "A、B和其他有关部门应当…": the catch-all at the end of a list of subjects names nobody.
const OTHERS = /(?:和|及|以及|、)?(?:其他|其它)?(?:有关|相关)(?:部门|单位)$/;
// "A、B等部门按照各自职责": what follows 等 describes the list.
const DENG = /等(?:[\u4e00-\u9fa5]{0,8}?(?:部门|单位))?$/;
const GENERIC = /^(?:(?:[省市州县区]级)?政务部门|有关部门|相关部门|各部门|各级各部门|数据提供部门|数据使用部门)$/;

// The words after a subject that make it the one who acts. Each lookahead keeps a word that starts
// a body's own name from ending the subject early (市委组织部, 市应急管理局, 市推进办).
const ADVERB = '(?:具体|统一|主要|共同|直接|全面|依法|切实|要|应当?|将|须|必须)?';
const DUTY = new RegExp(`${ADVERB}(?:(牵头(?!单位|部门|处室))|(会同|联合(?=[省市州县区国各]))|(配合(?!单位|部门)|协助|参与)|` +
  '(负责(?!人|同志|的)|应当|应(?!急)|可以|在(?!地)|依法|以(?![上下内])|与(?=有关|相关)|要(?!求|素|点|闻)|将(?!乐)|须|必须|统筹(?!办)|是(?!否)|按规定|按照|依照|依据|每(?:年|月|季度?|半年|周)|定期|' +
  // "市财政局于6月底前将…": a time phrase between the subject and its verb.
  '于(?=[0-9０-９一二三四五六七八九十]{1,4}[年月]|年底|年内|每)|' +
  '组织(?!部)|指导(?!中心|站|组|委|办)|督促|做好|落实|开展|制定|建立|推动|推进(?!办|组|小组|中心)|加强|完善|协调(?!办|小组|组|委|中心)))', 'y');
// A sentence starts after its punctuation or a line break (a heading line is joined to its paragraph by one).
const CLAUSE_START = /(?:^|[。；;，,：:！？\n])\s*(?:并|同时|其中)?(?:由)?/g;
const SUBJECT_MAX = 60;
// The names after 会同 end where the sentence's verb begins; a name may go on past its first
// body word (市政府办公室, 市委编办).
const ENDS_AS_BODY = new RegExp(`${AUTHORITY}$`);
const NAME_GOES_ON = /^(?:办公室|办|中心|委员会|分局|支队|大队|指挥部|领导小组|工作专班|管委会|部)/;

interface Duty { names: string[]; role: UnitRole; partners: string[] }

export interface SentenceOptions {
  /**
   * Only subjects that a duty word binds (负责/要/应当/将/须, 牵头, 会同, 配合): 一是/二是 parts of a
   * report narrate what bodies did ("各苏木乡镇、旗直各部门在…"), which is not a duty.
   */
  modalOnly?: boolean;
}
const MODAL = /负责|应当?|要|将|须/;

/** The bodies a sentence gives a duty to, with the role its words give: 牵头/会同 lead, 配合 cooperate. */
export function dutiesInText(text: string, opts: SentenceOptions = {}): UnitSpec[] {
  const out: UnitSpec[] = [];
  const add = (name: string, role: UnitRole) => {
    // A body named again without its level ("数据资源主管部门" after "州、县（市）数据资源主管部门") is the same body.
    if (!out.some((u) => u.raw.endsWith(name))) out.push({ raw: name, role });
  };
  for (const start of clauseStarts(text)) {
    const duty = dutyAt(text, start, opts.modalOnly ?? false);
    if (!duty) continue;
    for (const name of duty.names) add(name, duty.role);
    for (const name of duty.partners) add(name, 'cooperate');
  }
  return out;
}

// What a body given a task by 由 does: the verbs of approval, enforcement and organisation that follow it.
const ACTS = /(?:责令|签批|审批|审核|审定|审查|批准|核准|核发|组织|统一|统筹|负责|牵头|会同|联合|制定|发布|实施|办理|受理|认定|确定|依法|按照|根据|予以|给予|作出|处以|收回|商|协调|指导|督促|监督|提出|出具)/y;

/**
 * "由区局办公室签批", "由市住房城乡建设局责令限期改正": a named body after 由 does what follows; the
 * longest name that is a body's and is followed by such a verb.
 */
function assignedAfterYou(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|[。；;，,：:\n])\s*(?:届时|同时|并|再|随后|然后|其中)?由/g)) {
    const from = m.index! + m[0].length;
    for (let end = Math.min(text.length - 1, from + 30); end > from + 1; end--) {
      // The verb first: it is one short test, the name check a long pattern.
      ACTS.lastIndex = end;
      if (!ACTS.test(text)) continue;
      const name = text.slice(from, end);
      if (/[，。；;,：:\n]|会同|联合|配合|协助/.test(name)) continue;
      if (isNamed(name) && !GENERIC.test(name)) {
        out.push(name);
        break;
      }
    }
  }
  return out;
}

/** Both readers, the 由X牵头 one first; a body is listed once. */
export function unitsInSentences(text: string, opts: SentenceOptions = {}): UnitSpec[] {
  const out = leadsInText(text);
  for (const u of dutiesInText(text, opts)) if (!out.some((o) => o.raw === u.raw)) out.push(u);
  if (!opts.modalOnly) for (const name of assignedAfterYou(text)) if (!out.some((o) => o.raw === name || o.raw.endsWith(name))) out.push({ raw: name, role: 'responsible' });
  return out;
}

function clauseStarts(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(CLAUSE_START)) {
    const at = m.index! + m[0].length;
    if (at < text.length && out[out.length - 1] !== at) out.push(at);
  }
  return out;
}

/** The subject at `start` and its duty, trying each duty word in turn until the words before it name bodies. */
function dutyAt(text: string, start: number, modalOnly: boolean): Duty | null {
  const limit = Math.min(text.length, start + SUBJECT_MAX);
  for (let j = start + 2; j < limit; j++) {
    const c = text[j - 1];
    if (/[，。；;,“”\n]/.test(c)) return null;
    DUTY.lastIndex = j;
    const m = DUTY.exec(text);
    if (!m) continue;
    const names = subjectNames(text.slice(start, j));
    if (!names.length) continue;
    const after = j + m[0].length;
    if (m[2]) return { names, role: 'lead', partners: partnersAt(text, after) };
    if (m[3]) return { names, role: 'cooperate', partners: [] };
    if (m[1]) {
      // "X牵头，会同Y…"
      const w = /^[，,]?\s*会同/.exec(text.slice(after));
      return { names, role: 'lead', partners: w ? partnersAt(text, after + w[0].length) : [] };
    }
    if (modalOnly && !MODAL.test(m[0])) continue;
    return { names, role: 'responsible', partners: [] };
  }
  return null;
}

/** "州人民政府授权州数据资源主管部门" → the body after 授权; "A、B和C" → each named body, or none. */
function subjectNames(subject: string): string[] {
  const s = subject.replace(/^.*(?:授权|委托|指定|由)/, '').replace(OTHERS, '').replace(DENG, '').trim();
  const out: string[] = [];
  // 各县（市、区）人民政府: a 、 inside brackets does not separate names.
  for (const part of levelledParts(splitOutsideBrackets(s, /、/).map((p) => p.trim()).filter(Boolean))) {
    for (const name of splitConjunction(part)) if (!GENERIC.test(name) && isNamed(name)) out.push(name);
  }
  return out;
}

/** "州、县（市）人民政府" stays one: a bare level shares the next name. */
function levelledParts(parts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (/^[省市州县区]$/.test(parts[i]) && parts[i + 1]) { out.push(`${parts[i]}、${parts[i + 1]}`); i++; continue; }
    out.push(parts[i]);
  }
  return out;
}

/** "市财政局和市税务局" is two bodies; "市经济和信息化局" is one (its halves are not both names). */
function splitConjunction(part: string): string[] {
  for (const m of part.matchAll(/以及|和|及|与/g)) {
    const left = part.slice(0, m.index);
    const right = part.slice(m.index! + m[0].length);
    if (isNamed(left) && (isNamed(right) || GENERIC.test(right))) return [left, right];
  }
  return [part];
}

/** The names after 会同: "会同市教育局、市财政局做好…" → both. */
function partnersAt(text: string, from: number): string[] {
  const out: string[] = [];
  let i = from;
  for (;;) {
    const end = nameEnd(text, i);
    if (end < 0) break;
    out.push(text.slice(i, end));
    const sep = /^(?:、|以及|和|及|与)/.exec(text.slice(end, end + 2));
    if (!sep || nameEnd(text, end + sep[0].length) < 0) break;
    i = end + sep[0].length;
  }
  return out.filter((n) => !GENERIC.test(n));
}

/** Where the body name starting at `i` ends: its shortest reading, lengthened while the name goes on. */
function nameEnd(text: string, i: number): number {
  const limit = Math.min(text.length, i + 30);
  for (let j = i + 2; j <= limit; j++) {
    if (/[，。；;,“”\n、]/.test(text[j - 1])) return -1;
    // "市审计部门": 部 is not the end of the name while 门 follows.
    if (!isNamed(text.slice(i, j)) || /^(?:门|员会|公室|室)/.test(text.slice(j, j + 3))) continue;
    let end = j;
    for (let m = NAME_GOES_ON.exec(text.slice(end)); m; m = NAME_GOES_ON.exec(text.slice(end))) end += m[0].length;
    // "市公安局交通管理局，": a body of the body, up to the list's end, unless a verb starts there.
    const rest = /^[^，。；;,、\n]{1,10}(?=[，。；;,、\n])/.exec(text.slice(end));
    DUTY.lastIndex = end;
    if (rest && ENDS_AS_BODY.test(rest[0]) && !DUTY.test(text)) end += rest[0].length;
    return end;
  }
  return -1;
}
