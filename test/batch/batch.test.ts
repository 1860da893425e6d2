import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ResultSchema } from '../../src/result/schema.js';
import { cli, cliAsync, ensureBuilt, listFiles, readManifestLines, seedFiles, tempDir } from './helpers.js';

beforeAll(() => ensureBuilt(), 180_000);

/** in/ with the seeds in a small tree plus three bad files. */
function archive(): string {
  const root = tempDir('pp-archive-');
  const seeds = seedFiles();
  mkdirSync(join(root, 'in/2022/sub'), { recursive: true });
  copyFileSync(seeds[0], join(root, 'in/2022/a.txt'));
  copyFileSync(seeds[1], join(root, 'in/2022/sub/b.txt'));
  copyFileSync(seeds[3], join(root, 'in/c.txt'));
  writeFileSync(join(root, 'in/empty.txt'), '');
  writeFileSync(join(root, 'in/junk.docx'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256)));
  writeFileSync(join(root, 'in/corrupt.pdf'), '%PDF-1.7\n1 0 obj << /Type /Catalog >>\n%%EOF garbage \x00\x01');
  return root;
}

const MANIFEST_KEYS = ['at', 'error', 'errorKind', 'format', 'ms', 'output', 'path', 'sha256', 'size', 'status', 'tasks', 'version', 'warnings'];

describe('batch', () => {
  it('parses a tree: one result per input mirroring it, a manifest line per input, failures reported, exit 1', async () => {
    const root = archive();
    const r = await cli(['batch', 'in', '--out', 'out', '--jobs', '2'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/6\/6 files .*3 failed/);
    expect(r.stderr).toMatch(/in\/empty\.txt: empty file/);
    expect(listFiles(join(root, 'out'))).toEqual(['2022/a.txt.json', '2022/sub/b.txt.json', 'c.txt.json', 'manifest.ndjson']);
    const m = readManifestLines(join(root, 'out'));
    expect(m.map((e) => e.path)).toEqual(['in/2022/a.txt', 'in/2022/sub/b.txt', 'in/c.txt', 'in/corrupt.pdf', 'in/empty.txt', 'in/junk.docx']);
    for (const e of m) {
      expect(Object.keys(e).sort()).toEqual(MANIFEST_KEYS);
      expect(e.version).toMatch(/^\d+\.\d+\.\d+/);
      if (e.status === 'error') {
        expect(e.error).toBeTruthy();
        expect(e.output).toBeNull();
      } else {
        expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
        const result = ResultSchema.parse(JSON.parse(readFileSync(join(root, 'out', e.output), 'utf8')));
        expect(result.source.path).toBe(e.path);
        expect(result.tasks.length).toBe(e.tasks);
        expect(['ok', 'warnings']).toContain(e.status);
      }
    }
    expect(m.filter((e) => e.status === 'error').map((e) => e.path)).toEqual(['in/corrupt.pdf', 'in/empty.txt', 'in/junk.docx']);
  });

  it('exits 0 when every file parses; --quiet prints nothing; other formats give a file per input', async () => {
    const root = archive();
    const r = await cli(['batch', 'in/2022', 'in/c.txt', '--out', 'out', '--quiet', '--format', 'csv'], { cwd: root });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(listFiles(join(root, 'out'))).toEqual(['2022/a.txt.csv', '2022/sub/b.txt.csv', 'c.txt.csv', 'manifest.ndjson']);
    expect(readFileSync(join(root, 'out/c.txt.csv'), 'utf8').startsWith('\ufeffsource_path,')).toBe(true);
    const n = await cli(['batch', 'in/c.txt', '--out', 'nd', '-q', '-f', 'ndjson'], { cwd: root });
    expect(n.code).toBe(0);
    const lines = readFileSync(join(root, 'nd/c.txt.ndjson'), 'utf8').trim().split('\n');
    expect(JSON.parse(lines[0])).toHaveProperty('task');
  });

  it('exits 2 on bad usage', async () => {
    const root = archive();
    expect((await cli(['batch', 'in'], { cwd: root })).code).toBe(2); // no --out
    expect((await cli(['batch', 'missing/', '--out', 'o'], { cwd: root })).code).toBe(2);
    expect((await cli(['batch', 'in', '--out', 'o', '--shard', '0/3'], { cwd: root })).code).toBe(2);
    expect((await cli(['batch', 'in', '--out', 'o', '--jobs', 'lots'], { cwd: root })).code).toBe(2);
    expect((await cli(['batch', 'in', '--out', 'o', '--format', 'xml'], { cwd: root })).code).toBe(2);
    expect((await cli(['batch', 'in', '--out', 'in/c.txt'], { cwd: root })).code).toBe(2);
    mkdirSync(join(root, 'nothing'));
    expect((await cli(['batch', 'nothing', '--out', 'o'], { cwd: root })).stderr).toMatch(/no input files/);
  });

  it('re-runs skip unchanged inputs, redo changed ones, and --force redoes all', async () => {
    const root = archive();
    await cli(['batch', 'in', '--out', 'out'], { cwd: root });
    const again = await cli(['batch', 'in', '--out', 'out'], { cwd: root });
    expect(again.stderr).toMatch(/0 ok, 0 with warnings, 3 failed, 6 unchanged/);
    expect(again.code).toBe(1); // the broken files are still broken
    appendFileSync(join(root, 'in/c.txt'), '\n');
    const changed = await cli(['batch', 'in', '--out', 'out'], { cwd: root });
    expect(changed.stderr).toMatch(/5 unchanged/);
    const forced = await cli(['batch', 'in', '--out', 'out', '--force'], { cwd: root });
    expect(forced.stderr).toMatch(/0 unchanged/);
    // one line per input after all these runs
    expect(readManifestLines(join(root, 'out')).length).toBe(6);
    // a manifest written by another version does not count
    const file = join(root, 'out/manifest.ndjson');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"version":"[^"]+"/g, '"version":"0.0.0-old"'));
    expect((await cli(['batch', 'in', '--out', 'out'], { cwd: root })).stderr).toMatch(/0 unchanged/);
    // an output deleted by hand is redone
    await cli(['batch', 'in', '--out', 'out'], { cwd: root });
    rmSync(join(root, 'out/c.txt.json'));
    expect((await cli(['batch', 'in', '--out', 'out'], { cwd: root })).stderr).toMatch(/5 unchanged/);
    expect(existsSync(join(root, 'out/c.txt.json'))).toBe(true);
  });

  it('a file that hangs is stopped at the timeout and a crashing worker is replaced; the rest carry on', async () => {
    const root = archive();
    copyFileSync(seedFiles()[2], join(root, 'in/HANG.txt'));
    copyFileSync(seedFiles()[2], join(root, 'in/CRASH.txt'));
    const t = Date.now();
    const r = await cli(['batch', 'in', '--out', 'out', '--timeout', '2.5', '--jobs', '2'], {
      cwd: root, env: { POLICY_PARSE_TEST_HANG: 'HANG', POLICY_PARSE_TEST_CRASH: 'CRASH' },
    });
    expect(Date.now() - t).toBeLessThan(30_000);
    expect(r.code).toBe(1);
    const m = Object.fromEntries(readManifestLines(join(root, 'out')).map((e) => [basename(e.path), e]));
    expect(m['HANG.txt']).toMatchObject({ status: 'error', errorKind: 'timeout', ms: 2500 });
    expect(m['HANG.txt'].error).toMatch(/timed out after 2.5 s/);
    expect(m['CRASH.txt']).toMatchObject({ status: 'error', errorKind: 'crash' });
    expect(m['a.txt'].status).not.toBe('error');
    expect(m['c.txt'].status).not.toBe('error');
    expect(listFiles(join(root, 'out')).filter((f) => f.includes('.tmp'))).toEqual([]);
    // timeouts and crashes are retried by the next run
    const again = await cli(['batch', 'in', '--out', 'out'], { cwd: root });
    const m2 = Object.fromEntries(readManifestLines(join(root, 'out')).map((e) => [basename(e.path), e]));
    expect(m2['HANG.txt'].status).not.toBe('error');
    expect(again.stderr).toMatch(/6 unchanged/);
  });

  it('a file that kills the whole process is found by the next runs and then skipped as failed', async () => {
    const root = archive();
    copyFileSync(seedFiles()[2], join(root, 'in/ABORT.txt'));
    const env = { POLICY_PARSE_TEST_ABORT: 'ABORT' };
    const first = await cli(['batch', 'in', '--out', 'out', '--jobs', '2'], { cwd: root, env });
    expect(first.signal).toBe('SIGABRT');
    expect(existsSync(join(root, 'out/.policy-parse-inflight.ndjson'))).toBe(true);
    readManifestLines(join(root, 'out')); // still valid
    // the files in progress when it died are retried one at a time: the culprit kills it again…
    const second = await cli(['batch', 'in', '--out', 'out'], { cwd: root, env });
    expect(second.stderr).toMatch(/retrying/);
    expect(second.signal).toBe('SIGABRT');
    // …and is then known: recorded as failed, the rest finished
    const third = await cli(['batch', 'in', '--out', 'out'], { cwd: root, env });
    expect(third.code).toBe(1);
    const m = Object.fromEntries(readManifestLines(join(root, 'out')).map((e) => [basename(e.path), e]));
    expect(m['ABORT.txt']).toMatchObject({ status: 'error', errorKind: 'fatal' });
    expect(m['ABORT.txt'].sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const f of ['a.txt', 'b.txt', 'c.txt']) expect(m[f].status).not.toBe('error');
    expect(existsSync(join(root, 'out/.policy-parse-inflight.ndjson'))).toBe(false);
    // unchanged, it stays skipped (no more aborts)
    const fourth = await cli(['batch', 'in', '--out', 'out'], { cwd: root, env });
    expect(fourth.code).toBe(1);
    expect(fourth.stderr).toMatch(/7 unchanged/);
  });

  it('SIGINT stops cleanly: no partial files, a valid manifest, and a re-run resumes', async () => {
    const root = tempDir('pp-sigint-');
    mkdirSync(join(root, 'in'));
    const seeds = seedFiles();
    for (let i = 0; i < 40; i++) copyFileSync(seeds[i % seeds.length], join(root, `in/f${String(i).padStart(2, '0')}.txt`));
    const run = cliAsync(['batch', 'in', '--out', 'out', '--jobs', '2', '--progress-interval', '0.2'], { cwd: root, env: { POLICY_PARSE_TEST_DELAY_MS: '150' } });
    // wait until a few files are done
    for (let i = 0; i < 300 && !/batch: [3-9]\/40|batch: \d\d\/40/.test(run.stderrSoFar()); i++) await new Promise((r) => setTimeout(r, 100));
    run.child.kill('SIGINT');
    const { code, stderr } = await run.done;
    expect(code).toBe(130);
    expect(stderr).toMatch(/interrupted by SIGINT/);
    const m = readManifestLines(join(root, 'out')); // every line parses
    expect(m.length).toBeGreaterThan(0);
    expect(m.length).toBeLessThan(40);
    const files = listFiles(join(root, 'out'));
    expect(files.filter((f) => !f.endsWith('.json') && f !== 'manifest.ndjson')).toEqual([]);
    for (const e of m) JSON.parse(readFileSync(join(root, 'out', e.output), 'utf8'));
    const resumed = await cli(['batch', 'in', '--out', 'out'], { cwd: root });
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`${m.length} unchanged`));
    expect(readManifestLines(join(root, 'out')).length).toBe(40);
  });

  it('keeps every output inside --out: ../ and absolute inputs, case clashes, symlinks in the output tree', async () => {
    const root = archive();
    const work = join(root, 'work');
    mkdirSync(work);
    writeFileSync(join(root, 'in/2022/A.txt'), readFileSync(join(root, 'in/2022/a.txt')));
    const r = await cli(['batch', '../in/2022', join(root, 'in/c.txt'), '--out', 'out'], { cwd: work });
    expect(r.code).toBe(0);
    const files = listFiles(join(work, 'out'));
    expect(files).toEqual(['2022/A.txt.json', '2022/a.txt~2.json', '2022/sub/b.txt.json', 'c.txt.json', 'manifest.ndjson']);
    expect(listFiles(root).filter((f) => f.endsWith('.json') && !f.startsWith('work/out/'))).toEqual([]);

    // a symlink inside --out that points elsewhere is never written through
    const outside = join(root, 'outside');
    mkdirSync(outside);
    mkdirSync(join(work, 'out2'));
    symlinkSync(outside, join(work, 'out2/sub'));
    const s = await cli(['batch', '../in/2022', '--out', 'out2'], { cwd: work });
    expect(s.code).toBe(1);
    expect(listFiles(outside)).toEqual([]);
    const m = readManifestLines(join(work, 'out2'));
    const bySub = m.filter((e) => e.path.includes('/sub/'));
    expect(bySub.length).toBe(1);
    expect(bySub.every((e) => e.status === 'error' && e.errorKind === 'output' && /symbolic link/.test(e.error))).toBe(true);
  });

  it('reads the input list from stdin', async () => {
    const root = archive();
    const list = ['in/2022/a.txt', 'in/c.txt', 'in/gone.txt'].join('\n');
    const r = await cli(['batch', '--from', '-', '--out', 'out'], { cwd: root, input: list });
    expect(r.code).toBe(1);
    const m = readManifestLines(join(root, 'out'));
    expect(m.map((e) => [e.path, e.status === 'error' ? e.error : e.output])).toEqual([
      ['in/2022/a.txt', '2022/a.txt.json'], ['in/c.txt', 'c.txt.json'], ['in/gone.txt', 'no such file'],
    ]);
  });

  it('prints plain progress lines when stderr is not a terminal', async () => {
    const root = archive();
    const r = await cli(['batch', 'in', '--out', 'out', '--progress-interval', '0.05'], { cwd: root, env: { POLICY_PARSE_TEST_DELAY_MS: '100' } });
    expect(r.stderr).toMatch(/^batch: \d+\/6 files \(\d+%\), [\d.]+ files\/s, ETA \S+, \d+ failed$/m);
  });

  it('shards split the sorted list and merge joins them into the same outputs as one run', async () => {
    const root = archive();
    for (let i = 0; i < 7; i++) copyFileSync(seedFiles()[i % 5], join(root, `in/2022/extra${i}.txt`));
    const full = await cli(['batch', 'in', '--out', 'full', '-q'], { cwd: root });
    expect(full.code).toBe(1);
    const seen: string[] = [];
    for (const i of [1, 2, 3]) {
      await cli(['batch', 'in', '--out', `part${i}`, '--shard', `${i}/3`, '-q'], { cwd: root });
      seen.push(...readManifestLines(join(root, `part${i}`)).map((e) => e.path));
    }
    expect(seen.length).toBe(13);
    expect(new Set(seen).size).toBe(13);
    const merged = await cli(['merge', 'part1', 'part2', 'part3', '--out', 'all'], { cwd: root });
    expect(merged.code).toBe(0);
    expect(merged.stderr).toMatch(/13 inputs/);
    const strip = (d: string) => readManifestLines(join(root, d)).map(({ at, ms, ...rest }) => rest);
    expect(strip('all')).toEqual(strip('full'));
    expect(listFiles(join(root, 'all'))).toEqual(listFiles(join(root, 'full')));
    for (const f of listFiles(join(root, 'full')).filter((f) => f.endsWith('.json'))) {
      expect(readFileSync(join(root, 'all', f), 'utf8')).toBe(readFileSync(join(root, 'full', f), 'utf8'));
    }
    expect((await cli(['merge', 'in', '--out', 'x'], { cwd: root })).code).toBe(2); // not a batch directory
  });
});

describe('batch --format sqlite', () => {
  it('appends documents to one database, replaces a document on re-run, and merges shard databases', async () => {
    const { default: Database } = await import('better-sqlite3');
    const root = archive();
    const r = await cli(['batch', 'in', '--out', 'out', '-f', 'sqlite', '-q'], { cwd: root });
    expect(r.code).toBe(1);
    expect(listFiles(join(root, 'out'))).toEqual(['manifest.ndjson', 'policy-tasks.sqlite']);
    const count = (file: string) => {
      const db = new Database(file, { readonly: true });
      const c = {
        documents: (db.prepare('SELECT count(*) n FROM documents').get() as { n: number }).n,
        tasks: (db.prepare('SELECT count(*) n FROM tasks').get() as { n: number }).n,
        flat: (db.prepare('SELECT count(*) n FROM tasks_flat').get() as { n: number }).n,
        fk: db.prepare('PRAGMA foreign_key_check').all().length,
      };
      db.close();
      return c;
    };
    const first = count(join(root, 'out/policy-tasks.sqlite'));
    expect(first.documents).toBe(3);
    expect(first.tasks).toBeGreaterThan(10);
    expect(first.flat).toBe(first.tasks);
    expect(first.fk).toBe(0);
    const m = readManifestLines(join(root, 'out'));
    const tasksInManifest = m.reduce((s, e) => s + (e.tasks ?? 0), 0);
    expect(first.tasks).toBe(tasksInManifest);

    // change one document: its rows are replaced, nothing is duplicated
    writeFileSync(join(root, 'in/c.txt'), readFileSync(seedFiles()[2]));
    await cli(['batch', 'in', '--out', 'out', '-f', 'sqlite', '-q'], { cwd: root });
    const second = count(join(root, 'out/policy-tasks.sqlite'));
    expect(second.documents).toBe(3);
    expect(second.tasks).toBe(readManifestLines(join(root, 'out')).reduce((s, e) => s + (e.tasks ?? 0), 0));
    expect(second.fk).toBe(0);
    await cli(['batch', 'in', '--out', 'out', '-f', 'sqlite', '-q', '--force'], { cwd: root });
    expect(count(join(root, 'out/policy-tasks.sqlite'))).toEqual(second);

    // --db: two batches append to one database
    await cli(['batch', 'in/2022', '--out', 'o1', '-f', 'sqlite', '--db', 'shared.sqlite', '-q'], { cwd: root });
    await cli(['batch', 'in/c.txt', '--out', 'o2', '-f', 'sqlite', '--db', 'shared.sqlite', '-q'], { cwd: root });
    expect(count(join(root, 'shared.sqlite')).documents).toBe(3);

    // shards into SQLite, merged
    for (const i of [1, 2]) await cli(['batch', 'in', '--out', `p${i}`, '-f', 'sqlite', '--shard', `${i}/2`, '-q'], { cwd: root });
    expect((await cli(['merge', 'p1', 'p2', '--out', 'all', '-q'], { cwd: root })).code).toBe(0);
    expect(count(join(root, 'all/policy-tasks.sqlite'))).toEqual(second);
    expect(relative(root, join(root, 'all'))).toBe('all');
  });
});
