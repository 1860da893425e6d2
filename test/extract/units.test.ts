import { describe, expect, it } from 'vitest';
import {
  findPrintedUnit, normalizeUnitName, parseResponsibility, roleOfLabel, splitUnits, statesFirstUnitLeads,
} from '../../src/extract/units.js';
import { applyStemRules, canonicalUnit, parseAliasTable, UnitCanon } from '../../src/extract/aliases.js';
import { renderUnitsText, tallyUnits } from '../../src/commands/units.js';
import type { Result, Unit, UnitRole } from '../../src/result/schema.js';

// Expected values written from reading each phrase; phrases come from the seeds
// (fixtures/seeds/*.txt), the corpus (fixtures/corpus/*) and the forms of issue 3.

const L = (name: string): Unit => ({ name, role: 'lead' });
const C = (name: string): Unit => ({ name, role: 'cooperate' });
const R = (name: string): Unit => ({ name, role: 'responsible' });

// [printed list, role given by the column or label, expected units]
const LISTS: [string, UnitRole, Unit[]][] = [
  ['县委组织部、县政府办公室', 'responsible', [R('县委组织部'), R('县政府办公室')]],
  ['县纪委监委、县委组织部、县委督查办、县政府督查办、县营商办', 'responsible',
    [R('县纪委监委'), R('县委组织部'), R('县委督查办'), R('县政府督查办'), R('县营商办')]],
  ['县金融工作事务中心、石柱金融监管支局、人行丰都营管部', 'responsible',
    [R('县金融工作事务中心'), R('石柱金融监管支局'), R('人行丰都营管部')]],
  ['各乡镇〔街道〕、县政府各部门、各有关单位', 'responsible', [R('各乡镇（街道）'), R('县政府各部门'), R('各有关单位')]],
  ['县教委、县卫生健康委、县住房城乡建委、县文化旅游委等。', 'cooperate',
    [C('县教委'), C('县卫生健康委'), C('县住房城乡建委'), C('县文化旅游委')]],
  ['县经济信息委、\n县规划自然资源局\n、县住房城乡建委', 'cooperate', [C('县经济信息委'), C('县规划自然资源局'), C('县住房城乡建委')]],
  ['市发展改革委、市商务局、市工信局、市科技局、市人社局等市直相关部门(单位)，各县(区)人民政府。', 'responsible',
    [R('市发展改革委'), R('市商务局'), R('市工信局'), R('市科技局'), R('市人社局'), R('各县（区）人民政府')]],
  ['人行XX中心支行、市财政局、市税务局等', 'responsible', [R('人行XX中心支行'), R('市财政局'), R('市税务局')]],
  ['市住建局、市交通运输局、市水务局、市农业农村局等市级招投标行业监管部门，市政府办公室、市财政局、市公共资源交易中心。', 'responsible',
    [R('市住建局'), R('市交通运输局'), R('市水务局'), R('市农业农村局'), R('市政府办公室'), R('市财政局'), R('市公共资源交易中心')]],
  ['市中级法院、市检察院，市、县(区)相关部门(单位)', 'responsible', [R('市中级法院'), R('市检察院'), R('市、县（区）相关部门（单位）')]],
  ['市中级法院、市检察院、市公安局、市司法局、市市场监管局，市、县(区)各行政执法单位', 'responsible',
    [R('市中级法院'), R('市检察院'), R('市公安局'), R('市司法局'), R('市市场监管局'), R('市、县（区）各行政执法单位')]],
  ['市委信访局、市公安局、12345市政务服务热线中心,市直相关部门', 'responsible',
    [R('市委信访局'), R('市公安局'), R('12345市政务服务热线中心'), R('市直相关部门')]],
  ['市工信局，各县(区)人民政府', 'lead', [L('市工信局'), L('各县（区）人民政府')]],
  ['各县(区)人民政府', 'lead', [L('各县（区）人民政府')]],
  ['县住建局（县人防办、县地震局）', 'responsible', [R('县住建局（县人防办、县地震局）')]],
  ['县委宣传部（县融媒体中心）、县文旅局', 'responsible', [R('县委宣传部（县融媒体中心）'), R('县文旅局')]],
  ['县政府办公室、县级“一件事”责任单位及协办单位、县级政务服务单位', 'responsible',
    [R('县政府办公室'), R('县级“一件事”责任单位及协办单位'), R('县级政务服务单位')]],
  ['县级有关部门及各镇', 'responsible', [R('县级有关部门'), R('各镇')]],
  ['县财政局等部门及各镇', 'responsible', [R('县财政局'), R('各镇')]],
  ['县发改局、县住建局、县自然资源局等部门及各镇', 'responsible', [R('县发改局'), R('县住建局'), R('县自然资源局'), R('各镇')]],
  ['县发改局、县市场监管局等相关部门及各镇', 'responsible', [R('县发改局'), R('县市场监管局'), R('各镇')]],
  ['省经济和信息化厅、省通信管理局，各基础电信企业，各市人民政府', 'responsible',
    [R('省经济和信息化厅'), R('省通信管理局'), R('各基础电信企业'), R('各市人民政府')]],
  ['省推进工业互联网创新发展专项工作组成员单位，各市人民政府', 'responsible',
    [R('省推进工业互联网创新发展专项工作组成员单位'), R('各市人民政府')]],
  ['１２３４５市政务服务热线中心', 'responsible', [R('12345市政务服务热线中心')]],
  ['县发改局 县财政局', 'lead', [L('县发改局'), L('县财政局')]], // table cell, names separated by a space
  ['县 发改局', 'lead', [L('县发改局')]], // a line break inside one name
  ['XX报社、XX广播电视台', 'responsible', [R('XX报社'), R('XX广播电视台')]],
  ['县级相关部门和单位等', 'responsible', [R('县级相关部门和单位')]],
  ['生态工业园区等', 'responsible', [R('生态工业园区')]],
  ['各高等学校等单位', 'responsible', [R('各高等学校')]],
  ['县财政局、县财政局', 'responsible', [R('县财政局')]],
  ['市委办公室、市政府办公室，市级党委政府各部门(单位)，中省驻庆各单位，各县(区)人民政府', 'responsible',
    [R('市委办公室'), R('市政府办公室'), R('市级党委政府各部门（单位）'), R('中省驻庆各单位'), R('各县（区）人民政府')]],
  ['人民银行奉节县支行；县金融服务中心', 'cooperate', [C('人民银行奉节县支行'), C('县金融服务中心')]],
  ['各镇、各部门', 'responsible', [R('各镇'), R('各部门')]],
];

describe('splitUnits', () => {
  it.each(LISTS)('%s (%s)', (raw, role, expected) => {
    expect(splitUnits(raw, role)).toEqual(expected);
  });

  it('defaults to responsible', () => {
    expect(splitUnits('县司法局、县法院')).toEqual([R('县司法局'), R('县法院')]);
    // A bare level shares the name after it, 各 or not, over a chain of levels.
    expect(splitUnits('市住房城乡建设局、各区、县（市）住房城乡建设局')).toEqual([R('市住房城乡建设局'), R('各区、县（市）住房城乡建设局')]);
    expect(splitUnits('各市、县（市、区）人民政府')).toEqual([R('各市、县（市、区）人民政府')]);
    expect(splitUnits('省、市、县三级医疗机构')).toEqual([R('省、市、县三级医疗机构')]);
    expect(splitUnits('各区、各县')).toEqual([R('各区'), R('各县')]);
    expect(splitUnits('各区、县级市')).toEqual([R('各区'), R('县级市')]);
  });

  it('gives fields of work the 部门 printed once after the last of them, and the level printed before the first', () => {
    expect(splitUnits('卫生健康、民政部门')).toEqual([R('卫生健康部门'), R('民政部门')]);
    expect(splitUnits('市卫生健康、民政部门')).toEqual([R('市卫生健康部门'), R('市民政部门')]);
    expect(splitUnits('市教育、人力资源社会保障主管部门')).toEqual([R('市教育主管部门'), R('市人力资源社会保障主管部门')]);
    // only the fields right before it: a body's own name keeps its ending
    expect(splitUnits('市公安局、交通运输、城管部门')).toEqual([R('市公安局'), R('交通运输部门'), R('城管部门')]);
    // 等…部门 names fields loosely, and 有关部门 is no field's word
    expect(splitUnits('市发展改革、财政、统计等相关部门')).toEqual([R('市发展改革'), R('财政'), R('统计')]);
    expect(splitUnits('市财政局、有关部门')).toEqual([R('市财政局'), R('有关部门')]);
  });

  it('gives places the body printed once after the last of them', () => {
    expect(splitUnits('铁东区、铁西区、千山区人民政府')).toEqual([R('铁东区人民政府'), R('铁西区人民政府'), R('千山区人民政府')]);
    expect(splitUnits('海城市、岫岩满族自治县人民政府')).toEqual([R('海城市人民政府'), R('岫岩满族自治县人民政府')]);
    expect(splitUnits('鞍山经济开发区、鞍山高新区管委会')).toEqual([R('鞍山经济开发区管委会'), R('鞍山高新区管委会')]);
    // a body's own name and a lone level are not places to share it
    expect(splitUnits('市公安局、铁西区人民政府')).toEqual([R('市公安局'), R('铁西区人民政府')]);
    expect(splitUnits('市、县人民政府')).toEqual([R('市、县人民政府')]);
  });

  it('names no unit for 无, a dash, or a person', () => {
    expect(splitUnits('无', 'cooperate')).toEqual([]);
    expect(splitUnits('—', 'cooperate')).toEqual([]);
    expect(splitUnits('王建华副市长、市工业和信息化局')).toEqual([R('市工业和信息化局')]);
    expect(splitUnits('无锡市人民政府')).toEqual([R('无锡市人民政府')]);
  });

  it('makes the first unit lead under the "排在第一位的部门为牵头部门" convention', () => {
    expect(splitUnits('税务总局、财政部、海关总署', 'responsible', { firstLeads: true }))
      .toEqual([L('税务总局'), R('财政部'), R('海关总署')]);
  });
});

// [the inside of a responsibility phrase, expected units (null: not a responsibility)]
const PHRASES: [string, Unit[] | null][] = [
  // the forms of a 责任单位 table cell: short labels (one cell paragraph each, joined), bracketed role words
  ['牵头：市大数据局配合：市公安局、市政务服务中心', [L('市大数据局'), C('市公安局'), C('市政务服务中心')]],
  ['市大数据局（牵头）、市直各相关部门', [L('市大数据局'), R('市直各相关部门')]],
  ['市大数据局（牵头），市公安局、市财政局（配合）', [L('市大数据局'), C('市公安局'), C('市财政局')]],
  ['（责任单位：县委组织部、县政府办公室）', [R('县委组织部'), R('县政府办公室')]],
  ['责任单位：县发展改革委、县公共资源交易中心、涉及招标投标政策有关单位',
    [R('县发展改革委'), R('县公共资源交易中心'), R('涉及招标投标政策有关单位')]],
  ['县法院牵头，县财政局等部门及各镇按职责分工负责', [L('县法院'), R('县财政局'), R('各镇')]],
  ['县供电分公司牵头，各镇、各部门按职责分工负责', [L('县供电分公司'), R('各镇'), R('各部门')]],
  ['县行政审批局、县数字化信息中心牵头，县发改局、县市场监管局等相关部门及各镇按职责分工负责',
    [L('县行政审批局'), L('县数字化信息中心'), R('县发改局'), R('县市场监管局'), R('各镇')]],
  ['县自然资源局、县行政审批局、园区管委会牵头，县发改局、县住建局等部门及各镇按职责分工负责',
    [L('县自然资源局'), L('县行政审批局'), L('园区管委会'), R('县发改局'), R('县住建局'), R('各镇')]],
  ['县政府办公室、县行政服务中心，各乡镇〔街道〕，县级相关部门和单位等按职责分工负责',
    [R('县政府办公室'), R('县行政服务中心'), R('各乡镇（街道）'), R('县级相关部门和单位')]],
  ['县纪委监委、县委组织部、县委督查办、县政府督查办等按职责分工负责',
    [R('县纪委监委'), R('县委组织部'), R('县委督查办'), R('县政府督查办')]],
  ['县经济信息委、县农业农村委、县商务委、县投资促进中心、生态工业园区等按职责分工负责',
    [R('县经济信息委'), R('县农业农村委'), R('县商务委'), R('县投资促进中心'), R('生态工业园区')]],
  ['牵头单位:市发展改革委责任单位：市级党委政府各部门(单位)，中省驻庆各单位,各县(区)人民政府',
    [L('市发展改革委'), R('市级党委政府各部门（单位）'), R('中省驻庆各单位'), R('各县（区）人民政府')]],
  ['牵头单位：市税务局、市财政局责任单位：市工信局、市市场监管局，各县(区)人民政府',
    [L('市税务局'), L('市财政局'), R('市工信局'), R('市市场监管局'), R('各县（区）人民政府')]],
  ['牵头部门:市作风办', [L('市作风办')]],
  ['5月底取得明显成效并持续推进，牵头考核单位：市审批服务局', [L('市审批服务局')]],
  ['持续优化，牵头考核单位：市住建局、审批服务局', [L('市住建局'), L('审批服务局')]],
  ['6月底完成，牵头考核单位：市政府办公室、市公安局', [L('市政府办公室'), L('市公安局')]],
  ['税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同', [L('税务总局'), R('财政部'), R('海关总署')]],
  ['商务部、海关总署等有关部门负责', [R('商务部'), R('海关总署')]],
  ['县住建局（县人防办、县地震局）牵头，各镇、各部门按职责分工负责', [L('县住建局（县人防办、县地震局）'), R('各镇'), R('各部门')]],
  ['包抓领导：县委常委、常务副县长彭磊，牵头部门：县行政审批局', [L('县行政审批局')]],
  ['县发展改革委牵头，县财政局、县税务局配合', [L('县发展改革委'), C('县财政局'), C('县税务局')]],
  ['县市场监管局、县司法局负责', [R('县市场监管局'), R('县司法局')]],
  ['省经济和信息化厅会同省财政厅负责', [L('省经济和信息化厅'), C('省财政厅')]],
  ['由区卫健局牵头', [L('区卫健局')]],
  ['[县政府督查室牵头，各镇、各部门按职责分工负责]', [L('县政府督查室'), R('各镇'), R('各部门')]],
  ['县行政审批局牵头', [L('县行政审批局')]],
  ['配合单位：县经济信息委、县规划自然资源局', [C('县经济信息委'), C('县规划自然资源局')]],
  ['协办单位：县不动产登记中心', [C('县不动产登记中心')]],
  // corpus 06: 牵头单位 inside a name is not the role word 牵头
  ['省商务厅牵头，省十大新兴产业推进组工作专班牵头单位按职责分工负责', [L('省商务厅'), R('省十大新兴产业推进组工作专班牵头单位')]],
  ['省十大新兴产业推进组工作专班牵头单位牵头，省十大新兴产业推进组工作专班成员单位按职责分工配合',
    [L('省十大新兴产业推进组工作专班牵头单位'), C('省十大新兴产业推进组工作专班成员单位')]],
  // a body that supports the one responsible cooperates; one that guides it is responsible, as a 指导部门 column
  ['市教育局负责，市财政局协助', [R('市教育局'), C('市财政局')]],
  ['市教育局负责，市财政局支持', [R('市教育局'), C('市财政局')]],
  ['各县市区人民政府负责，市民政局指导', [R('各县市区人民政府'), R('市民政局')]],
  ['牵头单位：市教育局；参与单位：市财政局', [L('市教育局'), C('市财政局')]],
  ['牵头单位：市教育局；协助单位：市财政局', [L('市教育局'), C('市财政局')]],
  ['责任单位：各县市区人民政府；指导单位：市民政局', [R('各县市区人民政府'), R('市民政局')]],
  ['这是一段说明', null],
  ['含施工审批', null],
  ['0.5分', null],
];

describe('parseResponsibility', () => {
  it.each(PHRASES)('%s', (inner, expected) => {
    expect(parseResponsibility(inner)).toEqual(expected);
  });

  it('applies a convention stated earlier in the document ("下同")', () => {
    expect(parseResponsibility('海关总署、财政部、税务总局负责', { firstLeads: true })).toEqual([L('海关总署'), R('财政部'), R('税务总局')]);
    expect(parseResponsibility('海关总署负责', { firstLeads: true })).toEqual([L('海关总署')]);
    expect(parseResponsibility('海关总署负责')).toEqual([R('海关总署')]);
    // an explicit lead wins over the convention
    expect(parseResponsibility('县法院牵头，县财政局负责', { firstLeads: true })).toEqual([L('县法院'), R('县财政局')]);
  });

  it('detects the convention', () => {
    expect(statesFirstUnitLeads('（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）')).toBe(true);
    expect(statesFirstUnitLeads('（县法院牵头，各镇、各部门按职责分工负责）')).toBe(false);
  });
});

describe('roleOfLabel', () => {
  it.each([
    ['牵头单位', 'lead'], ['牵头部门', 'lead'], ['牵头考核单位', 'lead'], ['主办单位', 'lead'],
    ['配合单位', 'cooperate'], ['协办单位', 'cooperate'], ['配合部门', 'cooperate'],
    ['责任单位', 'responsible'], ['责任部门', 'responsible'], ['指导部门', 'responsible'],
  ] as [string, UnitRole][])('%s → %s', (label, role) => {
    expect(roleOfLabel(label)).toBe(role);
  });
});

describe('normalizeUnitName and findPrintedUnit', () => {
  it.each([
    ['各县(区)人民政府', '各县（区）人民政府'],
    ['１２３４５市政务服务热线中心', '12345市政务服务热线中心'],
    [' 县 发改局 ', '县发改局'],
    ['人行ＸＸ中心支行', '人行XX中心支行'],
    ['各乡镇〔街道〕', '各乡镇（街道）'],
  ])('%s → %s', (printed, name) => {
    expect(normalizeUnitName(printed)).toBe(name);
  });

  it('maps a normalized name back to its printed span', () => {
    const text = '责任单位：市发展改革委，各县(区)人民政府。';
    expect(findPrintedUnit(text, '各县（区）人民政府')).toEqual({ start: 12, end: 21, printed: '各县(区)人民政府' });
    expect(findPrintedUnit('（１２３４５市政务服务 热线中心）', '12345市政务服务热线中心')?.printed).toBe('１２３４５市政务服务 热线中心');
    expect(findPrintedUnit(text, '县财政局')).toBeNull();
  });
});

describe('canonicalUnit (aliases)', () => {
  it.each([
    ['县发改委', '县发展改革委'],
    ['县发展和改革委员会', '县发展改革委'],
    ['县发改局', '县发展改革委'],
    ['县发展改革委', '县发展改革委'],
    ['市市场监督管理局', '市市场监管局'],
    ['县人力资源和社会保障局', canonicalUnit('县人社局')],
    ['县政府办', '县政府办公室'],
    ['县纪委监委机关', '县纪委监委'],
  ])('%s groups with %s', (spelling, canonical) => {
    expect(canonicalUnit(spelling)).toBe(canonical);
  });

  it('keeps different bodies and different levels apart', () => {
    expect(canonicalUnit('县财政局')).not.toBe(canonicalUnit('县税务局'));
    expect(canonicalUnit('市发展改革委')).not.toBe(canonicalUnit('县发展改革委'));
    expect(canonicalUnit('县住建局')).not.toBe(canonicalUnit('县住房城乡建委')); // a 局 and a 委 are different bodies
  });

  it('does not rewrite a canonical stem that contains a variant', () => {
    expect(applyStemRules('市行政审批服务局')).toBe('市行政审批服务局');
    expect(applyStemRules('市审批服务局')).toBe('市行政审批服务局');
    expect(applyStemRules('县政府办公室')).toBe('县政府办公室');
  });

  it('lets a user table add and override spellings', () => {
    const extra = parseAliasTable('{"县营商办": ["县职转和营商办"], "$comment": "ours"}', 'mine.json');
    expect(canonicalUnit('县职转和营商办', extra)).toBe('县营商办');
    expect(canonicalUnit('县职转和营商办')).toBe('县职转和营商办');
    expect(() => parseAliasTable('{"x": 1}', 'bad.json')).toThrow(/bad\.json/);
    expect(() => parseAliasTable('{', 'broken.json')).toThrow(/broken\.json: not valid JSON/);
  });
});

/** A minimal Result with tasks holding the given units. */
function resultWith(tasks: Unit[][]): Result {
  return {
    schemaVersion: '1.0',
    source: { path: null, format: 'txt', sha256: '0'.repeat(64), encoding: 'utf-8' },
    document: { title: null, docNumber: null, issuer: null, issuedDate: null, recipients: [], year: 2022 },
    sections: [],
    tasks: tasks.map((units, i) => ({
      id: `t${i + 1}`, number: String(i + 1), sectionId: null, title: null, text: '…', units, deadline: null, targets: [],
      origin: { kind: 'measure', line: i + 1 },
    })),
    warnings: [],
  };
}

describe('tallyUnits (the units command)', () => {
  const canon = new UnitCanon([parseAliasTable('{"县发展改革委": ["县发改局"]}', 'test')]);
  const results = [
    resultWith([
      [L('县发改局'), R('县财政局'), R('各镇')],
      [L('县财政局'), C('县发改局')],
      [R('县发展和改革委员会'), R('县发改局')], // two spellings of one body in one task: counted once
    ]),
    resultWith([
      [L('县发展改革委'), C('县财政局')],
    ]),
  ];
  const groups = tallyUnits(results, canon);

  it('groups spellings under the canonical name and counts tasks per role', () => {
    const dev = groups.find((g) => g.canonical === '县发展改革委')!;
    expect(dev).toMatchObject({ lead: 2, cooperate: 1, responsible: 1, tasks: 4 });
    expect(new Set(dev.spellings.map((s) => s.name))).toEqual(new Set(['县发展改革委', '县发展和改革委员会', '县发改局']));
    expect(dev.spellings.find((s) => s.name === '县发改局')).toMatchObject({ lead: 1, cooperate: 1, responsible: 1, tasks: 3 });
    expect(groups.find((g) => g.canonical === '县财政局')).toMatchObject({ lead: 1, cooperate: 1, responsible: 1, tasks: 3 });
    expect(groups.find((g) => g.canonical === '各镇')).toMatchObject({ lead: 0, cooperate: 0, responsible: 1, tasks: 1 });
  });

  it('orders by task count and renders a table', () => {
    expect(groups.map((g) => g.canonical)).toEqual(['县发展改革委', '县财政局', '各镇']);
    const text = renderUnitsText(groups);
    expect(text.split('\n')[0]).toMatch(/^UNIT\s+LEAD\s+COOPERATE\s+RESPONSIBLE\s+TASKS$/);
    expect(text).toMatch(/县发展改革委\s+2\s+1\s+1\s+4/);
    expect(text).toMatch(/ {2}= 县发改局\s+1\s+1\s+1\s+3/);
  });
});
