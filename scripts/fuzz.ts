// Fuzz the batch command with thousands of generated inputs (a fixed seed by default):
//
//   node dist/scripts/fuzz.js [--cases 3000] [--seed 20250601] [--jobs 2] [--timeout 10] [--heavy] [--keep]
//
// Checks what test/batch/fuzz.test.ts checks, at scale: the batch never crashes (exit 0 or 1), every
// case has a manifest line, no file takes over the timeout, every failure has a message, every result
// validates, no temp files are left. Prints the outcomes by kind of case, and copies the cases that
// ended in a timeout, a worker crash or an internal (non-input) error to .bench/fuzz-findings/ with
// their messages, for the parser's owners. --heavy uses bigger sizes (MB-long lines, 60,000-deep HTML).

import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ResultSchema } from '../src/result/schema.js';
import { loadSources, makeCases } from './fuzz-cases.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : def;
};
const CASES = Number(opt('cases', '3000'));
const SEED = Number(opt('seed', '20250601'));
const JOBS = opt('jobs', '2');
const TIMEOUT = Number(opt('timeout', '10'));
const HEAVY = args.includes('--heavy');
const KEEP = args.includes('--keep');

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), base) : [join(dir, e.name).slice(base.length + 1)]));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'pp-fuzz-'));
  mkdirSync(join(dir, 'in'));
  process.stderr.write(`fuzz: writing ${CASES} cases (seed ${SEED}${HEAVY ? ', heavy' : ''}) to ${dir}\n`);
  const cases = makeCases(loadSources(ROOT, HEAVY ? 2_000_000 : 500_000), CASES, SEED, HEAVY);
  for (const c of cases) writeFileSync(join(dir, 'in', c.name), c.bytes);

  const t0 = Date.now();
  const { code, signal, stderr } = await new Promise<{ code: number | null; signal: string | null; stderr: string }>((res) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/policy-parse.cjs'), 'batch', 'in', '--out', 'out', '--jobs', JOBS,
      '--timeout', String(TIMEOUT), '--ext', '*', '--progress-interval', '15'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => { err += d; process.stderr.write(d); });
    child.on('close', (c, s) => res({ code: c, signal: s, stderr: err }));
  });
  const seconds = (Date.now() - t0) / 1000;

  const problems: string[] = [];
  if (signal || (code !== 0 && code !== 1)) problems.push(`batch ended with ${signal ?? `exit code ${code}`}`);
  if (/^policy-parse: internal error/m.test(stderr)) problems.push('the batch reported an internal error of its own');
  const manifest = readFileSync(join(dir, 'out/manifest.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const seen = new Set(manifest.map((e) => e.path));
  const missing = cases.filter((c) => !seen.has(`in/${c.name}`));
  if (missing.length) problems.push(`${missing.length} cases have no manifest line (${missing.slice(0, 3).map((c) => c.name).join(', ')}…)`);
  const byKind: Record<string, Record<string, number>> = {};
  const findings: { path: string; kind: string; error: string; ms: number }[] = [];
  let slowest = { ms: 0, path: '' };
  for (const e of manifest) {
    const kind = /case-\d+-([a-z-]+)\./.exec(e.path)?.[1] ?? '?';
    const tag = e.status === 'error' ? `error:${e.errorKind}` : e.status;
    (byKind[kind] ??= {})[tag] = (byKind[kind][tag] ?? 0) + 1;
    if (e.ms > slowest.ms) slowest = { ms: e.ms, path: e.path };
    if (e.ms > TIMEOUT * 1000 + 50) problems.push(`${e.path}: ${e.ms} ms`);
    if (e.status === 'error') {
      if (!e.error) problems.push(`${e.path}: failed without a message`);
      if (e.errorKind !== 'input') findings.push({ path: e.path, kind: e.errorKind, error: e.error, ms: e.ms });
    } else {
      try {
        ResultSchema.parse(JSON.parse(readFileSync(join(dir, 'out', e.output), 'utf8')));
      } catch (x) {
        problems.push(`${e.path}: result does not validate: ${(x as Error).message.slice(0, 200)}`);
      }
    }
  }
  const strays = walk(join(dir, 'out')).filter((f) => f !== 'manifest.ndjson' && !f.endsWith('.json'));
  if (strays.length) problems.push(`stray files in the output: ${strays.slice(0, 5).join(', ')}`);

  process.stdout.write(`\nfuzz: ${CASES} cases, seed ${SEED}, ${seconds.toFixed(1)} s (${(CASES / seconds).toFixed(1)} files/s); slowest ${slowest.ms} ms (${slowest.path})\n`);
  for (const [kind, counts] of Object.entries(byKind).sort()) {
    process.stdout.write(`  ${kind.padEnd(18)} ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  }
  if (findings.length) {
    const keep = join(ROOT, '.bench/fuzz-findings');
    mkdirSync(keep, { recursive: true });
    process.stdout.write(`\n${findings.length} timeouts, crashes or internal errors (copied to ${keep}):\n`);
    for (const f of findings) {
      copyFileSync(join(dir, f.path), join(keep, f.path.split('/').pop()!));
      process.stdout.write(`  ${f.path}: ${f.kind}: ${f.error}\n`);
    }
  }
  if (problems.length) {
    process.stdout.write(`\nFAILED: ${problems.length} problem(s) with the batch itself:\n${problems.slice(0, 50).map((p) => `  ${p}`).join('\n')}\n`);
    process.exitCode = 1;
  } else {
    process.stdout.write('\nOK: no crash, nothing over the timeout, every failure in the manifest.\n');
  }
  if (!KEEP) rmSync(dir, { recursive: true, force: true });
  else process.stdout.write(`cases and outputs kept in ${dir}\n`);
}

main().catch((e) => {
  process.stderr.write(`fuzz: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
