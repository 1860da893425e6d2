import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/**
 * The tool's version from package.json, found by walking up from this module
 * (works from src/, dist/src/ and the bundle in dist/bundle/ alike).
 */
export function toolVersion(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'policy-parse' && pkg.version) return (cached = pkg.version);
    } catch { /* keep walking up */ }
    dir = dirname(dir);
  }
  return (cached = '0.0.0');
}
