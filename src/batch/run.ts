import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { mkdir, realpath, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { sharedDictionaryIndex } from '../extract/segment.js';
import { extensionFormat } from '../read/detect.js';
import type { TaskDatabase } from '../render/sqlite.js';
import { collectInputs, toRel } from './inputs.js';
import { JOURNAL_NAME, Journal, readJournal } from './journal.js';
import { compactManifest, forEachManifestLine, MANIFEST_NAME, ManifestWriter, skippableSha, type ManifestEntry } from './manifest.js';
import { inShard, OutputNamer, type Shard } from './paths.js';
import { WorkerPool, type Failure } from './pool.js';
import { createProgress, fmtDuration } from './progress.js';
import { OUTPUT_EXT, type BatchFormat, type Job, type JobDone, type WorkerSetup } from './protocol.js';
import { toolVersion } from '../version.js';

export const DEFAULT_DB_NAME = 'policy-tasks.sqlite';
/**
 * V8 heap limit per worker, MB. Past it the worker is stopped (`crash`, out of memory) and
 * replaced. Kept moderate: Node confines a worker's out-of-memory only when the allocation that
 * fails is small (nodejs/node#47224); the journal covers the rest.
 */
export const DEFAULT_WORKER_HEAP_MB = 512;
/**
 * V8 young generation per worker, MB. V8's default (48 MB) costs each worker ~20 MB more resident
 * memory; 8 MB measured about 3% slower on the bench archive and 35–40 MB less for two workers.
 */
export const DEFAULT_WORKER_YOUNG_MB = 8;

export interface BatchOptions {
  inputs: string[];
  out: string;
  from?: string | null;
  nul?: boolean;
  jobs?: number;
  format?: BatchFormat;
  /** SQLite file (default DIR/policy-tasks.sqlite). */
  db?: string | null;
  compact?: boolean;
  force?: boolean;
  shard?: Shard | null;
  timeoutMs?: number;
  maxBytes?: number;
  /** null: every file found in directories and globs. */
  extensions?: Set<string> | null;
  quiet?: boolean;
  progressIntervalS?: number;
  /** Where progress and the summary go (default stderr). */
  stderr?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadableStream;
  /** Per-worker V8 heap limit, MB. */
  workerHeapMb?: number;
  /** Per-worker young generation, MB. */
  workerYoungMb?: number;
  /** Install SIGINT/SIGTERM handlers (the CLI does; tests may not). */
  handleSignals?: boolean;
}

export interface BatchSummary {
  total: number;
  ok: number;
  warnings: number;
  failed: number;
  skipped: number;
  tasks: number;
  seconds: number;
  interrupted: NodeJS.Signals | null;
  peakRssMb: number;
  exitCode: number;
}

const RESERVED = [MANIFEST_NAME, JOURNAL_NAME, DEFAULT_DB_NAME, `${DEFAULT_DB_NAME}-wal`, `${DEFAULT_DB_NAME}-shm`, `${DEFAULT_DB_NAME}-journal`];

export async function runBatch(o: BatchOptions): Promise<BatchSummary> {
  const t0 = Date.now();
  const err = o.stderr ?? process.stderr;
  const format = o.format ?? 'json';
  const jobs = o.jobs ?? availableParallelism();
  const version = toolVersion();
  if (!o.inputs.length && !o.from) throw new UsageError('batch: give input files, directories or globs, or --from FILE (- for stdin)');

  const outStat = await stat(o.out).catch(() => null);
  if (outStat && !outStat.isDirectory()) throw new UsageError(`--out ${o.out}: exists and is not a directory`);
  await mkdir(o.out, { recursive: true });
  const outRoot = await realpath(o.out);

  const collected = await collectInputs({
    operands: o.inputs, from: o.from, nul: o.nul, extensions: o.extensions === undefined ? null : o.extensions,
    skipDirs: [outRoot], stdin: o.stdin,
  });
  const say = (line: string) => { if (!o.quiet) err.write(`${line}\n`); };
  for (const p of collected.unmatched) say(`policy-parse: warning: ${p}: no files match`);
  for (const p of collected.problems) err.write(`policy-parse: ${p}\n`);
  if (collected.files.length === 0 && collected.problems.length === 0) throw new UsageError('batch: no input files found');

  // Output names are assigned over the whole sorted list, then the shard is taken: every shard agrees.
  // Kept small: the display path per input, and the output name only where it is not the default.
  const ext = format === 'sqlite' ? null : OUTPUT_EXT[format];
  let namer = ext ? new OutputNamer(ext, RESERVED) : null;
  const mine: string[] = [];
  const renamed = new Map<number, string>();
  collected.files.forEach((f, k) => {
    const outRel = namer ? namer.name(f.rel) : null;
    if (!inShard(k, o.shard ?? null)) return;
    if (outRel !== null && outRel !== f.rel + ext) renamed.set(mine.length, outRel);
    mine.push(f.display);
  });
  namer = null;
  const allCount = collected.files.length;
  collected.files.length = 0;
  const outRelOf = (k: number): string | null => (ext ? renamed.get(k) ?? toRel(collected.base, resolve(mine[k])) + ext : null);

  const manifestPath = join(outRoot, MANIFEST_NAME);
  const known = new Map<string, string>();
  const priorErrors = new Map<string, string>();
  if (!o.force) {
    await forEachManifestLine(manifestPath, (e) => {
      const sha = skippableSha(e, version);
      // 'o': an output file must exist for the skip; 'e': a failure that the same bytes would repeat.
      if (sha) known.set(e.path, (e.status === 'error' ? 'e' : 'o') + sha);
      else known.delete(e.path);
      if (sha && e.status === 'error') priorErrors.set(e.path, e.error ?? 'failed');
      else priorErrors.delete(e.path);
    });
  }

  let db: TaskDatabase | null = null;
  if (format === 'sqlite') {
    const { TaskDatabase } = await import('../render/sqlite.js');
    const dbPath = o.db ? resolve(o.db) : join(outRoot, DEFAULT_DB_NAME);
    db = await TaskDatabase.open(dbPath, { bulk: true }).catch((e: Error) => { throw new UsageError(`--db ${dbPath}: ${e.message}`); });
  }

  const writer = new ManifestWriter(manifestPath);
  // A journal left behind means the last run died outright (see journal.ts).
  const journalPath = join(outRoot, JOURNAL_NAME);
  const left = readJournal(journalPath);
  for (const path of left.culprits) {
    const sha = await hashFile(resolve(path));
    const error = 'the whole batch process died while this file was being parsed alone (a fatal error that Node could not '
      + 'confine to the worker, such as one array grown past its limit); it is skipped until it changes';
    writer.append({
      path, output: null, sha256: sha, size: sizeOf(resolve(path)), format: extensionFormat(path), status: 'error', tasks: null,
      warnings: null, ms: 0, error, errorKind: 'fatal', version, at: new Date().toISOString(),
    });
    if (sha && !o.force) {
      known.set(path, `e${sha}`);
      priorErrors.set(path, error);
    }
  }
  const suspects = new Set(left.suspects);
  const journal = new Journal(journalPath);
  for (const p of left.culprits) err.write(`policy-parse: ${p}: the last run died while parsing this file alone; recorded as failed (errorKind "fatal")\n`);
  if (suspects.size) say(`batch: the last run died while parsing ${[...suspects].join(', ')}; retrying ${suspects.size === 1 ? 'it' : 'them'} one at a time first`);
  const total = mine.length;
  say(`batch: ${total} file${total === 1 ? '' : 's'}${o.shard ? ` (shard ${o.shard.index}/${o.shard.count} of ${allCount})` : ''}, ${jobs} worker${jobs === 1 ? '' : 's'}, ${format} → ${o.out}`);
  const progress = await createProgress(total, { quiet: !!o.quiet, stream: err, intervalS: o.progressIntervalS ?? 10 });

  const counts = { done: 0, total, failed: 0, skipped: 0 };
  const sum: BatchSummary = {
    total, ok: 0, warnings: 0, failed: collected.problems.length, skipped: 0, tasks: 0, seconds: 0, interrupted: null, peakRssMb: 0, exitCode: 0,
  };
  const failures: string[] = collected.problems.slice(0, 10);
  const killedTemps: string[] = [];

  const makeJob = (k: number): Job => {
    const outRel = outRelOf(k);
    const outAbs = outRel ? join(outRoot, ...outRel.split('/')) : null;
    return {
      id: k, abs: resolve(mine[k]), display: mine[k], outRoot, outAbs,
      tmpAbs: outAbs ? join(outAbs, '..', `.${basename(outAbs)}.${process.pid}-${k}.tmp`) : null,
      format, compact: !!o.compact, maxBytes: o.maxBytes ?? 100e6,
    };
  };

  /**
   * Is this input unchanged since the manifest entry of this version? Hashing here
   * (streamed, a few files at a time) means an unchanged archive needs no worker at all.
   */
  const unchanged = async (k: number): Promise<boolean> => {
    const display = mine[k];
    const prior = known.get(display);
    if (!prior) return false;
    const sha = prior.slice(1);
    if (prior[0] === 'o') {
      if (db) {
        if (db.sha256Of(display) !== sha) return false;
      } else if (!(await isFile(join(outRoot, ...outRelOf(k)!.split('/'))))) {
        return false;
      }
    }
    return (await hashFile(resolve(display))) === sha;
  };

  const record = (job: Job, done: JobDone | null, failure: Failure | null) => {
    counts.done++;
    if (done?.status === 'skipped') {
      counts.skipped++;
      sum.skipped++;
      if (known.get(job.display)?.[0] === 'e') {
        // Unchanged, and it failed last time for a reason the same bytes repeat: still a failure.
        counts.failed++;
        sum.failed++;
        if (failures.length < 10) failures.push(`${job.display}: ${priorErrors.get(job.display) ?? 'failed'} (unchanged since the last run)`);
      }
      progress.update(counts);
      return;
    }
    const entry: ManifestEntry = {
      path: job.display,
      output: null,
      sha256: done?.sha256 ?? null,
      size: done ? done.size : sizeOf(job.abs),
      format: done ? done.format : extensionFormat(job.display),
      status: done ? (done.status as ManifestEntry['status']) : 'error',
      tasks: done?.tasks ?? null,
      warnings: done?.warnings ?? null,
      ms: done?.ms ?? (failure?.kind === 'timeout' ? o.timeoutMs ?? 10_000 : 0),
      error: done?.error ?? failure?.message ?? null,
      errorKind: done?.errorKind ?? failure?.kind ?? null,
      version,
      at: new Date().toISOString(),
    };
    if (entry.status !== 'error' && db && done?.result) {
      try {
        db.replace(done.result, { path: job.display, toolVersion: version });
      } catch (e) {
        entry.status = 'error';
        entry.error = `cannot write to the database: ${(e as Error).message}`;
        entry.errorKind = 'output';
      }
    }
    if (entry.status !== 'error' && job.outAbs) entry.output = job.outAbs.slice(outRoot.length + 1).split('\\').join('/');
    if (entry.status === 'error') {
      counts.failed++;
      sum.failed++;
      if (failures.length < 10) failures.push(`${job.display}: ${entry.error}`);
    } else {
      if (entry.status === 'warnings') sum.warnings++;
      else sum.ok++;
      sum.tasks += entry.tasks ?? 0;
    }
    writer.append(entry);
    journal.ended(job.display);
    progress.update(counts);
  };

  let pool: WorkerPool<Job, JobDone> | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (!sum.interrupted) {
      sum.interrupted = signal;
      progress.log(`policy-parse: ${signal}: stopping after the ${pool?.inProgress ?? 0} file(s) in progress (again to stop at once); a re-run resumes`);
      pool?.stop();
    } else {
      void pool?.abort();
    }
  };
  if (o.handleSignals) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  try {
    // 1. Unchanged inputs are settled here; the rest become jobs.
    const todo: number[] = [];
    if (known.size) {
      const skipped = (k: number) => record(makeJob(k), { ...NO_REPLY, id: k, status: 'skipped' }, null);
      await forEachLimited(mine.length, 4, async (k) => {
        if (sum.interrupted) return;
        if (await unchanged(k)) skipped(k);
        else todo.push(k);
      });
      todo.sort((a, b) => a - b);
    } else {
      for (let k = 0; k < mine.length; k++) todo.push(k);
    }
    // 2. Parse in worker threads, started only if there is work. Files the last run was parsing when
    //    it died go first, one at a time, so that a file that kills the process again is known.
    const alone = todo.filter((k) => suspects.has(mine[k]));
    const rest = alone.length ? todo.filter((k) => !suspects.has(mine[k])) : todo;
    let setup: WorkerSetup | undefined;
    for (const [list, n] of [[alone, 1], [rest, jobs]] as const) {
      if (!list.length || sum.interrupted) continue;
      setup ??= { dictionaryIndex: sharedDictionaryIndex() };
      pool = new WorkerPool<Job, JobDone>({
        jobs: Math.min(n, list.length),
        timeoutMs: o.timeoutMs ?? 10_000,
        workerUrl: workerUrl(),
        resourceLimits: {
          maxOldGenerationSizeMb: o.workerHeapMb ?? DEFAULT_WORKER_HEAP_MB,
          maxYoungGenerationSizeMb: o.workerYoungMb ?? DEFAULT_WORKER_YOUNG_MB,
        },
        workerData: setup,
        workerOutput: !!process.env.POLICY_PARSE_DEBUG_WORKERS,
      });
      pool.onKilled = (job) => {
        if (job.tmpAbs) {
          killedTemps.push(job.tmpAbs);
          void rm(job.tmpAbs, { force: true }).catch(() => {});
        }
      };
      const isAlone = list === alone;
      await pool.run((function* () {
        for (const k of list) {
          journal.started(mine[k], isAlone);
          yield makeJob(k);
        }
      })(), record);
      await pool.close();
    }
  } finally {
    if (o.handleSignals) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
    await pool?.close();
    progress.stop();
    writer.close();
    journal.close();
    await Promise.all(killedTemps.map((t) => rm(t, { force: true }).catch(() => {})));
    db?.close();
    await compactManifest(manifestPath);
  }

  sum.seconds = (Date.now() - t0) / 1000;
  sum.peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  sum.exitCode = sum.interrupted ? (sum.interrupted === 'SIGTERM' ? 143 : 130) : sum.failed > 0 ? 1 : 0;
  if (!o.quiet) {
    const processed = counts.done - counts.skipped;
    const rate = sum.seconds > 0 ? processed / sum.seconds : 0;
    err.write(`batch: ${counts.done}/${total} files in ${fmtDuration(sum.seconds)} (${rate.toFixed(1)} files/s): `
      + `${sum.ok} ok, ${sum.warnings} with warnings, ${sum.failed} failed, ${sum.skipped} unchanged (skipped); `
      + `${sum.tasks} tasks; peak RSS ${sum.peakRssMb} MB\n`);
    if (failures.length) {
      err.write(`failed:\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
      if (sum.failed > failures.length) err.write(`  … and ${sum.failed - failures.length} more\n`);
      err.write(`(details in ${join(o.out, MANIFEST_NAME)})\n`);
    }
    if (sum.interrupted) err.write(`batch: interrupted by ${sum.interrupted}; ${total - counts.done} file(s) not done. Run the same command again to resume.\n`);
  }
  return sum;
}

const NO_REPLY: JobDone = {
  id: 0, status: 'skipped', sha256: null, size: null, format: null, tasks: null, warnings: null, ms: 0, error: null, errorKind: null,
};

const isFile = (p: string) => stat(p).then((s) => s.isFile(), () => false);

/** sha256 of a file, streamed; null when it cannot be read. */
function hashFile(path: string): Promise<string | null> {
  return new Promise((res) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('end', () => res(h.digest('hex')))
      .on('error', () => res(null));
  });
}

/** Run `fn(0…n-1)` with at most `limit` in flight. */
async function forEachLimited(n: number, limit: number, fn: (k: number) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => { while (next < n) await fn(next++); };
  await Promise.all(Array.from({ length: Math.min(limit, n) }, lane));
}

function sizeOf(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

/** The compiled worker (tests run the sources, whose worker must still be the built one). */
function workerUrl(): URL {
  const here = import.meta.url;
  if (here.endsWith('.ts')) return new URL('../../dist/src/batch/worker.js', here);
  return new URL('./worker.js', here);
}
