import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from '../src/index.js';
import { fileSummary, scoreFile, summarize, type Expected, type FileScore, type Summary } from './eval-lib.js';

// npm run eval [-- --verbose] : parser vs. the hand-checked expected files.

const root = resolve(new URL('../..', import.meta.url).pathname);
const verbose = process.argv.includes('--verbose') || process.argv.includes('-v');
const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));

const dir = join(root, 'fixtures/expected');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const bySet = new Map<string, FileScore[]>();
const cols = ['task P', 'task R', 'unit F1', 'lead', 'deadline', 'target F1', 'meta', 'title'];
const row = (name: string, s: Summary) => [name.padEnd(44), ...[s.taskPrecision, s.taskRecall, s.unitF1, s.leadAccuracy, s.deadlineAccuracy, s.targetF1, s.metadataAccuracy, s.titleAccuracy].map((v) => v.toFixed(3).padStart(9))].join('');

console.log(['file'.padEnd(44), ...cols.map((c) => c.padStart(9))].join(''));
for (const f of files) {
  const expected = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Expected;
  if (only.length && !only.some((o) => f.includes(o))) continue;
  let result;
  try {
    result = await parse(join(root, 'fixtures', expected.fixture), { path: expected.fixture });
  } catch (e) {
    console.log(`${f.replace(/\.json$/, '').padEnd(44)} cannot parse: ${(e as Error).message}`);
    continue;
  }
  const score = scoreFile(expected, result);
  // seeds: the design set; corpus: the second expected set; holdout: never used to tune the parser.
  const set = expected.fixture.split('/')[0];
  bySet.set(set, [...(bySet.get(set) ?? []), score]);
  console.log(row(f.replace(/\.json$/, ''), fileSummary(score)));
  if (verbose) for (const m of score.mismatches) console.log(`    ${m}`);
}
console.log('');
for (const [set, scores] of bySet) console.log(row(`ALL ${set} (${scores.length} files)`, summarize(scores)));
console.log('\nExtractors alone, on the expected phrases (parseDeadline on each expected deadline, findTargets on each expected text):');
for (const [set, scores] of bySet) {
  const s = summarize(scores);
  console.log(`  ${set.padEnd(8)} deadline accuracy ${s.deadlineAloneAccuracy.toFixed(3)}   target F1 ${s.targetAloneF1.toFixed(3)}`);
}
