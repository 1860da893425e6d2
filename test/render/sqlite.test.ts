import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { TaskDatabase } from '../../src/render/sqlite.js';
import type { Result } from '../../src/result/schema.js';
import { cli, ensureBuilt, ROOT, seedFiles, tempDir } from '../batch/helpers.js';

/** A result that exercises every column: nested sections, all unit roles, deadlines, targets, task warnings. */
function sample(path = 'plans/a.txt'): Result {
  return {
    schemaVersion: '1.0',
    source: { path, format: 'txt', sha256: 'f'.repeat(64), encoding: 'utf-8' },
    document: { title: '关于印发某市2025年工作方案的通知', docNumber: '某政办发〔2025〕3号', issuer: '某市人民政府办公室', issuedDate: '2025-03-01', recipients: ['各区人民政府', '市政府各部门'], year: 2025 },
    sections: [
      { id: 's1', level: 1, marker: '一、', heading: '重点任务', line: 5, parentId: null },
      { id: 's2', level: 2, marker: '（一）', heading: '优化营商环境', line: 6, parentId: 's1' },
    ],
    tasks: [
      {
        id: 't1', number: '1', sectionId: 's2', title: '压减审批时限', text: '压减审批时限，6月底前平均办理时间压减至3个工作日以内。',
        units: [{ name: '市发展改革委', role: 'lead' }, { name: '市政务服务局', role: 'cooperate' }, { name: '市司法局', role: 'cooperate' }],
        deadline: { raw: '6月底前', due: '2025-06-30', ongoing: false, precision: 'month' },
        targets: [{ raw: '压减至3个工作日以内', metric: '平均办理时间', comparator: '<=', value: 3, valueMax: null, unit: '个工作日' }],
        origin: { kind: 'measure', line: 7 },
      },
      {
        id: 't2', number: null, sectionId: null, title: null, text: '持续推进"一网通办"（各区人民政府负责，长期坚持）。',
        units: [{ name: '各区人民政府', role: 'responsible' }],
        deadline: { raw: '长期坚持', due: null, ongoing: true, precision: null },
        targets: [{ raw: '85%至90%', metric: '网办率', comparator: '~', value: 85, valueMax: 90, unit: '%' }],
        origin: { kind: 'block', line: 9 },
      },
      {
        id: 't3', number: '（三）', sectionId: 's9-missing', title: null, text: '其他任务。', units: [], deadline: null, targets: [],
        origin: { kind: 'enumeration', line: 11 },
      },
    ],
    warnings: [
      { code: 'unknown-deadline', message: '无法解析的时限', line: 9, taskId: 't2' },
      { code: 'no-units', message: 'task without units', line: 11, taskId: 't3' },
      { code: 'doc', message: 'document-level', line: null, taskId: null },
    ],
  };
}

const all = (db: Database.Database, sql: string, ...p: unknown[]) => db.prepare(sql).all(...p) as Record<string, unknown>[];
const one = (db: Database.Database, sql: string, ...p: unknown[]) => db.prepare(sql).get(...p) as Record<string, unknown>;

describe('SQLite export', () => {
  it('creates the tables, indexes, foreign keys and the tasks_flat view', async () => {
    const file = join(tempDir('pp-sqlite-'), 'x.sqlite');
    const tdb = await TaskDatabase.open(file);
    tdb.replace(sample(), { path: 'plans/a.txt', toolVersion: '9.9.9' });
    tdb.close();
    const db = new Database(file, { readonly: true });
    const names = all(db, "SELECT name, type FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name").map((r) => `${r.type}:${r.name}`);
    for (const t of ['documents', 'sections', 'tasks', 'task_units', 'task_targets', 'warnings']) expect(names).toContain(`table:${t}`);
    expect(names).toContain('view:tasks_flat');
    for (const i of ['idx_tasks_due', 'idx_task_units_name', 'idx_task_targets_metric', 'idx_tasks_document', 'idx_warnings_code']) expect(names).toContain(`index:${i}`);
    const fks = (t: string) => all(db, `PRAGMA foreign_key_list(${t})`).map((r) => `${r.from}->${r.table}.${r.to}:${r.on_delete}`);
    expect(fks('tasks')).toEqual(expect.arrayContaining(['document_id->documents.id:CASCADE', 'section_id->sections.id:SET NULL']));
    expect(fks('task_units')).toEqual(['task_id->tasks.id:CASCADE']);
    expect(fks('task_targets')).toEqual(['task_id->tasks.id:CASCADE']);
    expect(fks('sections')).toEqual(expect.arrayContaining(['document_id->documents.id:CASCADE', 'parent_id->sections.id:CASCADE']));
    expect(all(db, 'PRAGMA foreign_key_check')).toEqual([]);

    const flat = all(db, 'SELECT * FROM tasks_flat ORDER BY task_seq');
    expect(flat).toHaveLength(3);
    expect(flat[0]).toMatchObject({
      path: 'plans/a.txt', doc_number: '某政办发〔2025〕3号', section_heading: '优化营商环境', lead_units: '市发展改革委',
      cooperate_units: '市政务服务局、市司法局', responsible_units: null, due: '2025-06-30', ongoing: 0, targets: '压减至3个工作日以内',
    });
    expect(flat[1]).toMatchObject({ responsible_units: '各区人民政府', ongoing: 1, due: null, section_heading: null });
    // a dangling section reference keeps its text, with no foreign key
    expect(one(db, "SELECT section_id, section_ref FROM tasks WHERE ref = 't3'")).toEqual({ section_id: null, section_ref: 's9-missing' });
    expect(one(db, "SELECT task_ref FROM warnings w JOIN tasks t ON t.id = w.task_id WHERE w.code = 'unknown-deadline'")).toEqual({ task_ref: 't2' });
    db.close();
  });

  it('reads a document back exactly as it was written', async () => {
    const file = join(tempDir('pp-sqlite-'), 'x.sqlite');
    const tdb = await TaskDatabase.open(file);
    const seed = await parse(readFileSync(seedFiles()[0]), { path: 'seeds/000.txt' });
    tdb.replace(sample(), { path: 'plans/a.txt', toolVersion: '1' });
    tdb.replace(seed, { path: 'seeds/000.txt', toolVersion: '1', parsedAt: '2025-01-01T00:00:00.000Z' });
    expect(tdb.read('plans/a.txt')!.result).toEqual(sample());
    const back = tdb.read('seeds/000.txt')!;
    expect(back.result).toEqual(seed);
    expect(back.meta).toEqual({ path: 'seeds/000.txt', toolVersion: '1', parsedAt: '2025-01-01T00:00:00.000Z' });
    expect([...tdb.paths()]).toEqual(['plans/a.txt', 'seeds/000.txt']);
    expect(tdb.read('nope')).toBeNull();
    tdb.close();
  });

  it('replaces a document\'s rows in one transaction, leaving no orphans', async () => {
    const file = join(tempDir('pp-sqlite-'), 'x.sqlite');
    const tdb = await TaskDatabase.open(file, { bulk: true });
    tdb.replace(sample('a'), { path: 'a', toolVersion: '1' });
    tdb.replace(sample('b'), { path: 'b', toolVersion: '1' });
    const smaller = sample('a');
    smaller.tasks = smaller.tasks.slice(0, 1);
    smaller.warnings = [];
    tdb.replace(smaller, { path: 'a', toolVersion: '2' });
    // a failing write leaves the previous rows in place
    const broken = sample('b');
    (broken.tasks[0] as { text: unknown }).text = null; // violates NOT NULL
    expect(() => tdb.replace(broken, { path: 'b', toolVersion: '3' })).toThrow();
    tdb.close();
    expect(existsSync(`${file}-wal`)).toBe(false); // back to one file on close
    const db = new Database(file, { readonly: true });
    const counts = (t: string) => all(db, `SELECT d.path, count(x.id) n FROM documents d LEFT JOIN ${t} x ON x.document_id = d.id GROUP BY d.path ORDER BY d.path`).map((r) => `${r.path}:${r.n}`);
    expect(counts('tasks')).toEqual(['a:1', 'b:3']);
    expect(counts('warnings')).toEqual(['a:0', 'b:3']);
    expect(one(db, 'SELECT count(*) n FROM task_units')).toEqual({ n: 3 + 4 });
    expect(one(db, 'SELECT count(*) n FROM task_targets')).toEqual({ n: 1 + 2 });
    expect(one(db, "SELECT tool_version FROM documents WHERE path = 'b'")).toEqual({ tool_version: '1' });
    expect(all(db, 'PRAGMA foreign_key_check')).toEqual([]);
    db.close();
  });

  it('answers the README queries', async () => {
    const file = join(tempDir('pp-sqlite-'), 'x.sqlite');
    const tdb = await TaskDatabase.open(file);
    tdb.replace(sample(), { path: 'plans/a.txt', toolVersion: '1' });
    tdb.close();
    const db = new Database(file, { readonly: true });
    const readme = readFileSync(join(ROOT, 'docs/batch.md'), 'utf8');
    const queries = [...readme.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]);
    expect(queries.length).toBeGreaterThanOrEqual(3);
    const results = queries.map((q) => db.prepare(q).all());
    expect(results[0]).toEqual([expect.objectContaining({ doc_title: '关于印发某市2025年工作方案的通知', lead_units: '市发展改革委' })]);
    expect(results[1]).toEqual([expect.objectContaining({ due: '2025-06-30' })]);
    expect(results[2]).toEqual(expect.arrayContaining([expect.objectContaining({ metric: '平均办理时间' })]));
    db.close();
  });
});

describe('parse --format sqlite', () => {
  beforeAll(() => ensureBuilt(), 180_000);

  it('needs -o, then adds the document to the database and replaces it on a second run', async () => {
    const dir = tempDir('pp-sqlite-cli-');
    const seed = seedFiles()[3];
    const no = await cli(['parse', seed, '--format', 'sqlite']);
    expect(no.code).toBe(2);
    expect(no.stderr).toMatch(/-o FILE/);
    for (let i = 0; i < 2; i++) expect((await cli(['parse', seed, '-f', 'sqlite', '-o', join(dir, 'p.sqlite')])).code).toBe(0);
    expect((await cli(['parse', seedFiles()[0], '-f', 'sqlite', '-o', join(dir, 'p.sqlite')])).code).toBe(0);
    const db = new Database(join(dir, 'p.sqlite'), { readonly: true });
    expect(one(db, 'SELECT count(*) n FROM documents')).toEqual({ n: 2 });
    const expected = (await parse(readFileSync(seed), { path: seed })).tasks.length;
    expect(one(db, 'SELECT task_count FROM documents WHERE path = ?', seed)).toEqual({ task_count: expected });
    expect(one(db, 'SELECT count(*) n FROM tasks t JOIN documents d ON d.id = t.document_id WHERE d.path = ?', seed)).toEqual({ n: expected });
    db.close();
  });
});
