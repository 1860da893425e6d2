import type { Command } from 'commander';
import { resultJsonSchema } from '../result/schema.js';

export function registerSchema(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of the result (generated from the zod schema)')
    .action(() => {
      process.stdout.write(`${JSON.stringify(resultJsonSchema(), null, 2)}\n`);
    });
}
