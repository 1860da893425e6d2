import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, renderCsv } from '../../src/render/csv.js';
import { renderNdjson } from '../../src/render/ndjson.js';
import type { Result } from '../../src/result/schema.js';

/** RFC 4180, as Excel reads it: quoted cells may hold commas, "" and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const result: Result = {
  schemaVersion: '1.0',
  source: { path: 'a,b.txt', format: 'txt', sha256: '0'.repeat(64), encoding: 'utf-8' },
  document: { title: '关于"优化"营商环境的通知', docNumber: null, issuer: null, issuedDate: null, recipients: [], year: null },
  sections: [],
  tasks: [{
    id: 't1', number: '1', sectionId: null, title: '标题，含逗号', text: '第一行\n第二行，"引号"',
    units: [{ name: '甲局', role: 'lead' }, { name: '乙局', role: 'lead' }, { name: '丙局', role: 'cooperate' }],
    deadline: { raw: '年内', due: '2025-12-31', ongoing: false, precision: 'year' }, targets: [],
    origin: { kind: 'measure', line: 3 },
  }],
  warnings: [],
};

describe('CSV export', () => {
  it('starts with a BOM and quotes commas, quotes and line breaks so the cells round-trip', () => {
    const csv = renderCsv(result);
    expect(csv.startsWith('\ufeff')).toBe(true);
    const [header, ...cells] = parseCsv(csv.slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(cells).toHaveLength(1);
    const row = Object.fromEntries(header.map((h, i) => [h, cells[0][i]]));
    expect(row).toMatchObject({ source_path: 'a,b.txt', doc_title: '关于"优化"营商环境的通知', title: '标题，含逗号', text: '第一行\n第二行，"引号"', lead_units: '甲局、乙局', cooperate_units: '丙局', due: '2025-12-31' });
  });
});

describe('NDJSON export', () => {
  it('writes one self-contained line per task', () => {
    const lines = renderNdjson(result).trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toEqual({ source: result.source, document: result.document, task: result.tasks[0] });
  });
});
