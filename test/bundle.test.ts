import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// The built command-line bundle (npm test builds it first). A reader's library must load when a
// document of its format needs it, not when the tool or a batch worker starts: a .txt parse never
// pays for pdf.js, and a worker that only sees .txt files holds no mammoth or cheerio.

const BUNDLE = resolve(__dirname, '..', 'dist', 'bundle');
// At a line's start, as esbuild writes a module-level import (ES module) or require (CommonJS).
// (esbuild renames a module's own `require` from createRequire to require2, require3…)
const LIBRARIES = /^(?:import .* from |var \w+ = (?:__toESM\()?require\d*\(|require\d*\()["'](?:mammoth|cheerio|pdf-parse|word-extractor|better-sqlite3|csv-stringify|cli-progress)["']/m;

describe('the bundle', () => {
  it('main.cjs requires no reader or export library at its top level', () => {
    const main = readFileSync(join(BUNDLE, 'main.cjs'), 'utf8');
    expect(main).toMatch(/require\d*\("mammoth"\)/); // inside a function, run when a document needs it
    expect(main).not.toMatch(LIBRARIES);
  });

  it('the batch worker imports no reader or export library at its top level', () => {
    const worker = readFileSync(join(BUNDLE, 'worker.js'), 'utf8');
    expect(worker).toMatch(/^import .* from "node:worker_threads"/m);
    expect(worker).not.toMatch(LIBRARIES);
  });
});
