import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Files shipped in the package's data/ folder. The module runs from src/extract (vitest, tsx) and
// from dist/src/extract (the built package), so the folder is found by walking up, not by a fixed
// number of "../".

/** Absolute path of data/NAME in the installed package. Throws when the file is missing. */
export function dataFile(name: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'data', name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`policy-parse: data file not found: data/${name}`);
}
