import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// The CLIs the tests start keep their code cache here, not in the user's own cache folder.
const cacheDir = mkdtempSync(join(tmpdir(), 'policy-parse-test-cache-'));
process.on('exit', () => rmSync(cacheDir, { recursive: true, force: true }));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { POLICY_PARSE_CACHE_DIR: cacheDir },
  },
});
