import { describe, expect, it } from 'vitest';
import { diffResults } from '../../src/diff/diff.js';
import { md, renderDiff, trimOps } from '../../src/diff/render.js';
import { diffJsonSchema } from '../../src/diff/schema.js';
import { due, lead, makeResult, resp, target, TEXTS } from './make.js';

const a = makeResult([['一、', '总体要求'], ['二、', '重点任务'], ['三、', '保障措施']], [
  { number: '1', section: '二、', title: '加大惠企政策落实力度', text: TEXTS[0], units: [lead('市发展改革委'), resp('市财政局')], deadline: due('长期坚持', null, true) },
  { number: '2', section: '二、', text: TEXTS[1], targets: [target('3次以上', '能力提升培训', 3, '次')] },
  { number: '3', section: '三、', text: TEXTS[6] },
], { docNumber: 'X府发〔2022〕1号', recipients: ['各县（区）人民政府', '市级各部门'] });
const b = makeResult([['一、', '总体要求'], ['二、', '保障措施'], ['三、', '重点任务和工作安排']], [
  { number: '1', section: '三、', title: '加大惠企政策落实力度', text: TEXTS[0], units: [resp('市发展改革委'), resp('市财政局')], deadline: due('2022年底前', '2022-12-31') },
  { number: '2', section: '三、', text: TEXTS[1], targets: [target('5次以上', '能力提升培训', 5, '次')] },
  { number: '3', section: '二、', text: TEXTS[6] },
], { docNumber: 'X府发〔2023〕2号', recipients: ['各县（区）人民政府'] });

describe('renderers', () => {
  const d = diffResults(a, b);

  it('the fixture diff has metadata, outline and field changes', () => {
    expect(d.document.map((c) => c.field)).toEqual(['docNumber', 'recipients']);
    // 保障措施 moved before 重点任务 (renamed to 重点任务和工作安排).
    expect(d.sections.changed.map((c) => [c.new.heading, c.changes])).toEqual([
      ['保障措施', ['marker', 'order']],
      ['重点任务和工作安排', ['marker', 'heading', 'order']],
    ]);
    expect(d.tasks.changed.map((c) => [c.units !== null, c.deadline?.change ?? null, c.targets?.[0].change ?? null])).toEqual([
      [true, 'changed', null],
      [false, null, 'raised'],
    ]);
  });

  it('text: document fields, sections, units, deadline, target', () => {
    const out = renderDiff(d, 'text');
    expect(out).toContain('  docNumber: [-X府发〔2022〕1号-] {+X府发〔2023〕2号+}');
    expect(out).toContain('  recipients: [-各县（区）人民政府、市级各部门-] {+各县（区）人民政府+}');
    expect(out).toContain('~ [-二、重点任务-] {+三、重点任务和工作安排+}  (renumbered, renamed, moved)');
    expect(out).toContain('    units: 市发展改革委: [-lead-] → {+responsible+}');
    expect(out).toContain('    deadline: [-长期坚持-] → {+2022年底前+} (changed)');
    expect(out).toContain('    target: 能力提升培训: [-3次以上-] → {+5次以上+} (raised: >= 3次 → >= 5次)');
    expect(out.trimEnd().split('\n').at(-1)).toBe('0 added, 0 removed, 0 moved/renumbered, 2 changed (units 1, deadline 1, targets 1), 1 unchanged, 2 document fields, 2 section changes');
  });

  it('markdown: tables and lists, special characters escaped', () => {
    const out = renderDiff(d, 'markdown');
    expect(out).toContain('| docNumber | X府发〔2022〕1号 | X府发〔2023〕2号 |');
    expect(out).toContain('- Changed: 二、重点任务 → 三、重点任务和工作安排 (marker, heading, order)');
    expect(out).toContain('- Units: 市发展改革委: ~~lead~~ → **responsible**');
    expect(out).toContain('- Target: 能力提升培训: ~~3次以上~~ → **5次以上** (raised: >= 3次 → >= 5次)');
    expect(md('a|b *c* [d] `e` <f> #g_h~')).toBe('a\\|b \\*c\\* \\[d\\] \\`e\\` \\<f\\> \\#g\\_h\\~');
  });

  it('an equal diff renders as "no differences"', () => {
    const same = diffResults(a, a);
    expect(renderDiff(same, 'text')).toContain('no differences (3 tasks aligned)');
    expect(renderDiff(same, 'markdown')).toContain('**no differences (3 tasks aligned)**');
  });

  it('trims long unchanged runs to the context', () => {
    const ops = [
      { op: 'equal' as const, text: '一二三四五六七八九十' },
      { op: 'insert' as const, text: '新' },
      { op: 'equal' as const, text: '甲乙丙丁戊己庚辛壬癸子丑寅卯' },
      { op: 'delete' as const, text: '旧' },
      { op: 'equal' as const, text: 'ABCDEFGHIJ' },
    ];
    expect(trimOps(ops, 3).map((o) => o.text)).toEqual(['…八九十', '新', '甲乙丙 … 丑寅卯', '旧', 'ABC…']);
    expect(trimOps(ops, -1)).toEqual(ops);
    expect(trimOps([{ op: 'equal', text: '很长的文本很长的文本' }], 2)).toEqual([{ op: 'equal', text: '很长的文本很长的文本' }]);
  });

  it('the JSON Schema of the output can be generated', () => {
    const schema = diffJsonSchema();
    expect(schema.$id).toBe('https://policy-parse.dev/schemas/policy-diff.schema.json');
    expect(JSON.stringify(schema)).toContain('"diffVersion"');
  });
});
