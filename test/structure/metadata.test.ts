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
