import { Command, InvalidArgumentError, Option } from 'commander';
import chalk from 'chalk';
import { toolVersion } from '../version.js';
import { InputError, UsageError } from '../errors.js';
import { readStdin, writeFileAtomic } from '../cli/output.js';
import type { Levels } from '../lint/config.js';
import type { FileFailure, FileOutcome } from '../lint/format/index.js';
import { CONFIG_FILE, VALIDATE_FORMATS, type ValidateFormat } from '../lint/options.js';
import type { RuleLevel } from '../lint/types.js';

// Registration stays light: the rules, the parser and zod load when the command runs.

// `policy-parse validate FILE…`: a CI gate. Documents are parsed, result JSON files are checked
// against the schema, then both are linted. Exit 0 no errors, 1 errors (or too many warnings),
// 2 bad usage or an unreadable file (the other files are still checked and reported).


interface ValidateOpts {
  format: ValidateFormat;
  rule: string[];
  config?: string;
  maxWarnings?: number;
  color: boolean;
  output?: string;
  listRules?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function nonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidArgumentError('expected a whole number ≥ 0');
  return Number(value);
}

export const EXIT_CODES_HELP = `Exit codes:
  0  no errors (warnings and info findings do not fail the run)
  1  errors found, or more warnings than --max-warnings N
  2  bad usage (unknown option or rule, bad config file) or a file that cannot be read
     or parsed (the other files are still checked and reported)`;

async function rulesHelp(): Promise<string> {
  const { RULES } = await import('../lint/rules/index.js');
  const width = Math.max(...RULES.map((r) => r.id.length));
  return RULES.map((r) => `  ${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.description}`).join('\n');
}

/** chalk level for text output: none with --no-color, NO_COLOR, -o, or when stdout is not a terminal (unless FORCE_COLOR). */
export function colorLevel(opts: { color: boolean; output?: string }, env = process.env, isTTY = !!process.stdout.isTTY): 0 | 1 | 2 | 3 {
  if (!opts.color || opts.output) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const forced = env.FORCE_COLOR !== undefined && !['0', 'false'].includes(env.FORCE_COLOR);
  if (!isTTY && !forced) return 0;
  return (chalk.level || 1) as 1 | 2 | 3;
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check documents or result JSON files: schema, then lint rules (a CI gate)')
    .argument('[files...]', 'documents (.txt .docx .pdf .html .doc) and/or result JSON files (.json, or text starting with "{"); - for stdin')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...VALIDATE_FORMATS]).default('text'))
    .option('--rule <id=level>', 'set a rule\'s level: off, info, warning or error (repeatable)', collect, [])
    .option('-c, --config <file>', `config file (default: ./${CONFIG_FILE} when present)`)
    .option('--max-warnings <n>', 'exit 1 when there are more than N warnings in all', nonNegativeInt)
    .option('--no-color', 'no colours in text output (also NO_COLOR, or when stdout is not a terminal)')
    .option('-o, --output <file>', 'write the report to this file instead of stdout')
    .option('--list-rules', 'list the rules with their default levels and exit')
    .addHelpText('after', `
Rules: \`policy-parse validate --list-rules\` lists them with their default levels
  (result JSON files are first checked against the result schema; a failure names the JSON path,
   e.g. tasks[12].deadline.due, and the file is not linted further)

Config file (${CONFIG_FILE} in the current directory, or --config FILE):
  { "rules": { "task-without-deadline": "off", "unit-alias": "error" } }
--rule options override the config file.

${EXIT_CODES_HELP}

Examples:
  policy-parse validate plan.docx
  policy-parse validate results/*.json --max-warnings 0
  policy-parse validate plan.pdf --rule task-without-deadline=off --rule unit-alias=error
  policy-parse validate plans/* --format github
  policy-parse validate plans/* --format sarif -o policy-parse.sarif`)
    .action(async (files: string[], opts: ValidateOpts) => {
      if (opts.listRules) {
        process.stdout.write((await rulesHelp()) + '\n');
        return;
      }
      if (!files.length) throw new UsageError('validate: missing FILE (run with --help for usage)');
      if (files.filter((f) => f === '-').length > 1) throw new UsageError('validate: stdin (-) can be given only once');

      const { loadConfig, parseRuleSpec, resolveLevels } = await import('../lint/config.js');
      const { validateFile } = await import('../lint/validateFile.js');
      const { formatReports } = await import('../lint/format/index.js');
      const cli: Levels = new Map<string, RuleLevel>(opts.rule.map((spec) => parseRuleSpec(spec)));
      const config = await loadConfig(opts.config);
      const levels = resolveLevels([config.levels, cli]);

      const outcomes: FileOutcome[] = [];
      for (const file of files) {
        try {
          outcomes.push(await validateFile(file, { levels, stdin: readStdin }));
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          process.stderr.write(`policy-parse: ${e.message}\n`);
          outcomes.push({ file, error: e.reason });
        }
      }

      const out = formatReports(outcomes, opts.format, { colorLevel: colorLevel(opts), levels, toolVersion: toolVersion() });
      if (opts.output) await writeFileAtomic(opts.output, out);
      else process.stdout.write(out);

      process.exitCode = exitCode(outcomes, opts.maxWarnings);
    });
}

/** 2 when a file could not be read, else 1 when there are errors or more warnings than allowed, else 0. */
export function exitCode(outcomes: FileOutcome[], maxWarnings?: number): number {
  if (outcomes.some(isFailure)) return 2;
  let errors = 0;
  let warnings = 0;
  for (const o of outcomes) {
    if (isFailure(o)) continue;
    errors += o.counts.error;
    warnings += o.counts.warning;
  }
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  return 0;
}

const isFailure = (o: FileOutcome): o is FileFailure => 'error' in o;
