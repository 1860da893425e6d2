import type { Command } from 'commander';

export function registerBatch(_program: Command): void {
  // Implemented in its own issue.
}
