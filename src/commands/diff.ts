import type { Command } from 'commander';

export function registerDiff(_program: Command): void {
  // Implemented in its own issue.
}
