import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import vm from 'node:vm';
import { fnv1a } from '../extract/lazyDictionary.js';
import { LENT_IMPORT } from '../importExternal.js';

// Runs the bundled tool (one CommonJS file) with V8's code cache. Node 20 has no compile cache
// (module.enableCompileCache is 22.1+), so a one-file parse compiled the tool's code anew on every
// run: ~50 ms of its ~180 ms. The first successful run of a command writes the bytecode V8 compiled
// for it; later runs of that command load it instead (measured in docs/batch.md). The cache holds
// compiled code only, never a document or a result.
//
// The cache lives in the user's own cache directory, not in the shared temporary directory: code
// read from it is run, so nobody else may be able to write there.

/** Commands with a cache of their own: each compiles different parts of the tool. */
export const CACHED_COMMANDS = ['parse', 'validate', 'diff', 'batch', 'merge', 'units', 'schema'] as const;

/**
 * Where the cache goes: POLICY_PARSE_CACHE_DIR (empty: no cache), off with Node's own
 * NODE_DISABLE_COMPILE_CACHE, else the platform's per-user cache folder. null: no cache.
 */
export function cacheDirectory(
  env: NodeJS.ProcessEnv = process.env, platform: string = process.platform, home: () => string = homedir,
): string | null {
  if (env.POLICY_PARSE_CACHE_DIR !== undefined) return env.POLICY_PARSE_CACHE_DIR || null;
  if (env.NODE_DISABLE_COMPILE_CACHE) return null;
  try {
    if (platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'policy-parse', 'Cache') : null;
    if (platform === 'darwin') return join(home(), 'Library', 'Caches', 'policy-parse');
    return join(env.XDG_CACHE_HOME || join(home(), '.cache'), 'policy-parse');
  } catch {
    return null; // no home directory
  }
}

export interface CacheUse {
  /** Which command's cache to read. */
  variant: string;
  /** Whether this run may write it: a run that only prints help or the version compiles too little. */
  write: boolean;
}

/** The command a command line runs (`policy-parse FILE` is parse) and whether its run may write the cache. */
export function cacheUseFor(args: readonly string[]): CacheUse {
  const first = args.find((a) => !a.startsWith('-'));
  const variant = (CACHED_COMMANDS as readonly string[]).includes(first ?? '') ? first! : 'parse';
  const helpOnly = first === undefined || first === 'help' || args.some((a) => ['-h', '--help', '-V', '--version'].includes(a));
  return { variant, write: !helpOnly };
}

/**
 * The cache file's name. V8 checks its own version and flags but, of the source, only the length,
 * so the name carries the bundle's size and modification time: a rebuilt or upgraded tool never
 * runs bytecode compiled from another build. Node's version and flags are in it too, so runs with
 * other flags (`node --single-threaded`) keep caches of their own instead of replacing each other's.
 */
function cacheFileName(build: string, variant: string): string {
  return `${build}-${fnv1a(process.execArgv.join('\0')).toString(36)}-${variant}.v8cache`;
}

/** What identifies one build of `file` under one Node: the part of the name caches of other builds lack. */
function buildStamp(file: string, size: number, mtimeMs: number): string {
  return `${nodeStamp(file)}${size}-${Math.trunc(mtimeMs)}`;
}

function nodeStamp(file: string): string {
  return `${basename(file)}-${process.version}-${process.arch}-`;
}

/** Exit codes after which the run went through its command (0 ok, 1 findings or failed files). */
const COMPLETED = new Set([0, 1]);

/** Load and run a CommonJS file as Node would, with its compiled code cached in `cacheDir`. */
export function runWithCodeCache(file: string, cacheDir: string | null, use: CacheUse): void {
  const source = readFileSync(file, 'utf8');
  let cachePath: string | null = null;
  let build = '';
  let cachedData: Buffer | undefined;
  if (cacheDir !== null) {
    const { size, mtimeMs } = statSync(file);
    build = buildStamp(file, size, mtimeMs);
    cachePath = join(cacheDir, cacheFileName(build, use.variant));
    try {
      cachedData = readFileSync(cachePath);
    } catch { /* none yet */ }
  }
  // Node's own CommonJS wrapper: the code starts on line 1, so stack traces keep their lines.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    cachedData,
  });
  // The bundle's import()s cannot work inside the script (see importExternal.ts); this module is
  // loaded by Node itself, so its import() resolves from next to the bundle.
  (globalThis as { [LENT_IMPORT]?: (specifier: string) => Promise<unknown> })[LENT_IMPORT] = (specifier) => import(specifier);
  if (cachePath !== null && use.write && (cachedData === undefined || script.cachedDataRejected)) {
    const path = cachePath;
    // At exit, so the cache holds what the command compiled while it ran, not just the top level.
    process.once('exit', (code) => { if (COMPLETED.has(code)) saveCache(script, path, nodeStamp(file), build); });
  }
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file));
}

/**
 * Write atomically (several runs may race) and drop the caches of older builds under this Node
 * (those of other Node versions stay: people switch between them); never fail the run.
 */
function saveCache(script: vm.Script, path: string, sameNode: string, build: string): void {
  const dir = dirname(path);
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
    renameSync(temp, path);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(sameNode) && name.endsWith('.v8cache') && !name.startsWith(`${build}-`)) unlinkSync(join(dir, name));
    }
  } catch {
    // An unwritable cache only costs speed.
    try {
      unlinkSync(temp);
    } catch { /* never written */ }
  }
}
