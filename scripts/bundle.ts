import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Part of `npm run build`: the command-line tool as a few bundled files (dist/bundle/), which
// bin/policy-parse runs. Node's ESM loader resolves, reads and compiles each of the ~250 modules of
// the tsc output, zod and commander one by one; bundled, a one-file parse starts ~60 ms sooner
// (see docs/batch.md). The tsc output in dist/src stays the library (`import 'policy-parse'`).
//
// Packages with native code, data files or workers of their own stay outside the bundle, loaded
// from node_modules when a command needs them; lazy imports stay lazy (code splitting).

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'dist', 'bundle');

const EXTERNAL = [
  '@node-rs/jieba', 'better-sqlite3', 'cheerio', 'cli-progress', 'csv-stringify', 'mammoth', 'pdf-parse', 'word-extractor',
];

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: [join(ROOT, 'src/cli/main.ts'), join(ROOT, 'src/batch/worker.ts')],
  outdir: OUT,
  entryNames: '[name]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  // commander is CommonJS and requires Node built-ins, which an ES module bundle can only do
  // through a require of its own.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
