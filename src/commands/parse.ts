import { Command, Option } from 'commander';
import { stat } from 'node:fs/promises';
import { InputError, UsageError } from '../errors.js';
import { readStdin, writeFileAtomic } from '../cli/output.js';
import type { Result } from '../result/schema.js';

import { RESULT_FORMATS, type ResultFormat } from '../render/formats.js';

// Registration stays light: the parser (and zod) load only when the command runs.

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('parse one document into tasks (the default command: `policy-parse FILE`)')
    .argument('<file>', 'a .txt, .docx, .pdf, .html or .doc file, or - for stdin')
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
    .addOption(new Option('-f, --format <format>', 'output format (sqlite: a database file, needs -o)').choices([...RESULT_FORMATS, 'sqlite']).default('json'))
    .option('--compact', 'JSON on one line')
    .addHelpText('after', `
Exit codes: 0 parsed (also when no tasks were found: see "warnings"), 2 unreadable input or bad usage.

Examples:
  policy-parse plan.docx > tasks.json
  policy-parse parse plan.pdf -o tasks.json
  policy-parse parse plan.docx -f sqlite -o plans.sqlite   # appends; a re-run replaces the document's rows
  cat plan.txt | policy-parse -`)
    .action(async (file: string, opts: { output?: string; format: ResultFormat | 'sqlite'; compact?: boolean }) => {
      if (opts.format === 'sqlite' && !opts.output) throw new UsageError('--format sqlite writes a database file: give it with -o FILE');
      const result = await parseFileOrStdin(file);
      if (opts.format === 'sqlite') {
        // Adds the document to the database (or replaces its rows when it is already there).
        const { writeSqliteFile } = await import('../render/sqlite.js');
        const { toolVersion } = await import('../version.js');
        await writeSqliteFile(opts.output!, result, { path: result.source.path ?? '-', toolVersion: toolVersion() });
        return;
      }
      const { renderResult } = await import('../render/index.js');
      const out = await renderResult(result, opts.format, { compact: !!opts.compact });
      if (opts.output) await writeFileAtomic(opts.output, out);
      else process.stdout.write(out);
    });
}

/** Parse a path, or stdin for "-". */
export async function parseFileOrStdin(file: string): Promise<Result> {
  const { parse, readInputFile } = await import('../index.js');
  if (file === '-') {
    const bytes = await readStdin();
    return parse(bytes, { path: null }).catch(rename('-'));
  }
  const st = await stat(file).catch(() => null);
  if (st?.isDirectory()) throw new InputError(file, 'is a directory, not a file');
  const bytes = await readInputFile(file);
  return parse(bytes, { path: file });
}

const rename = (name: string) => (e: unknown) => {
  if (e instanceof InputError && e.file !== name) throw new InputError(name, e.reason);
  throw e;
};
