import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { fixture } from '../helpers.js';
import { formats } from './helpers.js';

// Issue 4's key test: the same plan gives the same tasks whatever format it came in.
// Seeds 000 and 001 (text converted from real .docx) against their renderings as a
// real .docx (built with the docx package), .doc and .pdf (made from it by
// LibreOffice), and web pages (UTF-8, and GBK declared as gb2312), and GBK text.
// Compared exactly: task order, number, title, text, units, deadline, targets; and
// the document's metadata and its sections (level, marker, heading).
// (Whitespace next to Chinese text is dropped by the structure stage for every
// format; a PDF cannot keep it: a space at a line break is not drawn, and the gap
// Writer leaves in "2025 年" looks like the typed space of "E 企办".)

const SEEDS = [
  { id: '000', txt: 'seeds/000_3c8f4dc52bde6ae2.txt', formats: ['docx', 'doc', 'html', 'pdf', 'gbk.txt'] },
  { id: '001', txt: 'seeds/001_84376561f74c53d5.txt', formats: ['docx', 'doc', 'html', 'gbk.html', 'pdf'] },
];

type Result = Awaited<ReturnType<typeof parse>>;
type Task = Result['tasks'][number];

const comparable = (t: Task) => ({ number: t.number, title: t.title, text: t.text, units: t.units, deadline: t.deadline, targets: t.targets });

const outline = (r: Result) => r.sections.map((s) => ({ level: s.level, marker: s.marker, heading: s.heading }));

describe.each(SEEDS)('seed $id: the same tasks from every format', ({ id, txt, formats: exts }) => {
  let reference: Result;
  const parseFile = (path: string) => parse(readFileSync(path), { path });

  it.each(exts)(`.%s gives the .txt's tasks`, async (ext) => {
    reference ??= await parseFile(fixture(txt));
    expect(reference.tasks.length).toBeGreaterThan(80);
    const result = await parseFile(formats(`seed${id}.${ext}`));
    expect(result.tasks.map(comparable)).toEqual(reference.tasks.map(comparable));
    expect(result.document).toEqual(reference.document);
    expect(outline(result)).toEqual(outline(reference));
  });
});

describe('units-per-line: a 责任单位 cell listing one unit per line', () => {
  // Written by hand (fixtures/formats/units-per-line.html: <br> in row 1, <p>s in row 2, a list that
  // wraps in row 3); LibreOffice made the .docx, .doc and .pdf. Each reader keeps a cell's lines apart
  // (Word paragraphs; PDF lines that stop short of the cell's edge), so the names are not run together.
  const responsible = (...names: string[]) => names.map((name) => ({ name, role: 'responsible' }));
  const expected = [
    responsible('市住房城乡建设局', '各区人民政府'),
    responsible('市城管局', '市公安局', '市自然资源和规划局'),
    [{ name: '市发展改革委', role: 'lead' }, ...responsible('市财政局', '市应急管理局')],
    responsible('市园林局'),
  ];

  it.each(['html', 'docx', 'doc', 'pdf'])('.%s', async (ext) => {
    const path = formats(`units-per-line.${ext}`);
    const r = await parse(readFileSync(path), { path });
    expect(r.tasks.map((t) => t.units)).toEqual(expected);
    // A wrapped line in a text cell is still one sentence.
    expect(r.tasks[2].text).toBe('推进地下管网改造，改造燃气管道80公里。');
  });
});
