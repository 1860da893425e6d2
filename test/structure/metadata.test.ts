import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../src/read/types.js';
import { extractMetadata, parseDateLine } from '../../src/structure/metadata.js';

const paras = (lines: string[]): Paragraph[] => lines.map((text, i) => ({ kind: 'para', text, line: i + 1 }));

describe('extractMetadata', () => {
  it('reads 发文字号, a title broken over lines, 主送机关 and the 落款 of a notice', () => {
    const d = extractMetadata(paras([
      '麟游县人民政府办公室文件', '麟政办发〔2022〕32号', '麟游县人民政府办公室', '关于印发麟游县2022年重点工作方案的通知',
      '各镇人民政府，县政府各工作部门、各直属机构：', '《方案》已经县政府同意，现印发给你们，请认真贯彻执行。',
      '麟游县人民政府办公室', '2022年5月23日', '麟游县2022年重点工作方案',
    ]));
    expect(d).toEqual({
      title: '麟游县人民政府办公室关于印发麟游县2022年重点工作方案的通知', docNumber: '麟政办发〔2022〕32号',
      issuer: '麟游县人民政府办公室', issuedDate: '2022-05-23',
      recipients: ['各镇人民政府', '县政府各工作部门', '各直属机构'], year: 2022,
    });
  });
  it('keeps a title going over its period line: （2023—2025年）的通知, （2023—2025年）》的通知', () => {
    const plain = extractMetadata(paras([
      '南湖市人民政府', '关于印发南湖市数字政府建设三年行动方案', '（2023—2025年）的通知', '南政发〔2023〕5号', '各县（市、区）人民政府：',
    ]));
    expect(plain.title).toBe('南湖市人民政府关于印发南湖市数字政府建设三年行动方案（2023—2025年）的通知');
    const quoted = extractMetadata(paras(['南湖市人民政府关于印发《南湖市数字政府建设三年行动方案', '（2023—2025年）》的通知', '各县（市、区）人民政府：']));
    expect(quoted.title).toBe('南湖市人民政府关于印发《南湖市数字政府建设三年行动方案（2023—2025年）》的通知');
    // A bracketed date under a plan's title is when it was adopted, not part of the title.
    expect(extractMetadata(paras(['某市2024年优化营商环境工作方案', '（2024年3月5日）', '一、总体要求'])).title).toBe('某市2024年优化营商环境工作方案');
  });
  it('has no title, number or date when the document prints none', () => {
    const d = extractMetadata(paras(['为着力优化我市营商环境，制定本意见。', '一、总体要求', '1.加大惠企政策落实力度。']));
    expect(d).toMatchObject({ title: null, docNumber: null, issuer: null, issuedDate: null, recipients: [] });
  });
});

describe('parseDateLine', () => {
  it.each([
    ['2025年8月15日', '2025-08-15'],
    ['2022年4月28日       ', '2022-04-28'],
    ['二○一二年一月九日', '2012-01-09'],
    ['二〇二五年十二月三十一日', '2025-12-31'],
    ['2022年13月1日', null],
    ['2022年5月23日印发', null],
  ])('%s → %s', (s, iso) => expect(parseDateLine(s)).toBe(iso));
});

describe('extractMetadata: other 版头 layouts', () => {
  it('does not start a title at a label line ending with a colon (a gov.cn info box printed to Word)', () => {
    const m = extractMetadata(paras(['主 题 词：', '国务院关于促进综合保税区', '高水平开放高质量发展的若干意见', '国发〔2019〕3号', '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：']));
    expect(m.title).toBe('国务院关于促进综合保税区高水平开放高质量发展的若干意见');
    expect(m.docNumber).toBe('国发〔2019〕3号');
  });

  it('reads a government order number printed over two lines', () => {
    const d = extractMetadata(paras(['中山市政务数据管理办法', '中山市人民政府令', '（第16号）', '《中山市政务数据管理办法》已经市政府常务会议通过，现予公布。', '市长 某某', '2020年5月15日']));
    expect(d).toMatchObject({ docNumber: '中山市人民政府令第16号', issuer: '中山市人民政府', issuedDate: '2020-05-15', year: 2020 });
  });
  it('takes the title after the 发文字号 under a red header, and every issuer of a joint 落款', () => {
    const d = extractMetadata(paras([
      '发展改革委办公厅', '文件', '税 务 总 局 办 公 厅', '发改办财金规〔2019〕860号', '关于加强个人所得税纳税信用建设的通知',
      '各省、自治区、直辖市社会信用体系建设牵头部门，国家税务总局各省、自治区、直辖市和计划单列市税务局：', '为贯彻落实有关要求，现就有关事项通知如下。',
      '国家发展改革委办公厅', '税务总局办公厅', '2019年8月20日',
    ]));
    expect(d.title).toBe('关于加强个人所得税纳税信用建设的通知');
    expect(d.issuer).toBe('国家发展改革委办公厅、税务总局办公厅');
    expect(d.recipients).toEqual(['各省、自治区、直辖市社会信用体系建设牵头部门', '国家税务总局各省、自治区、直辖市和计划单列市税务局']);
  });
  it('prefers the second of a title printed twice by a legal-database export, and takes the year from the 发文字号', () => {
    const d = extractMetadata(paras(['【法宝引证码】 CLI.12.1', '某局关于加强宣传工作的通知(试行)', '某局关于加强宣传工作的通知（试行）', '（新质监办发〔2012〕24号）', '各地、州、市质量技术监督局，区局机关各部、处、室、局，各直属单位：']));
    expect(d).toMatchObject({ title: '某局关于加强宣传工作的通知（试行）', docNumber: '新质监办发〔2012〕24号', year: 2012 });
    expect(d.recipients).toEqual(['各地、州、市质量技术监督局', '区局机关各部、处、室、局', '各直属单位']);
  });
});

describe('the 落款 that closes a document', () => {
  it('gives joint issuers printed side by side on one line, each once', () => {
    const m = extractMetadata(paras([
      '关于做好2024年汛期地质灾害防治工作的通知', '各市州应急管理局：', '一、压紧压实责任',
      '（一）强化部门协同。各级应急管理部门要加强会商研判。',
      '湖南省应急管理厅　　　　　湖南省自然资源厅', '2024年5月28日', '（此件主动公开）',
    ]));
    expect(m.issuer).toBe('湖南省应急管理厅、湖南省自然资源厅');
    expect(m.issuedDate).toBe('2024-05-28');
  });

  it('is placed: read as issuer and date, not warned about and not glued to the last task', async () => {
    const { parse } = await import('../../src/index.js');
    const r = await parse(Buffer.from([
      '宜宾市人民政府关于加快推进职业教育高质量发展的实施意见', '', '一、重点任务',
      '1.调整中职学校布局。市教育局负责制定布局调整方案。', '2.推进高职院校扩容提质。由市发展改革委负责项目储备。',
      '', '宜宾市人民政府', '二〇二二年九月二十八日', '（此件公开发布）',
    ].join('\n')), { path: 'plan.txt' });
    expect(r.document).toMatchObject({ issuer: '宜宾市人民政府', issuedDate: '2022-09-28' });
    expect(r.tasks[1].text).toBe('推进高职院校扩容提质。由市发展改革委负责项目储备。');
    expect(r.warnings.filter((w) => w.code === 'unplaced-text')).toEqual([]);
  });
});

describe('a 主送 wrapped over two lines', () => {
  it('keeps the first line, whether the break falls after a separator or inside a name', () => {
    expect(extractMetadata(paras([
      '湘应急发〔2024〕15号', '关于做好某某工作的通知', '各市州人民政府，省政府各厅委、', '各直属机构：', '一、压紧责任',
    ])).recipients).toEqual(['各市州人民政府', '省政府各厅委', '各直属机构']);
    expect(extractMetadata(paras([
      '关于做好2024年汛期地质灾害防范应对工作的通知', '各市州应急管理局，省防汛抗旱指挥部、省减灾委员会',
      '各成员单位，省直有关单位：', '一、压紧责任',
    ])).recipients).toEqual(['各市州应急管理局', '省防汛抗旱指挥部、省减灾委员会各成员单位', '省直有关单位']);
  });
});

describe('a government order', () => {
  it('takes the date signed under 市长 above the rules, however long the rules go on', () => {
    const rules = Array.from({ length: 60 }, (_, k) => `第${k + 2}条　本市按照规定做好第${k + 2}项管理工作。`);
    const m = extractMetadata(paras([
      '贵阳市人民政府令', '第8号', '《贵阳市城市道路挖掘管理办法》已经市人民政府常务会议通过，现予公布，自2024年3月1日起施行。',
      '市长　王某某', '2024年2月1日', '贵阳市城市道路挖掘管理办法', '第一章　总则', '第一条　为了加强城市道路挖掘管理，制定本办法。', ...rules,
    ]));
    expect(m).toMatchObject({ docNumber: '贵阳市人民政府令第8号', issuer: '贵阳市人民政府', issuedDate: '2024-02-01', year: 2024 });
  });
});
