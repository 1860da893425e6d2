import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Everything the tests write goes under one folder, removed when the run ends: the
// tests' own temp folders (TMPDIR, which os.tmpdir() and the CLIs they start read)
// and the CLIs' code cache (not the user's own cache folder).
const root = mkdtempSync(join(tmpdir(), 'policy-parse-test-'));
const tmp = join(root, 'tmp');
const cacheDir = join(root, 'cache');
mkdirSync(tmp);
process.on('exit', () => rmSync(root, { recursive: true, force: true }));

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    env: { POLICY_PARSE_CACHE_DIR: cacheDir, TMPDIR: tmp, TMP: tmp, TEMP: tmp },
  },
});
