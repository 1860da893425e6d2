import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The CLIs the tests start keep their code cache here, not in the user's own cache folder.
    env: { POLICY_PARSE_CACHE_DIR: mkdtempSync(join(tmpdir(), 'policy-parse-test-cache-')) },
  },
});
