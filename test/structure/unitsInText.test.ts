import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { dutiesInText, leadsInText, unitsInSentences } from '../../src/structure/unitsInText.js';

const names = (text: string) => dutiesInText(text).map((u) => u.raw);

describe('dutiesInText: the bodies a sentence gives a duty to', () => {
  it('takes levelled bodies, including the groups and task forces a plan sets up', () => {
    expect(names('北京市大数据工作推进小组负责总体指导和重大问题决策，北京市大数据工作推进小组办公室负责组织推进相关决策落实。'))
      .toEqual(['北京市大数据工作推进小组', '北京市大数据工作推进小组办公室']);
    expect(names('市优化营商环境工作专班统筹推进各项改革。')).toEqual(['市优化营商环境工作专班']);
  });

  it("takes a regulation's functional departments, without the catch-all at the end of the list", () => {
    expect(names('网信部门、保密部门、公安部门、通信管理部门和其他有关部门应当按照各自职责，做好政务数据安全保护工作。'))
      .toEqual(['网信部门', '保密部门', '公安部门', '通信管理部门']);
  });

  it('takes branches, zones\' 管委会 and state companies named with a level, and a name\'s alias', () => {
    expect(names('市消防救援支队、市住建局负责督促物业企业清理楼道。')).toEqual(['市消防救援支队', '市住建局']);
    expect(names('市地方金融监管局与人民银行潍坊市中心支行共同推动信易贷扩面。')).toEqual(['市地方金融监管局', '人民银行潍坊市中心支行']);
    expect(names('各县市区政府、市属开发区管委会要制定落实措施。')).toEqual(['各县市区政府', '市属开发区管委会']);
    expect(names('市城投公司要加快项目建设。')).toEqual(['市城投公司']);
    expect(names('市政府办公室（市12345热线办）要健全工单流转机制。')).toEqual(['市政府办公室（市12345热线办）']);
    expect(names('各有关公司要加强管理。')).toEqual([]);
  });

  it('takes a body named after 由 with a verb of approval, enforcement or organisation, not one a request is routed to', () => {
    const units = (text: string) => unitsInSentences(text).map((u) => `${u.raw}/${u.role}`);
    expect(units('届时由区局办公室签批协助宣传采访通知。')).toEqual(['区局办公室/responsible']);
    expect(units('由市住房城乡建设局责令限期改正，处1万元以上3万元以下罚款。')).toEqual(['市住房城乡建设局/responsible']);
    expect(units('由市政府统一部署。')).toEqual(['市政府/responsible']);
    expect(units('由市发展改革委会同市财政局做好资金保障。')).toEqual(['市发展改革委/lead', '市财政局/cooperate']);
    expect(units('申报一星级的项目，由市建设行政主管部门报省建设行政主管部门评审。')).toEqual([]);
    expect(units('由企业自行承担。')).toEqual([]);
  });

  it('reads past a time phrase between the subject and its verb', () => {
    expect(names('市财政局于6月底前将资金拨付到位。')).toEqual(['市财政局']);
    expect(names('各县（市、区）安委办每月5日前将进展情况报市安委办。')).toEqual(['各县（市、区）安委办']);
  });

  it('leaves out classes of bodies that name nobody in particular', () => {
    expect(names('政务部门应当加强数据采集和归集的质量管理。')).toEqual([]);
    expect(names('有关部门和单位应当按要求报送数据。')).toEqual([]);
  });

  it('reads past a modifier before the duty word (具体负责, 统一负责)', () => {
    expect(names('州、县（市）数据资源主管部门具体负责统筹协调数据共享工作。')).toEqual(['州、县（市）数据资源主管部门']);
  });

  it('counts a body named again without its level once', () => {
    expect(names('州、县（市）数据资源主管部门具体负责统筹协调，建立数据使用部门提需求、数据资源主管部门统筹管理的机制。'))
      .toEqual(['州、县（市）数据资源主管部门']);
  });

  it('ends a sentence at a line break, so a heading line does not run into the subject', () => {
    expect(names('组织绩效考核评估\n北京市经济和信息化局统筹制定绩效考核评估指标体系。')).toEqual(['北京市经济和信息化局']);
  });
});

describe('dutiesInText: roles and subjects of a plan\'s sentences', () => {
  const roles = (text: string) => dutiesInText(text).map((u) => `${u.raw}/${u.role}`);

  it('makes the subject of 会同 lead and the bodies after it cooperate', () => {
    expect(roles('支持学校创建“双高计划”学校，由市发展改革委会同市教育局、市财政局做好项目储备工作。'))
      .toEqual(['市发展改革委/lead', '市教育局/cooperate', '市财政局/cooperate']);
    expect(roles('市应急管理局应当会同市审计部门，对落实情况进行监督。')).toEqual(['市应急管理局/lead', '市审计部门/cooperate']);
    // 会同有关部门: the partners are nobody in particular.
    expect(roles('市政务数据主管部门应当会同有关部门制定考核方案。')).toEqual(['市政务数据主管部门/lead']);
  });

  it('reads 牵头 without 由, its 会同 partners, and 配合 in the next clause', () => {
    expect(roles('市经济和信息化局牵头，会同市教育局遴选产教融合型企业。')).toEqual(['市经济和信息化局/lead', '市教育局/cooperate']);
    expect(roles('市人力资源社会保障局牵头，市财政局、市教育局配合。'))
      .toEqual(['市人力资源社会保障局/lead', '市财政局/cooperate', '市教育局/cooperate']);
  });

  it('takes subjects followed by 要/将/每年… and lists joined by 、 or 和', () => {
    expect(roles('市人力资源社会保障局、市总工会要将企业新型学徒制培训纳入职业技能提升行动。'))
      .toEqual(['市人力资源社会保障局/responsible', '市总工会/responsible']);
    expect(roles('市教育局每年组织开展职业院校教师企业实践活动。')).toEqual(['市教育局/responsible']);
    expect(roles('市财政局和国家税务总局某市税务局负责落实。')).toEqual(['市财政局/responsible', '国家税务总局某市税务局/responsible']);
    // 和 inside a name does not split it.
    expect(roles('市经济和信息化局负责统筹。')).toEqual(['市经济和信息化局/responsible']);
  });

  it('knows bodies whose names end in 部, 会 or 办公室, and ministries named without a level', () => {
    expect(roles('市委宣传部负责组织新闻媒体广泛宣传。')).toEqual(['市委宣传部/responsible']);
    expect(roles('市政府教育督导委员会办公室要将职业教育工作纳入评价。')).toEqual(['市政府教育督导委员会办公室/responsible']);
    expect(roles('工业和信息化部负责统筹推进。')).toEqual(['工业和信息化部/responsible']);
    expect(roles('国务院国资委会同财政部做好相关工作。')).toEqual(['国务院国资委/lead', '财政部/cooperate']);
  });

  it('does not stop inside a name at a word that is also a verb', () => {
    // 组织 in 组织部, 应 in 应急管理局, 部 before 门.
    expect(roles('市委组织部负责干部培训。')).toEqual(['市委组织部/responsible']);
    expect(roles('区政府应急办要加强值守。')).toEqual(['区政府应急办/responsible']);
  });

  it('keeps a level bracket, a list of functional departments and a body of a body whole', () => {
    expect(roles('各县（市、区）人民政府要加强组织领导。')).toEqual(['各县（市、区）人民政府/responsible']);
    expect(roles('公安机关交通管理部门、城市管理部门、自然资源和规划部门按照各自职责，做好相关管理工作。'))
      .toEqual(['公安机关交通管理部门/responsible', '城市管理部门/responsible', '自然资源和规划部门/responsible']);
    expect(roles('市住房城乡建设局应当会同市自然资源和规划局、市公安局交通管理局，对挖掘计划进行综合平衡。'))
      .toEqual(['市住房城乡建设局/lead', '市自然资源和规划局/cooperate', '市公安局交通管理局/cooperate']);
    // ...but a partner's name stops where the sentence's verb begins.
    expect(roles('市教育局会同市财政局建立联席会议办公室。')).toEqual(['市教育局/lead', '市财政局/cooperate']);
    expect(roles('市政府督查室要将落实情况纳入年度督查计划。')).toEqual(['市政府督查室/responsible']);
    // every locality of a level, told to act; 各地 and 各部门 name nobody
    expect(roles('各市州要认真总结本地区防治工作。各县（市、区）要建立台账。')).toEqual(['各市州/responsible', '各县（市、区）/responsible']);
    expect(roles('各地要加强组织领导。各部门要按照职责分工抓好落实。')).toEqual([]);
  });

  it('binds only duty words when asked to (the 一是/二是 parts of a report narrate)', () => {
    const modal = (text: string) => dutiesInText(text, { modalOnly: true }).map((u) => u.raw);
    expect(modal('截至目前，各苏木乡镇、旗直各部门在政务服务平台办理事项。各旗县市场监管局按照要求开展检查。')).toEqual([]);
    expect(modal('下一步，市场监管部门将认真贯彻落实相关政策。')).toEqual(['市场监管部门']);
    expect(modal('省自然资源厅会同省气象局联合发布预警。')).toEqual(['省自然资源厅', '省气象局']);
  });

  it('leaves out circumstances, approvals and descriptions', () => {
    expect(roles('政务部门在市政务数据主管部门统筹指导下，负责本部门政务数据的目录编制。')).toEqual([]);
    expect(roles('并经建设行政主管部门组织论证、审定后，方可使用。')).toEqual([]);
    expect(roles('中央国家机关、省派驻本市的机构或者派出机关参与本市政务数据共享的，可参照本办法执行。')).toEqual([]);
    expect(roles('州级政务部门应当按照要求报送数据。')).toEqual([]);
    expect(roles('市政府要求各地加快进度。')).toEqual([]);
    expect(roles('建立健全工作机制，构建起市优化营商环境工作领导小组办公室统筹协调的格局。')).toEqual([]);
  });
});

describe('leadsInText', () => {
  it('reads 由X牵头 / 由X负责, but not people', () => {
    expect(leadsInText('此项工作由市发展改革委牵头，由县教育局具体负责。')).toEqual([
      { raw: '市发展改革委', role: 'lead' }, { raw: '县教育局', role: 'responsible' },
    ]);
    expect(leadsInText('由分管领导负责。')).toEqual([]);
  });
});

describe('items under 保障措施', () => {
  it('are tasks when a sentence gives a body a duty, not otherwise', async () => {
    const r = await parse(Buffer.from([
      '关于推进数据专区建设的指导意见', '', '一、保障措施',
      '（一）加快制度规范建设', '加快制定数据专区管理制度和技术规范，结合所属领域特点制定管理办法。',
      '（二）组织绩效考核评估', '北京市经济和信息化局统筹制定数据专区运营绩效考核评估指标体系，定期组织开展绩效考核评估。',
    ].join('\n')), { path: 'plan.txt' });
    expect(r.tasks.map((t) => [t.number, t.units.map((u) => u.name)])).toEqual([['（二）', ['北京市经济和信息化局']]]);
    expect(r.warnings.some((w) => w.code === 'unplaced-text' && w.line === 5)).toBe(true);
  });
});

describe('a plan whose measures give duties only in sentences', () => {
  it('keeps every measure that names who acts, with the roles its sentences give', async () => {
    const r = await parse(Buffer.from([
      '宜宾市人民政府关于加快推进职业教育高质量发展的实施意见', '',
      '一、重点任务', '（一）完善职业教育保障机制',
      '1.落实经费投入。市财政局、市教育局负责督促落实生均拨款制度。',
      '2.提高技能人才待遇。市人力资源社会保障局牵头，会同市总工会推动企业建立技能人才薪酬分配制度。',
      '二、组织实施',
      '（一）营造良好氛围。市委宣传部负责组织新闻媒体广泛宣传职业教育政策。',
      '（二）加强组织领导。建立职业教育工作联席会议制度。',
    ].join('\n')), { path: 'plan.txt' });
    expect(r.tasks.map((t) => [t.number, t.units.map((u) => `${u.name}/${u.role}`)])).toEqual([
      ['1', ['市财政局/responsible', '市教育局/responsible']],
      ['2', ['市人力资源社会保障局/lead', '市总工会/cooperate']],
      ['（一）', ['市委宣传部/responsible']],
    ]);
    // The safeguard item that names nobody is not a task, and says so.
    expect(r.warnings.some((w) => w.code === 'unplaced-text' && w.line === 9)).toBe(true);
  });
});
