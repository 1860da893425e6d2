import { build, type BuildOptions } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Part of `npm run build`: the command-line tool as bundled files in dist/bundle/, which
// bin/policy-parse.cjs runs. The tsc output in dist/src stays the library (`import 'policy-parse'`).
//
// - main.cjs: the whole tool as one CommonJS file. Node 20's ES module loader resolves, links and
//   compiles module by module and has no compile cache; one CommonJS file, compiled through
//   vm.Script, can use V8's code cache (src/cli/codeCache.ts). Lazy imports stay lazy: esbuild
//   wraps each module so it is only evaluated when first needed.
// - start.cjs: the small entry that loads main.cjs with the cache.
// - worker.js and its chunks: the batch worker (an ES module; workers are long-lived, compile time
//   does not matter).
//
// Packages with native code, data files or workers of their own stay outside the bundle, loaded
// from node_modules when a command needs them.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT = join(ROOT, 'dist', 'bundle');

const EXTERNAL = [
  '@node-rs/jieba', 'better-sqlite3', 'cheerio', 'cli-progress', 'csv-stringify', 'mammoth', 'pdf-parse', 'word-extractor',
];

const common: BuildOptions = {
  bundle: true, platform: 'node', target: 'node20', external: EXTERNAL, logLevel: 'warning',
};

// A CommonJS bundle has no import.meta: the modules that find files next to themselves get the
// bundle's own URL instead.
const commonJs: BuildOptions = {
  ...common,
  format: 'cjs',
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

rmSync(OUT, { recursive: true, force: true });
await Promise.all([
  build({ ...commonJs, entryPoints: [join(ROOT, 'src/cli/main.ts')], outfile: join(OUT, 'main.cjs') }),
  build({ ...commonJs, entryPoints: [join(ROOT, 'src/cli/start.ts')], outfile: join(OUT, 'start.cjs') }),
  build({
    ...common,
    entryPoints: [join(ROOT, 'src/batch/worker.ts')],
    outdir: OUT,
    entryNames: '[name]',
    format: 'esm',
    // Split, so that a package a reader imports (mammoth, cheerio…) loads with that reader's chunk,
    // when a document needs it: in one ES module file it would be a top-level import (+16 MB per worker).
    splitting: true,
    // Bundled CommonJS code (commander's, zod's locales) requires Node built-ins, which an ES
    // module can only do through a require of its own.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  }),
]);
