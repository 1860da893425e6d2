import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';

const parseText = (text: string) => parse(Buffer.from(text), { path: 'plan.txt' });

describe('numbered measures with responsibilities', () => {
  it('reads labels inside one parenthesis: 牵头单位；配合单位；完成时限', async () => {
    const r = await parseText([
      '某市2023年数字经济发展工作方案', '', '一、重点任务', '（一）加快数字基础设施建设',
      '1. 推进5G网络建设。新建5G基站2000个以上。（牵头单位：市工信局；配合单位：市通信管理办、各区县人民政府；完成时限：2023年12月底前）',
      '2. 建设城市大数据中心。（牵头单位：市大数据局；完成时限：2023年6月底前）',
      '（二）推动产业数字化', '3. 实施“上云用数赋智”行动。推动1000家企业上云。（市工信局牵头，市发展改革委配合）',
    ].join('\n'));
    expect(r.tasks.map((t) => t.number)).toEqual(['1', '2', '3']);
    expect(r.tasks[0].units).toEqual([
      { name: '市工信局', role: 'lead' }, { name: '市通信管理办', role: 'cooperate' }, { name: '各区县人民政府', role: 'cooperate' },
    ]);
    expect(r.tasks[0].deadline).toMatchObject({ due: '2023-12-31', precision: 'month' });
    expect(r.tasks[1].deadline?.due).toBe('2023-06-30');
    expect(r.tasks[2].units).toEqual([{ name: '市工信局', role: 'lead' }, { name: '市发展改革委', role: 'cooperate' }]);
    // Headings that only group measures are sections.
    expect(r.sections.map((s) => s.heading)).toEqual(['重点任务', '加快数字基础设施建设', '推动产业数字化']);
    expect(r.tasks[2].sectionId).toBe(r.sections[2].id);
  });

  it('keeps sub-items that follow a measure\'s own bracket in its text when none has a bracket of its own', async () => {
    const r = await parseText([
      '某市2024年养老服务工作方案', '', '一、重点任务',
      '1．制定服务清单。2024年底前出台清单。（市民政局牵头，市财政局配合）',
      '（1）清单内容应当涵盖物质帮助等内容。', '（2）各县市区可适当增加服务项目。',
      '2．建立信息库。实现部门数据共享。（市数据局负责）',
      '（1）归集老年人基础信息。（市公安局负责）', '（2）推动数据共享。（市数据局负责）',
    ].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.units.map((u) => `${u.name}/${u.role}`)])).toEqual([
      ['1', ['市民政局/lead', '市财政局/cooperate']],
      // Sub-items with brackets of their own are the tasks.
      ['（1）', ['市公安局/responsible']],
      ['（2）', ['市数据局/responsible']],
    ]);
    expect(r.tasks[0].text).toContain('（2）各县市区可适当增加服务项目。');
    expect(r.tasks[0].deadline?.due).toBe('2024-12-31');
    expect(r.warnings.filter((w) => w.code === 'unplaced-text').map((w) => w.line)).toEqual([7]);
  });

  it('reads brackets whose second body guides, supports or takes part under a label of its own', async () => {
    const r = await parseText([
      '某市2024年养老服务工作方案', '', '一、重点任务',
      '1．发展社区助餐。做好助餐服务。（各县市区人民政府负责，市民政局指导）',
      '2．推进医养结合。做好签约服务。（市卫生健康委负责，市医保局支持）',
      '3．培养护理人才。开展职业培训。（牵头单位：市人社局；参与单位：市民政局）',
      '4．加强督导。开展专项督查。（责任单位：各县市区人民政府；指导单位：市民政局）',
    ].join('\n'));
    expect(r.tasks.map((t) => t.units.map((u) => `${u.name}/${u.role}`))).toEqual([
      ['各县市区人民政府/responsible', '市民政局/responsible'],
      ['市卫生健康委/responsible', '市医保局/cooperate'],
      ['市人社局/lead', '市民政局/cooperate'],
      ['各县市区人民政府/responsible', '市民政局/responsible'],
    ]);
  });

  it('lets the first unit of a table\'s 责任单位 cell lead when a 注 says so, in any of its wordings', async () => {
    for (const note of ['注：责任单位排在第一位的为牵头单位。', '注：列首位的为牵头单位。', '注：由排在第一位的单位负责统筹协调。']) {
      const r = await parseText([
        '2025年民生实事项目清单',
        '序号\t项目名称\t建设内容及目标\t责任单位\t完成时限',
        '1\t护眼行动\t改造中小学教室照明2000间。\t市教育局、市卫生健康委\t2025年8月底前',
        '2\t医疗救助\t门诊慢特病救助比例提高至70%。\t市医疗保障局、市民政局\t2025年6月底前',
        '', note,
      ].join('\n'));
      expect(r.tasks.map((t) => t.units.map((u) => `${u.name}/${u.role}`)), note).toEqual([
        ['市教育局/lead', '市卫生健康委/responsible'],
        ['市医疗保障局/lead', '市民政局/responsible'],
      ]);
    }
  });

  it('does not make tasks of the safeguards beside one that carries a responsibility', async () => {
    const r = await parseText([
      '某市促进生活性服务业高质量发展实施方案', '', '一、重点任务',
      '1．发展社区嵌入式养老服务。新建站点40个。（责任单位：市民政局）',
      '2．增加普惠托育服务。新增普惠性托位800个。',
      '二、保障措施',
      '（一）加强组织领导。建立工作协调机制，统筹推进各项任务落实。',
      '（二）强化要素保障。对新获评省级以上品牌的企业一次性奖励10万元。（责任单位：市财政局）',
      '（三）做好宣传引导。充分利用新媒体平台，宣传推广典型经验。',
    ].join('\n'));
    // a measure's sibling without a bracket is still one
    expect(r.tasks.map((t) => t.title)).toEqual(['发展社区嵌入式养老服务', '增加普惠托育服务', '强化要素保障']);
    expect(r.warnings.filter((w) => w.code === 'unplaced-text').map((w) => w.line)).toEqual([7, 9]);
  });

  it('reads a measure written as an article, with its responsibility, as a measure with a title', async () => {
    const r = await parseText([
      '某市关于支持科技创新的若干措施', '',
      '第一条　鼓励企业加大研发投入。对研发投入增长的企业给予奖补。（牵头单位：市科技局；配合单位：市财政局；完成时限：长期坚持）',
      '第二条　支持高新技术企业扩量提质。对首次认定的企业给予一次性奖励20万元。（牵头单位：市科技局）',
    ].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.title, t.origin.kind])).toEqual([
      ['第一条', '鼓励企业加大研发投入', 'measure'],
      ['第二条', '支持高新技术企业扩量提质', 'measure'],
    ]);
  });

  it('does not take the leaders a bracket names for units, nor 无 or a dash', async () => {
    const r = await parseText([
      '某市2025年重点工作安排', '', '一、做强产业',
      '1．推进产业链延链补链。（牵头市领导：王建华，李明；牵头单位：市工业和信息化局；责任单位：市科技局）',
      '2．培育专精特新企业。（王建华副市长牵头，市工业和信息化局负责）',
      '3．加强院前急救体系建设。（牵头单位：市卫生健康委；配合单位：无）',
    ].join('\n'));
    expect(r.tasks.map((t) => t.units.map((u) => `${u.name}/${u.role}`))).toEqual([
      ['市工业和信息化局/lead', '市科技局/responsible'],
      ['市工业和信息化局/responsible'],
      ['市卫生健康委/lead'],
    ]);
  });

  it('reads 即日起 and a clause that keeps the work going as the deadline, not as a remark or a unit', async () => {
    const r = await parseText([
      '某市2023年营商环境工作方案', '', '一、重点任务',
      '1.清理证明事项。全面清理各类证明事项。（责任单位：市司法局；完成时限：即日起至2024年12月）',
      '2.完善平台功能。（责任单位：市大数据局；完成时限：2023年12月底前完成，并长期坚持）',
    ].join('\n'));
    expect(r.tasks.map((t) => [t.units.map((u) => u.name), t.deadline?.due, t.deadline?.ongoing])).toEqual([
      [['市司法局'], '2024-12-31', false],
      [['市大数据局'], '2023-12-31', true],
    ]);
  });

  it('reads a bracket of body names followed by the deadline, and roles written inside a 责任单位 label', async () => {
    const r = await parseText([
      '某市2024年数字经济工作方案', '', '本方案所列各项任务，责任单位中排在第一位的为牵头单位。', '一、重点任务',
      '1.建设城市算力中心。推进云计算中心二期建设。（市发展改革委、市工业和信息化局；完成时限：2024年3-6月）',
      '2.发展农村电商。建设县级电商服务中心。（市农业农村局、市商务局，2024年11月底前）',
      '3.推进数据开放。（责任单位：市发改委牵头，市工信局、市自然资源局配合）',
      '4.招引重点项目。（牵头单位：市商务局（张某某）；配合单位：市投资促进局（李某某）、市政府办公室（市12345热线办））',
    ].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.units.map((u) => `${u.name}/${u.role}`), t.deadline?.due ?? null])).toEqual([
      ['1', ['市发展改革委/lead', '市工业和信息化局/responsible'], '2024-06-30'],
      ['2', ['市农业农村局/lead', '市商务局/responsible'], '2024-11-30'],
      ['3', ['市发改委/lead', '市工信局/cooperate', '市自然资源局/cooperate'], null],
      // A contact person in brackets is not part of the name; an alias is.
      ['4', ['市商务局/lead', '市投资促进局/cooperate', '市政府办公室（市12345热线办）/cooperate'], null],
    ]);
  });

  it('keeps a label going past a comma in its list, and numbers an item whose title starts with digits', async () => {
    // 广州市 关于推进人才集聚工程的实施意见 (2012): localities after the departments, and "11.121人才梯队项目".
    const r = await parseText([
      '关于推进人才集聚工程的实施意见', '', '一、实施人才行动计划',
      '10.“羊城学者”特聘岗位项目。择优设立50个“羊城学者”特聘岗位。（牵头单位：市委组织部，配合单位：各有关单位）',
      '11.121人才梯队项目。重点培养不少于10名院士后备人才。（牵头单位：市人力资源和社会保障局，配合单位：市教育局、市科协，各区、县级市）',
      '12.博士后培养项目。5年内培养资助博士后研究人员不少于400名。（牵头单位：市人力资源和社会保障局，各区、县级市负责落实）',
    ].join('\n'));
    expect(r.tasks.map((t) => t.number)).toEqual(['10', '11', '12']);
    expect(r.tasks[1].title).toBe('121人才梯队项目');
    expect(r.tasks[1].units).toEqual([
      { name: '市人力资源和社会保障局', role: 'lead' }, { name: '市教育局', role: 'cooperate' }, { name: '市科协', role: 'cooperate' },
      { name: '各区', role: 'cooperate' }, { name: '县级市', role: 'cooperate' },
    ]);
    // With role words of its own, the clause after the comma is not the label's.
    expect(r.tasks[2].units.filter((u) => u.role === 'cooperate')).toEqual([]);
  });

  it('reads a closing bracket of body names without role words as the responsibility, not a remark or an alias', async () => {
    const r = await parseText([
      '关于推进应急通信高质量发展的指导意见', '', '一、推动应急通信创新突破',
      '（一）推进应急通信技术突破应用。推动跨运营商应急漫游等重点技术研发。（工业和信息化部、公安部、应急管理部按职责分工负责）',
      '（二）构建应急通信创新发展平台。组织制定应急通信标准体系，加强网络抗毁等标准研制。（工业和信息化部、应急管理部）',
      '（三）推动应急通信产业生态繁荣。支持龙头企业（如华为公司、中兴公司）建设产业集群，由市政府（市应急管理局）统筹推进。',
    ].join('\n'));
    // Neither （如…公司） nor the alias in （三） is a list of units; the sentence's subject, alias included, is.
    expect(r.tasks.map((t) => t.units.map((u) => u.name))).toEqual([
      ['工业和信息化部', '公安部', '应急管理部'], ['工业和信息化部', '应急管理部'], ['市政府（市应急管理局）'],
    ]);
  });

  it('splits an item holding several sentences with their own responsibilities', async () => {
    const r = await parseText([
      '一、主要任务',
      '1.扩大优势产品出口。支持企业开拓市场（省商务厅负责）。加强通关便利（合肥海关牵头，省商务厅配合）。',
      '2.优化营商环境。推进通关一体化（合肥海关负责）',
    ].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.title])).toEqual([['1', '扩大优势产品出口'], ['1', '扩大优势产品出口'], ['2', '优化营商环境']]);
    expect(r.tasks[1].units).toEqual([{ name: '合肥海关', role: 'lead' }, { name: '省商务厅', role: 'cooperate' }]);
  });

  it('puts text after the last responsibility of a measure into warnings, not into the task', async () => {
    const r = await parseText([
      '一、主要任务', '1.打造区域平台。建设区域特色平台。（责任单位：各市人民政府）', '专栏1 重点平台名单', '某某平台、某某平台',
      '2.建设创新载体。（责任单位：省科技厅）',
    ].join('\n'));
    expect(r.tasks[0].text).toBe('打造区域平台。建设区域特色平台。（责任单位：各市人民政府）');
    expect(r.warnings.filter((w) => w.code === 'unplaced-text').map((w) => w.line)).toEqual([3, 4]);
  });
});

describe('enumerations and attachments', () => {
  it('keeps 一是/二是 inside a measure that carries a responsibility', async () => {
    const r = await parseText([
      '一、主要任务',
      '1.提升热线服务水平。对标一流，加快升级：一是“一单通达”，直达一线；二是自动外呼回访。（责任单位：市政务服务局）',
      '2.建设创新载体。（责任单位：省科技厅）',
    ].join('\n'));
    expect(r.tasks.map((t) => t.number)).toEqual(['1', '2']);
    expect(r.tasks[0].text).toContain('二是自动外呼回访。');
  });
  it('does not read the attachment list or the forms after it as items', async () => {
    const r = await parseText([
      '关于加强宣传工作的通知', '各单位：', '一、加强报送', '（一）信息要在3天内报送，报送时要注明联系人和联系电话，确保信息准确。',
      '（二）请各单位于4月28日前上报联络员名单，并确保名单准确完整。', '附件：1.联络员登记表', '2.宣传申报单', '附件1：', '联络员登记表', '填报单位', '姓名',
    ].join('\n'));
    expect(r.tasks.map((t) => t.number)).toEqual(['（一）', '（二）']);
    expect(r.tasks[1].text).not.toContain('填报单位');
    expect(r.warnings.filter((w) => w.code === 'unplaced-text').map((w) => w.line)).toEqual([9, 10, 11]);
  });
});

describe('labels written inside the measure paragraph', () => {
  it('splits off 责任单位/牵头单位/完成时限 after the last sentence', async () => {
    const r = await parseText([
      '一、重点任务',
      '（一）推进一网通办。梳理公布事项清单。责任单位：县政务服务中心、县级各部门；完成时限：2023年底。',
      '（二）优化营商环境评价。开展评价。牵头单位：县发展改革委；配合单位：各乡镇；完成时限：2023年6月30日前。',
    ].join('\n'));
    expect(r.tasks.map((t) => t.text)).toEqual(['推进一网通办。梳理公布事项清单。', '优化营商环境评价。开展评价。']);
    expect(r.tasks[0].units.map((u) => u.name)).toEqual(['县政务服务中心', '县级各部门']);
    expect(r.tasks[0].deadline).toMatchObject({ due: '2023-12-31', precision: 'year' });
    expect(r.tasks[1].units).toEqual([{ name: '县发展改革委', role: 'lead' }, { name: '各乡镇', role: 'cooperate' }]);
    expect(r.tasks[1].deadline?.due).toBe('2023-06-30');
  });
});

describe('regulations and notices without responsibilities', () => {
  it('takes every clause as a task and keeps its （一）items in its text', async () => {
    const r = await parseText([
      '某市政务数据管理办法', '第一章　总　则', '第一条　为了规范政务数据管理，制定本办法。',
      '第二条　市政务数据主管部门负责下列工作：', '（一）规划政务数据平台；', '（二）推动数据共享。',
      '第二章　附　则', '第三条　本办法自2020年6月15日起施行。',
    ].join('\n'));
    expect(r.tasks.map((t) => t.number)).toEqual(['第一条', '第二条', '第三条']);
    expect(r.tasks[1].text).toContain('（二）推动数据共享。');
    expect(r.tasks[1].units).toEqual([{ name: '市政务数据主管部门', role: 'responsible' }]);
    expect(r.tasks.every((t) => t.origin.kind === 'article' && t.title === null)).toBe(true);
    expect(r.sections.map((s) => s.marker)).toEqual(['第一章', '第二章']);
  });

  it('does not take a score sheet\'s rules, its principles or its 附则 for work to do', async () => {
    const r = await parseText([
      '洛阳市2024年度优化营商环境工作考核办法', '',
      '一、考核原则', '坚持客观公正、突出重点、注重实效的原则，实行日常考核与年终考核相结合。',
      '二、考核内容及分值',
      '（一）日常工作（30分）。主要考核组织领导、任务落实、信息报送等情况。',
      '（二）指标评价（50分）。按照各县（市、区）在全省县级评价中的位次计分。',
      '三、考核程序',
      '（一）自查自评。各考核对象于2025年1月10日前将年度工作总结报市营商办。',
      '（二）综合评价。市营商办会同市直有关单位于2025年1月底前完成打分。',
      '四、附则', '本办法由市营商办负责解释，自印发之日起施行。',
    ].join('\n'));
    expect(r.tasks.map((t) => [t.title, t.deadline?.due ?? null])).toEqual([
      ['自查自评', '2025-01-10'],
      ['综合评价', '2025-01-31'],
    ]);
  });

  it('dates a task that dates nothing itself by a deadline bracket closing its title or a heading above it', async () => {
    const r = await parseText([
      '某市城市更新工作方案', '', '二、重点任务',
      '（一）完成老旧小区改造（2025年10月底前）',
      '1．加快项目建设。同步加装电梯60部。（市住房城乡建设局牵头，市财政局配合）',
      '2．建立长效管理机制。2025年6月底前出台办法。（责任单位：市民政局）',
      '（二）治理城市交通秩序（长期坚持）',
      '1．新增停车泊位。（责任单位：市自然资源和规划局）',
      '（三）推进智慧城市建设',
      '1．建设城市运行管理平台。（责任单位：市大数据局）',
      '三、时间安排',
      '（一）动员部署阶段（2025年3月）', '市住房城乡建设局要制定细化实施方案。',
    ].join('\n'));
    expect(r.tasks.map((t) => [t.title, t.deadline?.raw ?? null, t.deadline?.due ?? null, t.deadline?.ongoing ?? null])).toEqual([
      ['加快项目建设', '2025年10月底前', '2025-10-31', false],
      // its own date wins over the heading's
      ['建立长效管理机制', '2025年6月底前', '2025-06-30', false],
      ['新增停车泊位', '长期坚持', null, true],
      ['建设城市运行管理平台', null, null, null],
    ]);
    expect(r.sections.map((s) => s.heading)).toContain('完成老旧小区改造（2025年10月底前）');
  });

  it('takes the phases of a campaign\'s 时间安排 as tasks, due at the end of their window', async () => {
    const r = await parseText([
      '关于开展电动自行车安全隐患专项整治的通知', '', '各县（市、区）人民政府：',
      '一、整治内容', '（一）整治楼道违规停放充电行为。各县（市、区）要组织开展排查，做到全覆盖。',
      '二、时间安排',
      '第一阶段：动员部署（2024年3月1日—3月31日）。市市场监管局负责制定实施方案。',
      '第二阶段：集中整治（2024年4月—9月）。市公安局要开展联合执法检查。',
    ].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.origin.kind, t.units.map((u) => u.name), t.deadline?.due ?? null])).toEqual([
      ['（一）', 'measure', ['各县（市、区）'], null],
      ['第一阶段', 'enumeration', ['市市场监管局'], '2024-03-31'],
      ['第二阶段', 'enumeration', ['市公安局'], '2024-09-30'],
    ]);
  });

  it('takes a notice\'s top-level requirements as tasks when no level is under them', async () => {
    const r = await parseText([
      '湖南省应急管理厅关于做好2024年汛期地质灾害防治工作的通知', '',
      '各市州应急管理局：', '为做好汛期地质灾害防治工作，现将有关事项通知如下。',
      '一、充分认识防治工作的重要性。地质灾害防治事关人民群众生命财产安全。',
      '二、加强隐患排查。各市州要在5月底前完成隐患排查。',
      '三、强化值班值守。各市州要严格落实24小时值班制度，发现险情立即报告。',
      '四、组织保障。要加强组织领导，压实工作责任。',
      '五、工作要求',
    ].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.title, t.deadline?.due ?? null])).toEqual([
      ['二', '加强隐患排查', '2024-05-31'],
      ['三', '强化值班值守', null],
    ]);
    // Why it matters (framing) and safeguards that name no unit are sections, their sentences warned about.
    expect(r.sections.map((s) => s.heading)).toEqual(['充分认识防治工作的重要性', '组织保障', '工作要求']);
    expect(r.warnings.filter((w) => w.code === 'unplaced-text').map((w) => w.line)).toEqual([4, 5, 8]);
  });
});

describe('regulations: chapters printed with their first clause, duties in the sentences', () => {
  it('splits "第一章 总则 第一条 …" and names the bodies that sentences give duties to', async () => {
    const r = await parseText([
      '某州政务数据资源管理暂行办法',
      '　第一章　总则　　第一条 　为规范政务数据资源管理，制定本办法。',
      '　　第二条 　州人民政府授权州数据资源主管部门负责统筹全州政务数据资源管理工作。',
      '　　第三条 　州、县（市）人民政府应当推进政务数据资源依法有序共享。政务部门应当无偿共享政务数据。',
      '　第二章　附则　　第四条 　北京市经济和信息化局会同专区监管部门建立数据质量反馈机制。',
    ].join('\n'));
    expect(r.tasks.map((t) => t.number)).toEqual(['第一条', '第二条', '第三条', '第四条']);
    expect(r.sections.map((s) => s.marker)).toEqual(['第一章', '第二章']);
    expect(r.tasks[1].units).toEqual([{ name: '州数据资源主管部门', role: 'responsible' }]);
    expect(r.tasks[2].units).toEqual([{ name: '州、县（市）人民政府', role: 'responsible' }]);
    // 会同: the subject leads, the body after it cooperates.
    expect(r.tasks[3].units).toEqual([{ name: '北京市经济和信息化局', role: 'lead' }, { name: '专区监管部门', role: 'cooperate' }]);
  });
});

describe('the 落款 of a notice', () => {
  it('is not unplaced text after a long last paragraph, before the plan or the 附件 it carries', async () => {
    const r = await parseText([
      '淮安市人民政府关于实施2025年市级民生实事项目的通知', '淮政发〔2025〕8号', '各县区人民政府：',
      '现将项目清单印发给你们，请认真组织实施。',
      '各责任单位要将民生实事项目作为年度重点工作，主要负责同志亲自研究部署，逐项制定实施方案，确保按时保质完成。',
      '淮安市人民政府', '2025年3月5日',
      '2025年市级民生实事项目清单',
      '1．城市口袋公园建设。新建改造口袋公园30个。（责任单位：市城市管理局）',
    ].join('\n'));
    expect(r.document).toMatchObject({ issuer: '淮安市人民政府', issuedDate: '2025-03-05' });
    // the notice's own requirement is still reported; its 落款 is not
    expect(r.warnings.filter((w) => w.code === 'unplaced-text').map((w) => w.line)).toEqual([5]);
  });
});

describe('text after a section heading', () => {
  it('warns about the sentences after a heading that is only a section, with their line', async () => {
    const r = await parseText([
      '某市数字政府建设工作方案', '', '一、重点任务',
      '1. 推进5G网络建设。新建5G基站2000个以上。（责任单位：市工信局）',
      '二、保障措施',
      '（一）加强组织领导。成立工作专班，统筹推进各项任务。',
      '（二）强化宣传。',
    ].join('\n'));
    expect(r.tasks).toHaveLength(1);
    expect(r.sections.map((s) => s.heading)).toEqual(['重点任务', '保障措施', '加强组织领导', '强化宣传']);
    // Line 6 says more than its heading; line 7 is a heading only.
    expect(r.warnings.filter((w) => w.code === 'unplaced-text').map((w) => w.line)).toEqual([6]);
  });

  it('does not warn about a body item that a task table restates', async () => {
    const r = await parseText([
      '某县优化营商环境工作方案', '', '一、重点任务',
      '1. 加强干部思想教育。深入学习中央八项规定精神。',
      '2. 提升政务服务效能。推行“一件事一次办”。',
      '重点任务分解表',
      '序号\t具体措施\t责任单位\t完成时限',
      '1\t加强干部思想教育\t县纪委监委\t长期坚持',
      '2\t提升政务服务\t县政务服务中心\t2024年12月底前',
    ].join('\n'));
    expect(r.tasks.map((t) => t.title ?? t.text)).toEqual(['加强干部思想教育', '提升政务服务']);
    // Item 2's heading (提升政务服务效能) is not in the table: its sentence is reported.
    expect(r.warnings.filter((w) => w.code === 'unplaced-text').map((w) => w.line)).toEqual([5]);
  });

  it('keeps a measure with its own responsibility that the task table does not restate', async () => {
    const r = await parseText([
      '某市2024年“无废城市”建设工作要点', '', '一、重点工作',
      '1.推进绿色工厂建设。新增省级以上绿色工厂8家。（责任单位：市工信局、市生态环境局；完成时限：2024年12月底前）',
      // Restated by rows 1 and 2 together (split into two rows): a section, as before.
      '2.推进大宗固废综合利用。支持尾矿、粉煤灰综合利用项目建设，推动建筑垃圾资源化利用。（责任单位：市发改委）',
      '二、重点项目',
      '序号\t重点工作\t主要内容\t责任单位\t完成时限',
      '1\t尾矿综合利用\t支持尾矿、粉煤灰综合利用项目建设\t市发改委\t2024年12月底前',
      '2\t建筑垃圾资源化\t推动建筑垃圾资源化利用\t市住建局\t2024年10月底前',
      '三、保障措施',
      '3.强化督查考核。每月底前通报各地进展情况。（责任单位：市生态环境局）',
    ].join('\n'));
    expect(r.tasks.map((t) => [t.origin.kind, t.number, t.units.map((u) => u.name)])).toEqual([
      ['measure', '1', ['市工信局', '市生态环境局']],
      ['table', '1', ['市发改委']],
      ['table', '2', ['市住建局']],
      ['measure', '3', ['市生态环境局']],
    ]);
    expect(r.tasks[0].deadline?.due).toBe('2024-12-31');
    expect(r.tasks[0].targets.map((t) => t.value)).toEqual([8]);
    // "每月底前": a point in every month, so the work is ongoing.
    expect(r.tasks[3].deadline).toMatchObject({ raw: '每月底前', ongoing: true });
    expect(r.sections.map((s) => s.heading)).toContain('推进大宗固废综合利用');
  });
});

describe('label-line blocks under a heading line', () => {
  it('take the heading line as the title of the measure and of each of its parts', async () => {
    const r = await parseText([
      '南康区2024年优化营商环境攻坚行动工作方案', '', '一、提升政务服务效能',
      '（一）深化“一件事一次办”改革',
      '拓展“一件事一次办”集成服务场景，年内新增“一件事”场景10个以上。',
      '牵头单位：区行政审批局', '完成时限：2024年6月底前',
      '（二）缓解企业融资难题',
      '深化“财园信贷通”等融资产品运用，全年新增普惠小微企业贷款20亿元以上。',
      '牵头单位：区金融服务中心', '完成时限：2024年12月底前',
      '推动政府性融资担保机构扩面增量，担保费率降至1%以下。',
      '牵头单位：区财政局', '完成时限：2024年12月底前',
    ].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.title, t.text.split('，')[0], t.units.map((u) => u.name)])).toEqual([
      ['（一）', '深化“一件事一次办”改革', '拓展“一件事一次办”集成服务场景', ['区行政审批局']],
      ['（二）', '缓解企业融资难题', '深化“财园信贷通”等融资产品运用', ['区金融服务中心']],
      ['（二）', '缓解企业融资难题', '推动政府性融资担保机构扩面增量', ['区财政局']],
    ]);
  });

  it('keep milestones printed on the lines under a 时间节点 label on that label', async () => {
    const r = await parseText([
      '2025年重点任务督办清单', '一、产业振兴类',
      '1．打造数字经济产业园', '工作目标：引进数字经济企业50户以上。',
      '时间节点：', '3月底前，完成园区运营主体招引；', '12月底前，入驻企业达到50户。',
      '牵头单位：市数据局', '配合单位：市科技局',
      '2．推进钢铁产业延链补链', '工作目标：全年实施钢铁精深加工项目15个。',
      '时间节点：3月底前完成项目谋划储备；', '12月底前15个项目全部开工。',
      '牵头单位：市工业和信息化局',
    ].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.title, t.deadline?.raw, t.deadline?.due, t.units.map((u) => u.name)])).toEqual([
      ['1', '打造数字经济产业园', '3月底前，完成园区运营主体招引；12月底前，入驻企业达到50户', '2025-12-31', ['市数据局', '市科技局']],
      ['2', '推进钢铁产业延链补链', '3月底前完成项目谋划储备；12月底前15个项目全部开工', '2025-12-31', ['市工业和信息化局']],
    ]);
  });
});

describe('a responsibility on a line of its own after the sub-items', () => {
  it('belongs to the measure, whose sub-items are its text', async () => {
    const r = await parseText([
      '某市2024年工作方案', '', '一、重点任务',
      '1.实施制造业数字化改造。', '（1）推动规上工业企业数字化改造，完成企业500家。', '（2）建设省级智能制造标杆企业5家。',
      '（牵头单位：市工业和信息化局；配合单位：市财政局；完成时限：2024年12月底前）',
      '2.培育数字化服务商。', '（1）引进服务商10家。（责任单位：市商务局）', '（2）培育本地服务商20家。（责任单位：市工业和信息化局）',
    ].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.units.map((u) => u.name), t.deadline?.due ?? null])).toEqual([
      ['1', ['市工业和信息化局', '市财政局'], '2024-12-31'],
      // Sub-items with brackets of their own stay tasks.
      ['（1）', ['市商务局'], null],
      ['（2）', ['市工业和信息化局'], null],
    ]);
    expect(r.tasks[0].text).toContain('（2）建设省级智能制造标杆企业5家。');
    expect(r.tasks[0].targets.map((t) => t.value)).toEqual([500, 5]);
  });
});

describe('a notice\'s requirements under 工作要求', () => {
  it('are tasks when they tell a locality to act; a whole requirement left as a heading is warned about', async () => {
    const r = await parseText([
      '关于做好2024年汛期地质灾害防范应对工作的通知', '', '各市州应急管理局：', '一、压实防范责任',
      '（一）落实责任体系。各市州要严格落实地方党委政府领导责任。', '二、有关工作要求',
      '（一）汛期结束后，各市州要认真总结本地区防治工作，11月30日前形成书面报告。',
      '（二）严格执行24小时值班和领导带班制度，确保信息畅通，及时处置突发情况。',
    ].join('\n'));
    expect(r.tasks.map((t) => [t.number, t.units.map((u) => u.name)])).toEqual([['（一）', ['各市州']], ['（一）', ['各市州']]]);
    expect(r.warnings.some((w) => w.code === 'unplaced-text' && w.line === 8)).toBe(true);
  });
});
