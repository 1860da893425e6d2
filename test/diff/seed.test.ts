import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, type Result } from '../../src/index.js';
import { diffExitCode, diffResults, mirrorDiff } from '../../src/diff/diff.js';
import { renderDiff } from '../../src/diff/render.js';
import { DiffSchema, type Diff, type TaskRef } from '../../src/diff/schema.js';
import { blockAt, editSeed003, type EditedSeed } from './seedEdits.js';

// Real behaviour: the original seed and a changed version of it are parsed by the parser, and
// the diff of the two results must find exactly the edits made. Tasks are identified by the
// measure (block) their source line falls in, so the tests hold whether the parser reads a
// measure with its 牵头单位/责任单位/完成时限 lines as one task or as several.

const parseText = (text: string, path: string) => parse(Buffer.from(text, 'utf8'), { path });

describe('diff of seed 003 and an edited version (issue 7 scenario)', () => {
  let e: EditedSeed;
  let A: Result, B: Result, d: Diff;
  // Block of a task: original number, "new" for the added one, else the task's own number ("(三)").
  let keyA: (r: TaskRef) => string;
  let keyB: (r: TaskRef) => string;
  const keysOf = (changes: Diff['tasks']['changed'], pick: (c: Diff['tasks']['changed'][number]) => unknown) =>
    [...new Set(changes.filter(pick).map((c) => keyA(c.old)))].sort();

  beforeAll(async () => {
    e = editSeed003();
    A = await parseText(e.oldText, 'old/003.txt');
    B = await parseText(e.newText, 'new/003.txt');
    keyA = (r) => blockAt(e.oldLines, r.line) ?? `${r.number}`;
    keyB = (r) => blockAt(e.newLines, r.line) ?? `${r.number}`;
    d = diffResults(A, B, { old: { path: 'old/003.txt' }, new: { path: 'new/003.txt' } });
  });

  it('parses both versions into tasks (sanity check of the fixture)', () => {
    expect(A.tasks.length).toBeGreaterThanOrEqual(20);
    const blocksA = new Set(A.tasks.map((t) => blockAt(e.oldLines, t.origin.line)).filter(Boolean));
    expect(blocksA.size).toBe(20);
  });

  it('finds the deleted measure, and only it, as removed', () => {
    expect(d.tasks.removed.length).toBeGreaterThan(0);
    expect(new Set(d.tasks.removed.map(keyA))).toEqual(new Set(['5']));
    expect(d.tasks.removed.length).toBe(A.tasks.filter((t) => blockAt(e.oldLines, t.origin.line) === '5').length);
    expect(d.tasks.removed.map((t) => t.text).join('')).toContain('切实做好政策的立改废');
  });

  it('finds the added measure, and only it, as added', () => {
    expect(d.tasks.added.length).toBeGreaterThan(0);
    expect(new Set(d.tasks.added.map(keyB))).toEqual(new Set(['new']));
    expect(d.tasks.added.length).toBe(B.tasks.filter((t) => blockAt(e.newLines, t.origin.line) === 'new').length);
    expect(d.tasks.added.map((t) => t.text).join('')).toContain('建立营商环境问题整改销号机制');
  });

  it('aligns every other task with its own measure', () => {
    expect(d.summary.unchanged + d.tasks.changed.length).toBe(A.tasks.length - d.tasks.removed.length);
    for (const c of d.tasks.changed) expect(keyB(c.new)).toBe(keyA(c.old));
  });

  it('finds the deadline moved later, the unit swapped, the target raised, the text reworded — and nothing else', () => {
    const c = d.tasks.changed;
    expect(keysOf(c, (x) => x.deadline)).toEqual(['4']);
    expect(keysOf(c, (x) => x.units)).toEqual(['12']);
    expect(keysOf(c, (x) => x.targets)).toEqual(['(三)']);
    // The target is printed in the text, so (三)'s text changed too.
    expect(keysOf(c, (x) => x.text)).toEqual(['(三)', '13']);
    expect(keysOf(c, (x) => x.title)).toEqual([]);

    const deadline = c.find((x) => x.deadline)!.deadline!;
    expect(deadline).toMatchObject({ change: 'later', days: 92, from: { raw: '2022年6月底', due: '2022-06-30' }, to: { raw: '2022年9月底', due: '2022-09-30' } });

    const units = c.filter((x) => x.units).map((x) => x.units!);
    expect(units.flatMap((u) => u.removed)).toEqual([{ name: '市市场监管局', role: 'responsible' }]);
    expect(units.flatMap((u) => u.added)).toEqual([{ name: '市商务局', role: 'responsible' }]);
    expect(units.flatMap((u) => u.roleChanged)).toEqual([]);

    const targets = c.find((x) => x.targets)!.targets!;
    expect(targets).toHaveLength(1);
    expect(targets[0]).toMatchObject({ change: 'raised', from: { value: 1, unit: '次' }, to: { value: 2, unit: '次' } });

    const text13 = c.find((x) => x.text && keyA(x.old) === '13')!.text!;
    expect(text13.filter((o) => o.op === 'insert').map((o) => o.text)).toEqual(['精干']);
    expect(text13.filter((o) => o.op === 'delete')).toEqual([]);
    const text3 = c.find((x) => x.text && keyA(x.old) === '(三)')!.text!;
    expect(text3.filter((o) => o.op !== 'equal')).toEqual([{ op: 'delete', text: '1' }, { op: 'insert', text: '2' }]);
  });

  it('reports the moved measure as moved and every renumbered task with its new number', () => {
    const c = d.tasks.changed;
    expect(keysOf(c, (x) => x.moved?.order)).toEqual(['7']);
    expect(keysOf(c, (x) => x.moved?.section)).toEqual([]);
    let renumbered = 0;
    for (const x of c) {
      const block = keyA(x.old);
      const expected = e.renumber.get(block);
      if (!expected || x.old.number !== block) continue; // not a numbered measure's task
      if (expected === block) expect(x.moved?.number ?? null).toBeNull();
      else { renumbered++; expect(x.moved?.number).toEqual({ from: block, to: expected }); }
    }
    const expectedRenumbered = A.tasks.filter((t) => {
      const block = blockAt(e.oldLines, t.origin.line);
      return block && t.number === block && e.renumber.has(block) && e.renumber.get(block) !== block;
    }).length;
    expect(renumbered).toBe(expectedRenumbered);
    expect(renumbered).toBeGreaterThanOrEqual(15);
    // Nothing moved or renumbered that should not have.
    for (const x of c.filter((y) => y.moved)) {
      const block = keyA(x.old);
      expect(block === '7' || e.renumber.get(block) !== block).toBe(true);
    }
  });

  it('finds no metadata change, and no section change other than a renumbered measure heading', () => {
    expect(d.document).toEqual([]);
    expect(d.sections.added).toEqual([]);
    expect(d.sections.removed).toEqual([]);
    for (const s of d.sections.changed) {
      // Only if the parser lists a measure (16. with sub-measures) as a section.
      expect(s.changes).toEqual(['marker']);
      expect(s.new.marker.replace('.', '')).toBe(e.renumber.get(s.old.marker.replace('.', '')));
    }
  });

  it('counts the kinds in the summary and sets the exit code', () => {
    expect(d.equal).toBe(false);
    expect(d.summary).toMatchObject({ deadline: 1, units: 1, targets: 1, text: 2, metadata: 0 });
    expect(d.summary.added).toBe(d.tasks.added.length);
    expect(d.summary.removed).toBe(d.tasks.removed.length);
    expect(diffExitCode(d)).toBe(1);
    expect(diffExitCode(d, ['metadata'])).toBe(0);
    expect(diffExitCode(d, ['metadata', 'deadline'])).toBe(1);
  });

  it('diff(B, A) mirrors diff(A, B)', () => {
    const back = diffResults(B, A, { old: { path: 'new/003.txt' }, new: { path: 'old/003.txt' } });
    expect(back).toEqual(mirrorDiff(d));
    expect(back.tasks.added.map((t) => t.text)).toEqual(d.tasks.removed.map((t) => t.text));
    expect(back.tasks.changed.find((x) => x.deadline)!.deadline).toMatchObject({ change: 'earlier', days: -92 });
    expect(back.tasks.changed.find((x) => x.targets)!.targets![0].change).toBe('lowered');
  });

  it('a document diffed with itself (or with a second parse of it) is empty', async () => {
    for (const r of [A, B]) {
      const same = diffResults(r, r);
      expect(same.equal).toBe(true);
      expect(same.tasks).toEqual({ added: [], removed: [], changed: [] });
      expect(same.summary.unchanged).toBe(r.tasks.length);
      expect(diffExitCode(same)).toBe(0);
    }
    const again = await parseText(e.oldText, 'copy.txt');
    expect(diffResults(A, again).equal).toBe(true);
  });

  it('JSON output follows the schema and round-trips', () => {
    expect(DiffSchema.parse(d)).toEqual(d);
    const json = renderDiff(d, 'json');
    expect(JSON.parse(json)).toEqual(d);
    expect(JSON.parse(renderDiff(d, 'json', { compact: true }))).toEqual(d);
    expect(renderDiff(d, 'json', { compact: true }).trim().split('\n')).toHaveLength(1);
  });

  it('text output is a word diff, coloured only when asked', () => {
    const plain = renderDiff(d, 'text');
    expect(plain).not.toMatch(/\x1b\[/);
    expect(plain).toContain('--- old/003.txt');
    expect(plain).toContain('+++ new/003.txt');
    expect(plain).toContain('抽调{+精干+}力量');
    expect(plain).toContain('[-2022年6月底-] → {+2022年9月底+} (later by 92 days)');
    expect(plain).toContain('[-市市场监管局 (responsible)-], {+市商务局 (responsible)+}');
    expect(plain).toContain('每月至少[-1-]{+2+}次');
    expect(plain).toMatch(/renumbered \(\d+\): /);
    expect(plain).toContain('4 changed (text 2, units 1, deadline 1, targets 1)');
    const colored = renderDiff(d, 'text', { color: 1 });
    expect(colored).toMatch(/\x1b\[31m\[-2022年6月底-\]/);
    expect(colored).toMatch(/\x1b\[32m\{\+精干\+\}/);
    // The whole text with --context -1.
    expect(renderDiff(d, 'text', { context: -1 })).toContain(B.tasks.find((t) => t.text.includes('精干'))!.text.slice(0, 40));
  });

  it('markdown output is a report', () => {
    const md = renderDiff(d, 'markdown');
    expect(md).toMatch(/^## policy-parse diff: `old\/003.txt` → `new\/003.txt`/);
    expect(md).toContain('### Added tasks');
    expect(md).toContain('### Removed tasks');
    expect(md).toContain('抽调**精干**力量');
    expect(md).toContain('每月至少~~1~~**2**次');
    expect(md).toContain('- Deadline: ~~2022年6月底~~ → **2022年9月底** (later by 92 days)');
    expect(md).not.toMatch(/\x1b\[/);
  });
});

describe('diff of seed 000 (task table) and an edited version', () => {
  const SEED_000 = fileURLToPath(new URL('../../fixtures/seeds/000_3c8f4dc52bde6ae2.txt', import.meta.url));

  it('finds a raised target, a moved deadline and changed metadata in a table-based plan', async () => {
    const oldText = readFileSync(SEED_000, 'utf8');
    const lines = oldText.split('\n');
    // Row 4's first deadline cell (line 144) and the document number / date.
    expect(lines[143]).toBe('\t2025年7月31日前');
    lines[143] = '\t2025年9月30日前';
    const newText = lines.join('\n')
      .replace('石柱府办发〔2025〕32号', '石柱府办发〔2025〕35号')
      .replaceAll('就业创业达2600人', '就业创业达3000人');
    const A = await parseText(oldText, 'a.txt');
    const B = await parseText(newText, 'b.txt');
    expect(diffResults(A, A).equal).toBe(true);

    const d = diffResults(A, B);
    expect(d.tasks.added).toEqual([]);
    expect(d.tasks.removed).toEqual([]);
    expect(d.summary.moved).toBe(0);
    expect(d.document).toEqual([{ field: 'docNumber', from: '石柱府办发〔2025〕32号', to: '石柱府办发〔2025〕35号' }]);
    const deadline = d.tasks.changed.filter((c) => c.deadline);
    expect(deadline).toHaveLength(1);
    expect(deadline[0].old.line).toBeLessThanOrEqual(144);
    expect(deadline[0].deadline).toMatchObject({ change: 'later', from: { due: '2025-07-31' }, to: { due: '2025-09-30' } });
    const targets = d.tasks.changed.filter((c) => c.targets);
    expect(targets.length).toBeLessThanOrEqual(1);
    if (A.tasks.some((t) => t.targets.some((x) => x.value === 2600))) {
      expect(targets).toHaveLength(1);
      expect(targets[0].targets).toMatchObject([{ change: 'raised', from: { value: 2600 }, to: { value: 3000 } }]);
    }
    const text = d.tasks.changed.filter((c) => c.text);
    expect(text).toHaveLength(1);
    expect(text[0].text!.filter((o) => o.op !== 'equal')).toEqual([{ op: 'delete', text: '2600' }, { op: 'insert', text: '3000' }]);
    expect(d.summary).toMatchObject({ deadline: 1, text: 1, units: 0, metadata: 1, sections: 0, added: 0, removed: 0 });
    expect(diffResults(B, A)).toEqual(mirrorDiff(d));
  });
});

describe('every seed and every pair of seeds', () => {
  const dir = fileURLToPath(new URL('../../fixtures/seeds/', import.meta.url));
  let results: [string, Result][] = [];
  beforeAll(async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    results = await Promise.all(files.map(async (f) => [f, await parse(`${dir}${f}`)] as [string, Result]));
  });

  it('a seed diffed with itself is empty', () => {
    expect(results.length).toBeGreaterThanOrEqual(5);
    for (const [name, r] of results) {
      const d = diffResults(r, r);
      expect(d.equal, name).toBe(true);
      expect(d.summary.unchanged, name).toBe(r.tasks.length);
    }
  });

  it('diff(B, A) mirrors diff(A, B) exactly, even for unrelated documents (ties broken the same way)', () => {
    for (let i = 0; i < results.length; i++) {
      for (let j = i + 1; j < results.length; j++) {
        const [na, a] = results[i], [nb, b] = results[j];
        expect(diffResults(b, a), `${nb} vs ${na}`).toEqual(mirrorDiff(diffResults(a, b)));
      }
    }
  });
});
