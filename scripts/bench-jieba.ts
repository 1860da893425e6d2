// Benchmark of @node-rs/jieba as policy-parse uses it (src/extract/segment.ts): dictionary load
// time, cut and tag throughput, and resident memory.
//
//   npx tsc -p tsconfig.json && node dist/scripts/bench-jieba.js [--runs 7] [--json]
//
// Load time and memory are measured in fresh child processes (a module loads once per process),
// and the median of the runs is reported. nodejieba is not installed (see docs/extractors.md);
// its figures there are quoted from issue 3, not measured by this script.

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface LoadSample {
  /** require('@node-rs/jieba') and reading its dictionary file. */
  requireMs: number;
  /** Jieba.withDict(dict): building the prefix dictionary. */
  dictMs: number;
  /** loadDict(user dictionary from data/). */
  userDictMs: number;
  /** RSS after loading, MB. */
  rssMb: number;
  /** RSS of the same process before loading anything, MB. */
  baseRssMb: number;
}

const SELF = fileURLToPath(import.meta.url);

function packageRoot(): string {
  let dir = dirname(SELF);
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    dir = dirname(dir);
  }
  throw new Error('bench-jieba: package root (with data/) not found');
}

const mb = (bytes: number): number => bytes / 1024 / 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Child mode: load jieba the way segment.ts does and report the timings as JSON on stdout. */
function childLoad(root: string): void {
  const baseRssMb = mb(process.memoryUsage().rss);
  const require = createRequire(import.meta.url);
  const t0 = performance.now();
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const t1 = performance.now();
  const jieba = Jieba.withDict(dict);
  const t2 = performance.now();
  jieba.loadDict(readFileSync(join(root, 'data', 'jieba-user.dict')));
  const t3 = performance.now();
  jieba.cut('优化营商环境', true); // the first cut, so the instance is really usable
  const sample: LoadSample = {
    requireMs: t1 - t0, dictMs: t2 - t1, userDictMs: t3 - t2, rssMb: mb(process.memoryUsage().rss), baseRssMb,
  };
  process.stdout.write(JSON.stringify(sample));
}

/** The seed documents, concatenated: real policy text for the throughput runs. */
function sampleText(root: string): string {
  const dir = join(root, 'fixtures', 'seeds');
  if (!existsSync(dir)) return '各乡镇（街道）要深化“放管服”改革，持续优化营商环境，年内企业开办时间压缩至1个工作日。\n'.repeat(4000);
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

interface Throughput { mbPerS: number; charsPerS: number; msPerRun: number }

function throughput(runs: number, text: string, work: () => void): Throughput {
  work(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  return { msPerRun: ms, mbPerS: mb(Buffer.byteLength(text)) / (ms / 1000), charsPerS: text.length / (ms / 1000) };
}

function main(): void {
  const args = process.argv.slice(2);
  const root = packageRoot();
  if (args[0] === '--child') return childLoad(root);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 7) : 7;

  const samples: LoadSample[] = [];
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [SELF, '--child'], { encoding: 'utf8' });
    samples.push(JSON.parse(out) as LoadSample);
  }
  const load = {
    runs,
    requireMs: median(samples.map((s) => s.requireMs)),
    dictMs: median(samples.map((s) => s.dictMs)),
    userDictMs: median(samples.map((s) => s.userDictMs)),
    totalMs: median(samples.map((s) => s.requireMs + s.dictMs + s.userDictMs)),
    totalMinMs: Math.min(...samples.map((s) => s.requireMs + s.dictMs + s.userDictMs)),
    totalMaxMs: Math.max(...samples.map((s) => s.requireMs + s.dictMs + s.userDictMs)),
    rssMb: median(samples.map((s) => s.rssMb)),
    baseRssMb: median(samples.map((s) => s.baseRssMb)),
  };

  const require = createRequire(import.meta.url);
  const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(readFileSync(join(root, 'data', 'jieba-user.dict')));
  const text = sampleText(root);
  const cut = throughput(runs, text, () => jieba.cut(text, true));
  const cutNoHmm = throughput(runs, text, () => jieba.cut(text, false));
  const tag = throughput(runs, text, () => jieba.tag(text, false));
  const rssAfterWorkMb = mb(process.memoryUsage().rss);

  const result = {
    node: process.version, platform: `${process.platform}-${process.arch}`,
    jieba: (require('@node-rs/jieba/package.json') as { version: string }).version,
    textChars: text.length, textMb: mb(Buffer.byteLength(text)),
    load, cut, cutNoHmm, tag, rssAfterWorkMb,
  };
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const f = (n: number, d = 0) => n.toFixed(d);
  process.stdout.write([
    `@node-rs/jieba ${result.jieba} on Node ${result.node} (${result.platform}), median of ${runs} runs`,
    `load (fresh process): ${f(load.totalMs)} ms  [require+read ${f(load.requireMs)} ms, dictionary ${f(load.dictMs)} ms, user dictionary ${f(load.userDictMs, 1)} ms; range ${f(load.totalMinMs)}–${f(load.totalMaxMs)} ms]`,
    `RSS after load: ${f(load.rssMb)} MB (bare node process: ${f(load.baseRssMb)} MB)`,
    `cut (HMM on) of ${f(result.textMb, 2)} MB seed text: ${f(cut.msPerRun)} ms/run = ${f(cut.mbPerS, 2)} MB/s (${f(cut.charsPerS / 1e6, 2)} M chars/s)`,
    `cut (HMM off): ${f(cutNoHmm.msPerRun)} ms/run = ${f(cutNoHmm.mbPerS, 2)} MB/s`,
    `tag (HMM off, as targets.ts uses it): ${f(tag.msPerRun)} ms/run = ${f(tag.mbPerS, 2)} MB/s`,
    `RSS after the throughput runs: ${f(rssAfterWorkMb)} MB`,
    '',
  ].join('\n'));
}

main();
