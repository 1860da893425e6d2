import { Option, type Command } from 'commander';
import { availableParallelism } from 'node:os';
import { UsageError } from '../errors.js';
import { registerMerge } from './merge.js';

// Heavy modules (worker pool, progress bar, SQLite) load inside the action, so
// registering the command costs nothing for `policy-parse FILE`.

const DEFAULT_EXTENSIONS = 'txt,text,docx,pdf,html,htm,shtml,xhtml,doc,wps';

interface BatchCliOptions {
  out: string;
  from?: string;
  null?: boolean;
  jobs: string;
  format: 'json' | 'ndjson' | 'csv' | 'sqlite';
  db?: string;
  compact?: boolean;
  force?: boolean;
  shard?: string;
  timeout: string;
  maxSize: string;
  workerMemory: string;
  ext: string;
  quiet?: boolean;
  progressInterval: string;
}

export function registerBatch(program: Command): void {
  program
    .command('batch')
    .description('parse many documents in parallel: one result per input, a manifest, resumable')
    .argument('[inputs...]', 'files, directories (walked recursively) and quoted globs ("archive/**/*.pdf")')
    .requiredOption('-o, --out <dir>', 'output directory: results mirror the input tree, plus manifest.ndjson')
    .option('--from <file>', 'read more input paths from a file, one per line (- for stdin)')
    .option('-0, --null', 'the --from list is NUL-separated (find -print0)')
    .option('-j, --jobs <n>', 'worker threads', String(availableParallelism()))
    .addOption(new Option('-f, --format <format>', 'output: a file per input (json, ndjson, csv) or one SQLite database')
      .choices(['json', 'ndjson', 'csv', 'sqlite']).default('json'))
    .option('--db <file>', 'SQLite database to append to with --format sqlite (default DIR/policy-tasks.sqlite)')
    .option('--compact', 'JSON on one line')
    .option('--force', 'redo every input, even those unchanged since the last run')
    .option('--shard <i/n>', 'take only share I of N (1-based) of the sorted input list; join shares with `merge`')
    .option('--timeout <seconds>', 'per-file time limit; a worker past it is stopped and replaced', '10')
    .option('--max-size <MB>', 'skip (as failed) files larger than this', '100')
    .option('--ext <list>', 'extensions taken from directories and globs ("*" for every file)', DEFAULT_EXTENSIONS)
    .option('--worker-memory <MB>', 'V8 heap limit of each worker; a file needing more fails as out of memory', '512')
    .option('-q, --quiet', 'no progress and no summary (the exit code and the manifest tell)')
    .option('--progress-interval <seconds>', 'seconds between progress lines when stderr is not a terminal', '10')
    .addHelpText('after', `
Each input gets DIR/<its path relative to the inputs' common directory>.json (or .ndjson/.csv),
written atomically; DIR/manifest.ndjson has a line per input (path, sha256, format, status
ok|warnings|error, tasks, ms, error, version). A re-run skips inputs whose sha256 and policy-parse
version match the manifest. Ctrl-C stops after the files in progress (twice: at once); run the same
command again to resume.

Exit codes: 0 every file parsed (possibly with warnings), 1 some failed, 2 bad usage,
130/143 interrupted by SIGINT/SIGTERM.

Examples:
  policy-parse batch archive/ --out out/
  policy-parse batch "archive/**/*.docx" --out out/ --jobs 4
  find /data -name '*.pdf' -print0 | policy-parse batch --from - -0 --out out/
  policy-parse batch archive/ --out out/ --format sqlite           # out/policy-tasks.sqlite
  policy-parse batch archive/ --out part3/ --shard 3/8             # then: policy-parse merge part*/ --out all/`)
    .action(async (inputs: string[], opts: BatchCliOptions) => {
      const { runBatch } = await import('../batch/run.js');
      const { parseShard } = await import('../batch/paths.js');
      let shard = null;
      if (opts.shard) {
        try {
          shard = parseShard(opts.shard);
        } catch (e) {
          throw new UsageError((e as Error).message);
        }
      }
      if (opts.db && opts.format !== 'sqlite') throw new UsageError('--db needs --format sqlite');
      if (opts.null && !opts.from) throw new UsageError('--null needs --from');
      const summary = await runBatch({
        inputs,
        out: opts.out,
        from: opts.from ?? null,
        nul: !!opts.null,
        jobs: positiveInt(opts.jobs, '--jobs'),
        format: opts.format,
        db: opts.db ?? null,
        compact: !!opts.compact,
        force: !!opts.force,
        shard,
        timeoutMs: positiveNumber(opts.timeout, '--timeout') * 1000,
        maxBytes: positiveNumber(opts.maxSize, '--max-size') * 1e6,
        workerHeapMb: positiveNumber(opts.workerMemory, '--worker-memory'),
        extensions: opts.ext.trim() === '*' ? null : new Set(opts.ext.split(',').map((e) => e.trim().replace(/^\./, '').toLowerCase()).filter(Boolean)),
        quiet: !!opts.quiet,
        progressIntervalS: positiveNumber(opts.progressInterval, '--progress-interval'),
        handleSignals: true,
      });
      process.exitCode = summary.exitCode;
    });
  registerMerge(program);
}

function positiveInt(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new UsageError(`${name} expects a whole number from 1 to 256, got "${v}"`);
  return n;
}

function positiveNumber(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} expects a positive number, got "${v}"`);
  return n;
}
