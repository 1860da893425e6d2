import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, type Result, type Section, type Task } from '../src/index.js';
import { diffResults } from '../src/diff/diff.js';
import { renderDiff } from '../src/diff/render.js';
import { loadSegmenter } from '../src/extract/segment.js';

// npx tsc -p tsconfig.json && node dist/scripts/bench-diff.js [--runs N] [--tasks N] [--no-cli] [--json]
//
// Diffs two synthetic 200-task plans built from the seeds' parsed tasks: plan B is plan A with
// tasks deleted, added, moved, renumbered, deadlines moved, units swapped, targets raised and
// text reworded. Times diffResults + text rendering in-process (jieba dictionary loaded
// beforehand; its load time is reported apart), and the whole CLI on the two JSON files.

const root = resolve(new URL('../..', import.meta.url).pathname);
const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const k = args.indexOf(name);
  return k >= 0 ? Number(args[k + 1]) : fallback;
};
const RUNS = flag('--runs', 21);
const TASKS = flag('--tasks', 200);
const CLI = !args.includes('--no-cli');
const JSON_OUT = args.includes('--json');

/** Deterministic PRNG (LCG) so every run diffs the same plans. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const ms = (x: number) => Math.round(x * 10) / 10;

async function seedTasks(): Promise<Task[][]> {
  const dir = join(root, 'fixtures/seeds');
  const out: Task[][] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const r = await parse(join(dir, f));
    out.push(r.tasks.filter((t) => t.text.length >= 20));
  }
  return out;
}

/** A plan of `n` tasks in n/20 sections, tasks taken round-robin from the seeds. */
function makePlan(pool: Task[], n: number, sha: string): Result {
  const perSection = 20;
  const sectionCount = Math.ceil(n / perSection);
  const cn = '一二三四五六七八九十';
  const sections: Section[] = Array.from({ length: sectionCount }, (_, k) => ({
    id: `s${k + 1}`, level: 1, marker: `（${k < 10 ? cn[k] : `十${cn[k - 10] ?? ''}`}）`,
    heading: `重点任务第${k + 1}组`, line: 1 + k * (perSection + 1), parentId: null,
  }));
  const tasks = pool.slice(0, n).map((t, k): Task => ({
    ...structuredClone(t),
    id: `t${k + 1}`, number: String(k + 1), sectionId: `s${Math.floor(k / perSection) + 1}`,
    origin: { kind: t.origin.kind, line: 2 + k + Math.floor(k / perSection) },
  }));
  return {
    schemaVersion: '1.0',
    source: { path: `plan-${sha}.txt`, format: 'txt', sha256: sha.repeat(64).slice(0, 64), encoding: 'utf-8' },
    document: { title: '综合实施方案（合成）', docNumber: null, issuer: null, issuedDate: null, recipients: [], year: 2025 },
    sections, tasks, warnings: [],
  };
}

/** Plan B: plan A edited — counts are per 200 tasks. */
function editPlan(a: Result, spare: Task[], random: () => number): Result {
  const b = structuredClone(a);
  b.source = { ...b.source, path: 'plan-b.txt', sha256: 'b'.repeat(64) };
  const pick = () => Math.floor(random() * b.tasks.length);
  const scale = Math.max(1, Math.round(a.tasks.length / 20));
  for (let k = 0; k < scale; k++) b.tasks.splice(pick(), 1); // deleted
  for (let k = 0; k < scale; k++) { // moved
    const [t] = b.tasks.splice(pick(), 1);
    b.tasks.splice(pick(), 0, t);
  }
  for (let k = 0; k < scale && k < spare.length; k++) { // added
    b.tasks.splice(pick(), 0, { ...structuredClone(spare[k]), id: `n${k}`, sectionId: null });
  }
  for (let k = 0; k < scale; k++) { // deadline moved
    const t = b.tasks[pick()];
    t.deadline = { raw: '2026年6月底前', due: '2026-06-30', ongoing: false, precision: 'month' };
  }
  for (let k = 0; k < scale; k++) { // unit swapped
    const t = b.tasks[pick()];
    if (t.units.length) t.units[0] = { ...t.units[0], name: `${t.units[0].name}（新）` };
  }
  for (let k = 0; k < scale; k++) { // target raised / added
    const t = b.tasks[pick()];
    if (t.targets.length) t.targets[0] = { ...t.targets[0], value: t.targets[0].value + 1 };
    else t.targets.push({ raw: '5个以上', metric: '示范项目', comparator: '>=', value: 5, valueMax: null, unit: '个' });
  }
  for (let k = 0; k < scale; k++) { // text reworded
    const t = b.tasks[pick()];
    t.text = t.text.replace(/。/, '，切实抓好落实。').replace(/加强/, '进一步加强');
  }
  // Renumber, and keep each task in the section of its new position.
  b.tasks.forEach((t, k) => {
    t.id = `t${k + 1}`;
    t.number = String(k + 1);
    t.sectionId = `s${Math.min(b.sections.length, Math.floor(k / 20) + 1)}`;
    t.origin = { ...t.origin, line: 2 + k + Math.floor(k / 20) };
  });
  return b;
}

async function main() {
  // The dictionary first, so its load is timed (parsing the seeds would load it anyway).
  const t0 = performance.now();
  loadSegmenter();
  const loadMs = performance.now() - t0;

  const seeds = await seedTasks();
  // Round-robin over the seeds so the plan mixes documents (and their vocabularies).
  const pool: Task[] = [];
  for (let k = 0; pool.length < seeds.reduce((s, x) => s + x.length, 0); k++) {
    for (const s of seeds) if (k < s.length) pool.push(s[k]);
  }
  if (pool.length < TASKS + 20) throw new Error(`only ${pool.length} seed tasks for a ${TASKS}-task plan`);
  const a = makePlan(pool, TASKS, 'a');
  const b = editPlan(a, pool.slice(TASKS), rng(2025));

  const t1 = performance.now();
  const first = diffResults(a, b);
  const firstMs = performance.now() - t1;

  const times: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < RUNS; k++) {
    const start = performance.now();
    const c0 = process.cpuUsage();
    const d = diffResults(a, b);
    renderDiff(d, 'text');
    const c1 = process.cpuUsage(c0);
    times.push(performance.now() - start);
    cpu.push((c1.user + c1.system) / 1000);
  }

  let cliTimes: number[] = [];
  const baseTimes: number[] = [];
  if (CLI) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-diff-'));
    try {
      const fa = join(dir, 'a.json'), fb = join(dir, 'b.json');
      writeFileSync(fa, JSON.stringify(a));
      writeFileSync(fb, JSON.stringify(b));
      for (let k = 0; k < Math.min(RUNS, 7); k++) {
        const start = performance.now();
        const r = spawnSync(process.execPath, [join(root, 'bin/policy-parse.cjs'), 'diff', fa, fb, '--format', 'json'], { encoding: 'utf8' });
        cliTimes.push(performance.now() - start);
        if (r.status !== 1) throw new Error(`CLI exited ${r.status}: ${r.stderr}`);
        // Baseline: the same process doing nothing (node start-up and module loading).
        const s2 = performance.now();
        spawnSync(process.execPath, [join(root, 'bin/policy-parse.cjs'), '--version'], { encoding: 'utf8' });
        baseTimes.push(performance.now() - s2);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const report = {
    tasks: [a.tasks.length, b.tasks.length],
    runs: RUNS,
    medianMs: ms(median(times)),
    minMs: ms(Math.min(...times)),
    maxMs: ms(Math.max(...times)),
    cpuMedianMs: ms(median(cpu)),
    firstRunMs: ms(firstMs),
    segmenterLoadMs: ms(loadMs),
    cliMedianMs: cliTimes.length ? ms(median(cliTimes)) : null,
    cliRuns: cliTimes.length,
    cliVersionMedianMs: baseTimes.length ? ms(median(baseTimes)) : null,
    summary: first.summary,
    node: process.version,
  };
  if (JSON_OUT) {
    console.log(JSON.stringify(report, null, 2));
    return;
  }
  console.log(`diff of two plans (${report.tasks.join(' and ')} tasks), ${RUNS} runs, diff + text rendering in-process:`);
  console.log(`  median ${report.medianMs} ms wall (min ${report.minMs}, max ${report.maxMs}), median CPU time ${report.cpuMedianMs} ms`);
  console.log(`  first run ${report.firstRunMs} ms (JIT warm-up); jieba dictionary load ${report.segmenterLoadMs} ms (once per process)`);
  if (report.cliMedianMs !== null) {
    console.log(`  whole CLI on the two result JSON files (node start-up, dictionary load, diff, output): median ${report.cliMedianMs} ms over ${report.cliRuns} runs`);
    console.log(`  (baseline \`policy-parse --version\`: median ${report.cliVersionMedianMs} ms)`);
  }
  const s = first.summary;
  console.log(`  found: ${s.added} added, ${s.removed} removed, ${s.moved} moved/renumbered, ${s.changed} changed (text ${s.text}, units ${s.units}, deadline ${s.deadline}, targets ${s.targets}), ${s.unchanged} unchanged`);
}

await main();
