import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/read/index.js';
import { expectInputError, expectLinesMatchRendering, formats, paragraphs, readFixture, rowTexts, tables } from './helpers.js';

// .doc saved by LibreOffice from the seed .docx: word-extractor for the text, the
// paragraph properties for table rows, merged cells and list numbers.

describe('.doc from the seeds', () => {
  for (const seed of ['000', '001']) {
    it(`seed ${seed}: the same blocks as the .docx (list markers, full grid with spans)`, async () => {
      const doc = await readFixture(`seed${seed}.doc`);
      const docx = await readFixture(`seed${seed}.docx`);
      expect(doc.format).toBe('doc');
      expect(doc.encoding).toBeNull();
      expect(doc.blocks).toEqual(docx.blocks);
      expect(doc.notes.map((n) => n.code)).toContain('numbering-restored');
      expectLinesMatchRendering(doc);
    });
  }

  it('restores automatic numbering that word-extractor\'s getBody() loses', async () => {
    const p = paragraphs(await readFixture('seed000.doc'));
    expect(p).toContain('一、总体要求');
    expect(p).toContain('四、工作要求');
    expect(p).toContain('（三）评估总结阶段（2025年12月1日—12月31日）');
    expect(p.find((t) => t.startsWith('24. 畅通政策落地'))).toBeDefined();
  });

  it('keeps curly quotes (getBody without filterUnicode would flatten them)', async () => {
    const p = paragraphs(await readFixture('seed000.doc'));
    expect(p.join('')).toContain('“五提升 两完善”');
    expect(p.join('')).not.toContain('"五提升');
  });

  it('vertical merges repeat the cell above; the header cell spans two columns', async () => {
    const [t] = tables(await readFixture('seed000.doc'));
    expect(rowTexts(t)[0]).toEqual(['序号', '重点任务', '重点任务', '责任单位', '完成时限']);
    expect(t.rows[3].map((c) => !!c.merged)).toEqual([true, true, false, false, false]);
  });
});

describe('.doc saved by LibreOffice from an HTML notice (notice-table.doc)', () => {
  // Its table rows' properties do not fit their page and are in the Data stream (sprmPHugePapx).
  // Without them no row end was found and the whole table was silently left out.
  it('reads the same table as the page it was made from', async () => {
    const doc = await readFixture('notice-table.doc');
    const html = await readFixture('notice-table.html');
    expect(tables(doc)).toHaveLength(1);
    expect(rowTexts(tables(doc)[0])).toEqual(rowTexts(tables(html)[0]));
    expect(rowTexts(tables(doc)[0])[1]).toEqual(['序号', '重点任务', '工作措施', '牵头单位', '配合单位', '完成时限', '备注']);
  });

  it('gives the same tasks as the page', async () => {
    const { parse } = await import('../../src/index.js');
    const pick = (r: Awaited<ReturnType<typeof parse>>) => r.tasks.map((t) => [t.number, t.title, t.text, t.units, t.deadline, t.targets]);
    const doc = await parse(readFileSync(formats('notice-table.doc')), { path: 'notice-table.doc' });
    const html = await parse(readFileSync(formats('notice-table.html')), { path: 'notice-table.html' });
    expect(doc.tasks).toHaveLength(4);
    expect(pick(doc)).toEqual(pick(html));
  });
});

describe('bad .doc input', () => {
  it('a truncated .doc', async () => {
    const bytes = readFileSync(formats('seed000.doc')).subarray(0, 4096);
    await expectInputError(readDocument(bytes, { path: 'cut.doc' }), 'cut.doc', /^not a valid \.doc \(/);
  });
});
