import type { Command } from 'commander';

export function registerUnits(_program: Command): void {
  // Implemented in its own issue.
}
