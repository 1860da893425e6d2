import type { Command } from 'commander';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the result (generated from the zod schema)')
    .action(async () => {
      const { resultJsonSchema } = await import('../result/schema.js');
      process.stdout.write(`${JSON.stringify(resultJsonSchema(), null, 2)}\n`);
    });
}
