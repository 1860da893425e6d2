import type { Command } from 'commander';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the result (generated from the zod schema)')
    .option('--diff', 'print the JSON Schema of `diff --format json` instead')
    .action(async (opts: { diff?: boolean }) => {
      if (opts.diff) {
        const { diffJsonSchema } = await import('../diff/schema.js');
        process.stdout.write(`${JSON.stringify(diffJsonSchema(), null, 2)}\n`);
        return;
      }
      const { resultJsonSchema } = await import('../result/schema.js');
      process.stdout.write(`${JSON.stringify(resultJsonSchema(), null, 2)}\n`);
    });
}
