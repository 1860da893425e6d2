import type { Command } from 'commander';
import { registerBatch } from '../commands/batch.js';
import { registerDiff } from '../commands/diff.js';
import { registerUnits } from '../commands/units.js';
import { registerValidate } from '../commands/validate.js';

// Each command lives in its own module under src/commands and registers itself here.
export function registerExtraCommands(program: Command): void {
  registerValidate(program);
  registerDiff(program);
  registerBatch(program);
  registerUnits(program);
}
