import { describe, expect, it } from 'vitest';
import { diffResults, mirrorDiff } from '../../src/diff/diff.js';
import { DiffSchema } from '../../src/diff/schema.js';
import { NUMBER_HINT, SECTION_HINT } from '../../src/diff/align.js';
import { due, lead, makeResult, resp, TEXTS, type TaskSpec } from './make.js';

const SECTIONS: [string, string][] = [['一、', '聚焦促进涉企政策落实'], ['二、', '聚焦提升政务服务效能']];

const spec = (k: number, number: string, section = '一、', extra: Partial<TaskSpec> = {}): TaskSpec =>
  ({ number, section, title: TEXTS[k].split('。')[0], text: TEXTS[k], ...extra });

/** diff(B, A) must be the mirror image of diff(A, B). */
function expectMirror(a: ReturnType<typeof makeResult>, b: ReturnType<typeof makeResult>) {
  expect(diffResults(b, a)).toEqual(mirrorDiff(diffResults(a, b)));
}

describe('task alignment on hand-made results', () => {
  it('a result diffed with itself is empty', () => {
    const a = makeResult(SECTIONS, TEXTS.map((_, k) => spec(k, String(k + 1), k < 4 ? '一、' : '二、')));
    const d = diffResults(a, a);
    expect(d.equal).toBe(true);
    expect(d.summary).toMatchObject({ unchanged: 8, changed: 0, added: 0, removed: 0, moved: 0 });
    expect(d.tasks).toEqual({ added: [], removed: [], changed: [] });
    expect(DiffSchema.parse(d)).toEqual(d);
  });

  it('aligns by content through reordering and renumbering; only the moved task is "moved"', () => {
    const a = makeResult(SECTIONS, [0, 1, 2, 3, 4, 5].map((k) => spec(k, String(k + 1))));
    // Task 3 (TEXTS[2]) moved to the end of the list, everything renumbered.
    const b = makeResult(SECTIONS, [0, 1, 3, 4, 5, 2].map((k, pos) => spec(k, String(pos + 1))));
    const d = diffResults(a, b);
    expect(d.tasks.added).toEqual([]);
    expect(d.tasks.removed).toEqual([]);
    const byOld = new Map(d.tasks.changed.map((c) => [c.old.index, c]));
    expect(byOld.get(2)!.new.index).toBe(5);
    expect(byOld.get(2)!.moved).toEqual({ order: true, section: null, number: { from: '3', to: '6' } });
    for (const k of [3, 4, 5]) expect(byOld.get(k)!.moved).toEqual({ order: false, section: null, number: { from: String(k + 1), to: String(k) } });
    expect(d.summary).toMatchObject({ moved: 4, changed: 0, unchanged: 2 });
    for (const c of d.tasks.changed) expect(c.text).toBeNull();
    expectMirror(a, b);
  });

  it('below the threshold, a rewritten task is removed + added, not changed', () => {
    const a = makeResult(SECTIONS, [spec(0, '1'), spec(1, '2')]);
    const b = makeResult(SECTIONS, [spec(0, '1'), spec(6, '2')]);
    const d = diffResults(a, b);
    expect(d.tasks.removed.map((t) => t.text)).toEqual([TEXTS[1]]);
    expect(d.tasks.added.map((t) => t.text)).toEqual([TEXTS[6]]);
    expect(d.tasks.changed).toEqual([]);
  });

  it('a light rewording is a text change; a threshold above its score makes it removed + added', () => {
    const reworded = TEXTS[2].replace('限时足额拨付企业', '按时足额拨付到位').replace('全面清理', '认真梳理');
    const a = makeResult(SECTIONS, [spec(0, '1'), spec(2, '2')]);
    const b = makeResult(SECTIONS, [spec(0, '1'), spec(2, '2', '一、', { text: reworded })]);
    const d = diffResults(a, b);
    expect(d.tasks.changed).toHaveLength(1);
    const ops = d.tasks.changed[0].text!;
    expect(ops.filter((o) => o.op === 'delete').map((o) => o.text).join('')).toContain('限时');
    expect(ops.filter((o) => o.op === 'insert').map((o) => o.text).join('')).toContain('按时');
    expect(d.summary).toMatchObject({ text: 1, changed: 1 });
    // Same number and same section add NUMBER_HINT + SECTION_HINT to the cosine.
    const score = d.tasks.changed[0].similarity + NUMBER_HINT + SECTION_HINT;
    expect(score).toBeLessThan(0.99);
    const strict = diffResults(a, b, { threshold: 0.99 });
    expect(strict.summary).toMatchObject({ added: 1, removed: 1, changed: 0 });
    expect(strict.threshold).toBe(0.99);
  });

  it('tells duplicated texts apart by number and section (e.g. table rows repeated under two tasks)', () => {
    const same = '征集招标投标领域市场壁垒线索，及时转交转办。';
    const a = makeResult(SECTIONS, [
      spec(0, '1'), { number: '1', section: '一、', text: same, units: [resp('县发展改革委')] },
      spec(6, '2', '二、'), { number: '2', section: '二、', text: same, units: [resp('县司法局')] },
    ]);
    // Swap the units of the duplicated rows' owners: each row keeps its number and section.
    const b = makeResult(SECTIONS, [
      spec(0, '1'), { number: '1', section: '一、', text: same, units: [resp('县市场监管局')] },
      spec(6, '2', '二、'), { number: '2', section: '二、', text: same, units: [resp('县司法局')] },
    ]);
    const d = diffResults(a, b);
    expect(d.tasks.changed).toHaveLength(1);
    expect(d.tasks.changed[0].old.index).toBe(1);
    expect(d.tasks.changed[0].new.index).toBe(1);
    expect(d.tasks.changed[0].units).toEqual({ added: [resp('县市场监管局')], removed: [resp('县发展改革委')], roleChanged: [] });
    expectMirror(a, b);
  });

  it('reports a task moved to another section', () => {
    const a = makeResult(SECTIONS, [spec(0, '1'), spec(1, '2'), spec(6, '3', '二、')]);
    const b = makeResult(SECTIONS, [spec(0, '1'), spec(1, '2', '二、'), spec(6, '3', '二、')]);
    const d = diffResults(a, b);
    expect(d.tasks.changed).toHaveLength(1);
    expect(d.tasks.changed[0].moved).toEqual({ order: false, section: { from: '一、聚焦促进涉企政策落实', to: '二、聚焦提升政务服务效能' }, number: null });
    expectMirror(a, b);
  });

  it('aligns tasks that have no text (label lines read as tasks) through their neighbours', () => {
    // The form an over-splitting parser gives: measure text, then a units-only and a
    // deadline-only task with the same number. All "2022年6月底" deadline tasks look alike.
    const block = (k: number, n: string, deadline: string, date: string) => [
      spec(k, n, '一、', { units: [lead('市财政局')] }),
      { number: n, section: '一、', text: '', units: [resp('市工信局'), resp('市商务局')] },
      { number: n, section: '一、', text: '', deadline: due(deadline, date) },
    ];
    const a = makeResult(SECTIONS, [...block(0, '1', '2022年6月底', '2022-06-30'), ...block(1, '2', '2022年6月底', '2022-06-30'), ...block(2, '3', '2022年6月底', '2022-06-30')]);
    // Blocks 1 and 2 swapped (and renumbered); block 3's deadline moved to September.
    const b = makeResult(SECTIONS, [...block(1, '1', '2022年6月底', '2022-06-30'), ...block(0, '2', '2022年6月底', '2022-06-30'), ...block(2, '3', '2022年9月底', '2022-09-30')]);
    const d = diffResults(a, b);
    expect(d.tasks.added).toEqual([]);
    expect(d.tasks.removed).toEqual([]);
    const deadline = d.tasks.changed.filter((c) => c.deadline);
    expect(deadline).toHaveLength(1);
    expect(deadline[0].old.index).toBe(8);
    expect(deadline[0].new.index).toBe(8);
    expect(deadline[0].deadline).toMatchObject({ change: 'later', days: 92 });
    // Every task of blocks 1 and 2 went with its block.
    for (const c of d.tasks.changed.filter((x) => x.old.index < 6)) expect(c.new.index).toBe((c.old.index + 3) % 6);
    expect(d.summary).toMatchObject({ units: 0, text: 0, targets: 0, deadline: 1 });
    expectMirror(a, b);
  });

  it('diffs the section outline and the document metadata', () => {
    const a = makeResult([['一、', '总体要求'], ['二、', '重点任务'], ['三、', '保障措施']], [spec(0, '1', '二、')],
      { title: '关于优化营商环境的实施意见', docNumber: 'X府发〔2022〕1号', year: 2022 });
    const b = makeResult([['一、', '总体要求'], ['二、', '主要任务和重点工作'], ['三、', '重点任务'], ['四、', '保障措施']], [spec(0, '1', '三、')],
      { title: '关于优化营商环境的实施意见', docNumber: 'X府发〔2023〕2号', year: 2023 });
    const d = diffResults(a, b);
    expect(d.document).toEqual([
      { field: 'docNumber', from: 'X府发〔2022〕1号', to: 'X府发〔2023〕2号' },
      { field: 'year', from: 2022, to: 2023 },
    ]);
    expect(d.sections.added.map((s) => s.heading)).toEqual(['主要任务和重点工作']);
    expect(d.sections.removed).toEqual([]);
    expect(d.sections.changed.map((c) => [c.old.heading, c.new.marker, c.changes])).toEqual([
      ['重点任务', '三、', ['marker']],
      ['保障措施', '四、', ['marker']],
    ]);
    // The task stayed in 重点任务 although that section is now 三、.
    expect(d.tasks.changed).toEqual([]);
    expect(d.summary).toMatchObject({ metadata: 2, sections: 3, unchanged: 1 });
    expectMirror(a, b);
  });
});
