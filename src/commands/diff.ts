import { Command, Option } from 'commander';
import { supportsColor } from 'chalk';
import { UsageError } from '../errors.js';
import { writeFileAtomic } from '../cli/output.js';
import { CHANGE_KINDS, DEFAULT_THRESHOLD, DIFF_FORMATS, type ChangeKind, type DiffFormat } from '../diff/options.js';

// Registration stays light; the diff engine (jieba, zod) loads when the command runs.

interface DiffCliOptions {
  format: DiffFormat;
  output?: string;
  failOn?: string;
  threshold: string;
  context: string;
  color?: boolean;
  compact?: boolean;
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('compare two versions of a plan: tasks added, removed, moved, changed (text, units, deadline, targets)')
    .argument('<old>', 'the old version: a document (.txt .docx .pdf .html .doc) or a result JSON file; - for stdin')
    .argument('<new>', 'the new version, likewise')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...DIFF_FORMATS]).default('text'))
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
    .option('--fail-on <kinds>', `exit 1 only for these kinds of change (comma-separated: ${CHANGE_KINDS.join(',')})`)
    .option('--threshold <score>', 'minimum similarity (0–1) for two tasks to be the same task', String(DEFAULT_THRESHOLD))
    .option('--context <chars>', 'unchanged characters shown around each text change (-1: the whole text)', '20')
    .option('--color', 'colour the text output even when not writing to a terminal')
    .option('--no-color', 'no colour (also: NO_COLOR set, or output not a terminal)')
    .option('--compact', 'JSON on one line')
    .addHelpText('after', `
Each side may be a source document (parsed first) or a JSON result of \`policy-parse parse\`
(validated against the result schema). Tasks are aligned by content (TF-IDF cosine over jieba
words; number, section and neighbours are hints), so renumbered and reordered tasks are found.

Exit codes: 0 no differences, 1 differences (of the --fail-on kinds, when given), 2 unreadable
input or bad usage.

Examples:
  policy-parse diff draft.docx final.pdf
  policy-parse diff 2023.json 2024.json --format json > changes.json
  policy-parse diff old.txt new.txt --format markdown > report.md
  policy-parse diff old.txt new.txt --fail-on deadline,units,removed`)
    .action(async (oldFile: string, newFile: string, opts: DiffCliOptions) => {
      const failOn = parseFailOn(opts.failOn);
      const threshold = parseNumber(opts.threshold, '--threshold', 0, 1);
      const context = Math.trunc(parseNumber(opts.context, '--context', -1, Number.MAX_SAFE_INTEGER));
      if (oldFile === '-' && newFile === '-') throw new UsageError('only one of OLD and NEW can be - (stdin)');
      const { diffExitCode, diffResults, loadSide, renderDiff } = await import('../diff/index.js');
      const a = await loadSide(oldFile);
      const b = await loadSide(newFile);
      const diff = diffResults(a.result, b.result, {
        threshold,
        old: { path: a.path, input: a.input },
        new: { path: b.path, input: b.input },
      });
      const out = renderDiff(diff, opts.format, {
        color: opts.format === 'text' ? colorLevel(opts.color, !!opts.output) : 0,
        context,
        compact: !!opts.compact,
      });
      if (opts.output) await writeFileAtomic(opts.output, out);
      else process.stdout.write(out);
      process.exitCode = diffExitCode(diff, failOn);
    });
}

/** `--fail-on a,b` → kinds; unknown kinds are a usage error. */
export function parseFailOn(value: string | undefined): ChangeKind[] | undefined {
  if (value === undefined) return undefined;
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  const bad = kinds.filter((k) => !(CHANGE_KINDS as readonly string[]).includes(k));
  if (bad.length || kinds.length === 0) {
    throw new UsageError(`--fail-on: unknown kind${bad.length === 1 ? '' : 's'} ${bad.length ? bad.map((k) => `"${k}"`).join(', ') : '(empty)'} (expected a comma-separated list of: ${CHANGE_KINDS.join(', ')})`);
  }
  return kinds as ChangeKind[];
}

function parseNumber(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max) {
    throw new UsageError(`${flag}: expected a number${max === 1 ? ' between 0 and 1' : ` ≥ ${min}`}, got "${value}"`);
  }
  return n;
}

/** --color forces, --no-color / NO_COLOR / not a terminal (or writing a file) turn colour off. */
export function colorLevel(flag: boolean | undefined, toFile: boolean): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  const detected = supportsColor ? supportsColor.level : 0;
  if (flag === true) return detected || 1;
  if (toFile || !process.stdout.isTTY) return 0;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return 0;
  return detected;
}
