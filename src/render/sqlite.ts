import type BetterSqlite3 from 'better-sqlite3';
import type { Comparator, Deadline, Format, OriginKind, Result, UnitRole } from '../result/schema.js';
import { importExternal } from '../importExternal.js';

type DeadlinePrecision = NonNullable<Deadline['precision']>;

/**
 * The SQLite export: one database holds any number of documents. A document
 * is keyed by its input path; writing it again replaces all its rows in one
 * transaction (foreign keys cascade from `documents`). Every field of the
 * Result is kept, so a document can be read back (merge uses that).
 */

export const SQLITE_LAYOUT_VERSION = '1';

const DDL = `
CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS documents (
  id             INTEGER PRIMARY KEY,
  path           TEXT NOT NULL UNIQUE,           -- the input path (batch: as in the manifest)
  source_path    TEXT,                           -- source.path of the result (NULL for stdin)
  sha256         TEXT NOT NULL,
  format         TEXT NOT NULL,                  -- txt | docx | pdf | html | doc
  encoding       TEXT,
  title          TEXT,
  doc_number     TEXT,                           -- 文号, e.g. 国发〔2019〕3号
  issuer         TEXT,
  issued_date    TEXT,                           -- YYYY-MM-DD
  year           INTEGER,
  recipients     TEXT NOT NULL DEFAULT '[]',     -- JSON array of 主送 units
  schema_version TEXT NOT NULL,
  tool_version   TEXT NOT NULL,
  task_count     INTEGER NOT NULL,
  warning_count  INTEGER NOT NULL,
  parsed_at      TEXT NOT NULL                   -- ISO 8601
);
CREATE TABLE IF NOT EXISTS sections (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ref         TEXT NOT NULL,                     -- the section id within its document (sections[].id)
  seq         INTEGER NOT NULL,
  parent_id   INTEGER REFERENCES sections(id) ON DELETE CASCADE,
  parent_ref  TEXT,
  level       INTEGER NOT NULL,
  marker      TEXT NOT NULL,
  heading     TEXT NOT NULL,
  line        INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tasks (
  id                 INTEGER PRIMARY KEY,
  document_id        INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  ref                TEXT NOT NULL,              -- the task id within its document (t1, t2 …)
  seq                INTEGER NOT NULL,
  number             TEXT,
  section_id         INTEGER REFERENCES sections(id) ON DELETE SET NULL,
  section_ref        TEXT,
  title              TEXT,
  text               TEXT NOT NULL,
  deadline_raw       TEXT,
  due                TEXT,                       -- YYYY-MM-DD
  ongoing            INTEGER,                    -- 0/1; NULL when the task has no deadline
  deadline_precision TEXT,                       -- day | month | quarter | year
  origin_kind        TEXT NOT NULL,              -- table | measure | block | enumeration | article
  origin_line        INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS task_units (
  id      INTEGER PRIMARY KEY,
  task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  seq     INTEGER NOT NULL,
  name    TEXT NOT NULL,
  role    TEXT NOT NULL                          -- lead | cooperate | responsible
);
CREATE TABLE IF NOT EXISTS task_targets (
  id         INTEGER PRIMARY KEY,
  task_id    INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
  seq        INTEGER NOT NULL,
  raw        TEXT NOT NULL,
  metric     TEXT,
  comparator TEXT NOT NULL,                      -- >= > <= < = ~
  value      REAL NOT NULL,
  value_max  REAL,
  unit       TEXT
);
CREATE TABLE IF NOT EXISTS warnings (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  task_id     INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
  task_ref    TEXT,
  seq         INTEGER NOT NULL,
  code        TEXT NOT NULL,
  message     TEXT NOT NULL,
  line        INTEGER
);
CREATE INDEX IF NOT EXISTS idx_documents_sha256      ON documents(sha256);
CREATE INDEX IF NOT EXISTS idx_documents_issuer      ON documents(issuer);
CREATE INDEX IF NOT EXISTS idx_documents_issued_date ON documents(issued_date);
CREATE INDEX IF NOT EXISTS idx_sections_document     ON sections(document_id, seq);
CREATE INDEX IF NOT EXISTS idx_sections_parent       ON sections(parent_id);
CREATE INDEX IF NOT EXISTS idx_tasks_document        ON tasks(document_id, seq);
CREATE INDEX IF NOT EXISTS idx_tasks_section         ON tasks(section_id);
CREATE INDEX IF NOT EXISTS idx_tasks_due             ON tasks(due);
CREATE INDEX IF NOT EXISTS idx_task_units_task       ON task_units(task_id, seq);
CREATE INDEX IF NOT EXISTS idx_task_units_name       ON task_units(name, role);
CREATE INDEX IF NOT EXISTS idx_task_targets_task     ON task_targets(task_id, seq);
CREATE INDEX IF NOT EXISTS idx_task_targets_metric   ON task_targets(metric);
CREATE INDEX IF NOT EXISTS idx_warnings_document     ON warnings(document_id, seq);
CREATE INDEX IF NOT EXISTS idx_warnings_task         ON warnings(task_id);
CREATE INDEX IF NOT EXISTS idx_warnings_code         ON warnings(code);
-- One row per task with its document and its units, deadline and targets flattened.
-- (Ordered sub-selects instead of group_concat(… ORDER BY …) so SQLite < 3.44 can read it.)
CREATE VIEW IF NOT EXISTS tasks_flat AS
SELECT
  t.id          AS task_id,
  d.id          AS document_id,
  d.path        AS path,
  d.title       AS doc_title,
  d.doc_number  AS doc_number,
  d.issuer      AS issuer,
  d.issued_date AS issued_date,
  d.year        AS year,
  t.ref         AS task_ref,
  t.seq         AS task_seq,
  t.number      AS number,
  s.heading     AS section_heading,
  t.title       AS title,
  t.text        AS text,
  (SELECT group_concat(name, '、') FROM (SELECT name FROM task_units WHERE task_id = t.id AND role = 'lead' ORDER BY seq))        AS lead_units,
  (SELECT group_concat(name, '、') FROM (SELECT name FROM task_units WHERE task_id = t.id AND role = 'cooperate' ORDER BY seq))   AS cooperate_units,
  (SELECT group_concat(name, '、') FROM (SELECT name FROM task_units WHERE task_id = t.id AND role = 'responsible' ORDER BY seq)) AS responsible_units,
  t.deadline_raw AS deadline_raw,
  t.due          AS due,
  t.ongoing      AS ongoing,
  t.deadline_precision AS deadline_precision,
  (SELECT group_concat(raw, '；') FROM (SELECT raw FROM task_targets WHERE task_id = t.id ORDER BY seq)) AS targets,
  t.origin_kind  AS origin_kind,
  t.origin_line  AS origin_line
FROM tasks t
JOIN documents d ON d.id = t.document_id
LEFT JOIN sections s ON s.id = t.section_id;
`;

export interface DocumentMetaRow {
  /** The key: the input path (or '-' for stdin). */
  path: string;
  toolVersion: string;
  /** Defaults to now. */
  parsedAt?: string;
}

type Db = BetterSqlite3.Database;
type Stmt = BetterSqlite3.Statement;

export interface OpenOptions {
  /** WAL and synchronous=NORMAL while the database is open (many small transactions); back to a single file on close. */
  bulk?: boolean;
  readonly?: boolean;
}

/** A database of parsed documents. */
export class TaskDatabase {
  private readonly st: Record<string, Stmt>;
  private readonly replaceTx: (result: Result, meta: DocumentMetaRow) => void;
  private shaStmt: Stmt | null = null;

  private constructor(readonly db: Db, private readonly bulk: boolean) {
    const p = (sql: string) => db.prepare(sql);
    this.st = db.readonly ? {} : {
      del: p('DELETE FROM documents WHERE path = ?'),
      doc: p(`INSERT INTO documents (path, source_path, sha256, format, encoding, title, doc_number, issuer, issued_date, year,
                recipients, schema_version, tool_version, task_count, warning_count, parsed_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      sec: p('INSERT INTO sections (document_id, ref, seq, parent_id, parent_ref, level, marker, heading, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      secParent: p('UPDATE sections SET parent_id = ? WHERE id = ?'),
      task: p(`INSERT INTO tasks (document_id, ref, seq, number, section_id, section_ref, title, text, deadline_raw, due, ongoing,
                 deadline_precision, origin_kind, origin_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      unit: p('INSERT INTO task_units (task_id, seq, name, role) VALUES (?, ?, ?, ?)'),
      target: p('INSERT INTO task_targets (task_id, seq, raw, metric, comparator, value, value_max, unit) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      warning: p('INSERT INTO warnings (document_id, task_id, task_ref, seq, code, message, line) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    };
    this.replaceTx = db.transaction((result: Result, meta: DocumentMetaRow) => this.insert(result, meta));
  }

  static async open(file: string, opts: OpenOptions = {}): Promise<TaskDatabase> {
    const { default: Database } = await importExternal<{ default: typeof import('better-sqlite3') }>('better-sqlite3');
    const db = new Database(file, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly });
    try {
      db.pragma('busy_timeout = 10000');
      if (!opts.readonly) {
        db.pragma('foreign_keys = ON');
        if (opts.bulk) {
          db.pragma('journal_mode = WAL');
          db.pragma('synchronous = NORMAL');
        }
        db.exec('BEGIN IMMEDIATE');
        try {
          db.exec(DDL);
          const row = db.prepare("SELECT value FROM meta WHERE key = 'layout'").get() as { value: string } | undefined;
          if (!row) db.prepare("INSERT INTO meta (key, value) VALUES ('layout', ?)").run(SQLITE_LAYOUT_VERSION);
          else if (row.value !== SQLITE_LAYOUT_VERSION) throw new Error(`${file}: the database has table layout ${row.value}; this version of policy-parse writes layout ${SQLITE_LAYOUT_VERSION}`);
          db.exec('COMMIT');
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      }
    } catch (e) {
      db.close();
      throw e;
    }
    return new TaskDatabase(db, !!opts.bulk && !opts.readonly);
  }

  /** Insert a document, replacing any rows it had, in one transaction. */
  replace(result: Result, meta: DocumentMetaRow): void {
    this.replaceTx(result, meta);
  }

  remove(path: string): void {
    this.st.del.run(path);
  }

  /** The sha256 recorded for a path, or null. */
  sha256Of(path: string): string | null {
    this.shaStmt ??= this.db.prepare('SELECT sha256 FROM documents WHERE path = ?');
    const row = this.shaStmt.get(path) as { sha256: string } | undefined;
    return row?.sha256 ?? null;
  }

  *paths(): Generator<string> {
    for (const row of this.db.prepare('SELECT path FROM documents ORDER BY path').iterate() as Iterable<{ path: string }>) yield row.path;
  }

  /** Read one document back as a Result (and its metadata). */
  read(path: string): { result: Result; meta: DocumentMetaRow } | null {
    const d = this.db.prepare('SELECT * FROM documents WHERE path = ?').get(path) as DocRow | undefined;
    if (!d) return null;
    const sections = (this.db.prepare('SELECT * FROM sections WHERE document_id = ? ORDER BY seq').all(d.id) as SecRow[])
      .map((s) => ({ id: s.ref, level: s.level, marker: s.marker, heading: s.heading, line: s.line, parentId: s.parent_ref }));
    const units = groupBy(this.db.prepare(
      'SELECT u.* FROM task_units u JOIN tasks t ON t.id = u.task_id WHERE t.document_id = ? ORDER BY u.task_id, u.seq').all(d.id) as UnitRow[]);
    const targets = groupBy(this.db.prepare(
      'SELECT g.* FROM task_targets g JOIN tasks t ON t.id = g.task_id WHERE t.document_id = ? ORDER BY g.task_id, g.seq').all(d.id) as TargetRow[]);
    const tasks = (this.db.prepare('SELECT * FROM tasks WHERE document_id = ? ORDER BY seq').all(d.id) as TaskRow[]).map((t) => ({
      id: t.ref,
      number: t.number,
      sectionId: t.section_ref,
      title: t.title,
      text: t.text,
      units: (units.get(t.id) ?? []).map((u) => ({ name: u.name, role: u.role as UnitRole })),
      deadline: t.ongoing === null ? null : {
        raw: t.deadline_raw ?? '', due: t.due, ongoing: t.ongoing === 1, precision: t.deadline_precision as DeadlinePrecision | null,
      },
      targets: (targets.get(t.id) ?? []).map((g) => ({
        raw: g.raw, metric: g.metric, comparator: g.comparator as Comparator, value: g.value, valueMax: g.value_max, unit: g.unit,
      })),
      origin: { kind: t.origin_kind as OriginKind, line: t.origin_line },
    }));
    const warnings = (this.db.prepare('SELECT * FROM warnings WHERE document_id = ? ORDER BY seq').all(d.id) as WarningRow[])
      .map((w) => ({ code: w.code, message: w.message, line: w.line, taskId: w.task_ref }));
    const result = {
      schemaVersion: d.schema_version,
      source: { path: d.source_path, format: d.format as Format, sha256: d.sha256, encoding: d.encoding },
      document: {
        title: d.title, docNumber: d.doc_number, issuer: d.issuer, issuedDate: d.issued_date,
        recipients: JSON.parse(d.recipients) as string[], year: d.year,
      },
      sections,
      tasks,
      warnings,
    } as Result;
    return { result, meta: { path: d.path, toolVersion: d.tool_version, parsedAt: d.parsed_at } };
  }

  close(): void {
    if (!this.db.open) return;
    if (this.bulk) {
      // Leave one self-contained file (no -wal/-shm) unless another process still has it open.
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
        this.db.pragma('journal_mode = DELETE');
      } catch { /* busy: stay in WAL */ }
    }
    this.db.close();
  }

  private insert(r: Result, meta: DocumentMetaRow): void {
    const st = this.st;
    st.del.run(meta.path);
    const d = r.document;
    const docId = st.doc.run(
      meta.path, r.source.path, r.source.sha256, r.source.format, r.source.encoding, d.title, d.docNumber, d.issuer, d.issuedDate,
      d.year, JSON.stringify(d.recipients), r.schemaVersion, meta.toolVersion, r.tasks.length, r.warnings.length,
      meta.parsedAt ?? new Date().toISOString(),
    ).lastInsertRowid;
    const sectionIds = new Map<string, number | bigint>();
    const pending: [number | bigint, string][] = [];
    r.sections.forEach((s, i) => {
      const parent = s.parentId === null ? null : sectionIds.get(s.parentId) ?? null;
      const id = st.sec.run(docId, s.id, i + 1, parent, s.parentId, s.level, s.marker, s.heading, s.line).lastInsertRowid;
      if (!sectionIds.has(s.id)) sectionIds.set(s.id, id);
      if (s.parentId !== null && parent === null) pending.push([id, s.parentId]);
    });
    for (const [id, parentRef] of pending) {
      const parent = sectionIds.get(parentRef);
      if (parent !== undefined) st.secParent.run(parent, id);
    }
    const taskIds = new Map<string, number | bigint>();
    r.tasks.forEach((t, i) => {
      const sectionId = t.sectionId === null ? null : sectionIds.get(t.sectionId) ?? null;
      const dl = t.deadline;
      const taskId = st.task.run(
        docId, t.id, i + 1, t.number, sectionId, t.sectionId, t.title, t.text, dl?.raw ?? null, dl?.due ?? null,
        dl ? (dl.ongoing ? 1 : 0) : null, dl?.precision ?? null, t.origin.kind, t.origin.line,
      ).lastInsertRowid;
      if (!taskIds.has(t.id)) taskIds.set(t.id, taskId);
      t.units.forEach((u, k) => st.unit.run(taskId, k + 1, u.name, u.role));
      t.targets.forEach((g, k) => st.target.run(taskId, k + 1, g.raw, g.metric, g.comparator, g.value, g.valueMax, g.unit));
    });
    r.warnings.forEach((w, i) => {
      const taskId = w.taskId === null ? null : taskIds.get(w.taskId) ?? null;
      st.warning.run(docId, taskId, w.taskId, i + 1, w.code, w.message, w.line);
    });
  }
}

/** `parse --format sqlite -o FILE`: add (or replace) one document in a database file. */
export async function writeSqliteFile(file: string, result: Result, meta: DocumentMetaRow): Promise<void> {
  const db = await TaskDatabase.open(file);
  try {
    db.replace(result, meta);
  } finally {
    db.close();
  }
}

function groupBy<T extends { task_id: number }>(rows: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const r of rows) {
    const list = map.get(r.task_id);
    if (list) list.push(r);
    else map.set(r.task_id, [r]);
  }
  return map;
}

interface DocRow {
  id: number; path: string; source_path: string | null; sha256: string; format: string; encoding: string | null;
  title: string | null; doc_number: string | null; issuer: string | null; issued_date: string | null; year: number | null;
  recipients: string; schema_version: string; tool_version: string; parsed_at: string;
}
interface SecRow { id: number; ref: string; level: number; marker: string; heading: string; line: number; parent_ref: string | null }
interface TaskRow {
  id: number; ref: string; number: string | null; section_ref: string | null; title: string | null; text: string;
  deadline_raw: string | null; due: string | null; ongoing: number | null; deadline_precision: string | null;
  origin_kind: string; origin_line: number;
}
interface UnitRow { task_id: number; name: string; role: string }
interface TargetRow {
  task_id: number; raw: string; metric: string | null; comparator: string; value: number; value_max: number | null; unit: string | null;
}
interface WarningRow { code: string; message: string; line: number | null; task_ref: string | null }
