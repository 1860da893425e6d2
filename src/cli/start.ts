import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheDirectory, cacheUseFor, runWithCodeCache } from './codeCache.js';

// Entry of bin/policy-parse.cjs: runs the bundled tool (dist/bundle/main.cjs, next to this file
// once bundled) through V8's code cache.
runWithCodeCache(
  join(dirname(fileURLToPath(import.meta.url)), 'main.cjs'),
  cacheDirectory(),
  cacheUseFor(process.argv.slice(2)),
);
