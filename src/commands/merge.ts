import type { Command } from 'commander';

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description('join the output directories of several batch runs (shards) into one')
    .argument('<dirs...>', 'batch output directories (each with a manifest.ndjson)')
    .requiredOption('-o, --out <dir>', 'the merged output directory (may already hold a merge: it is extended)')
    .option('-q, --quiet', 'no summary')
    .addHelpText('after', `
Result files are copied, manifests joined (one line per input; the most recent entry wins),
and DIR/policy-tasks.sqlite databases merged document by document.

Exit codes: 0 merged, 1 some result files were missing or could not be copied, 2 bad usage.

Example:
  policy-parse merge shard-1/ shard-2/ shard-3/ --out all/`)
    .action(async (dirs: string[], opts: { out: string; quiet?: boolean }) => {
      const { runMerge } = await import('../batch/merge.js');
      const summary = await runMerge({ dirs, out: opts.out, quiet: !!opts.quiet });
      process.exitCode = summary.exitCode;
    });
}
