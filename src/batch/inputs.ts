import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { globBase, globToRegExp, isGlob } from './glob.js';

/** One input file: how to name it (display, as the user gave it) and its path relative to the common base. */
export interface InputFile {
  /** The path as given (or as found under a given directory); recorded in the manifest and in `source.path`. */
  display: string;
  /** '/'-separated path relative to the common base of all inputs; the sort key and the output name. */
  rel: string;
}

export interface CollectOptions {
  operands: string[];
  /** Read more operands from this file, or '-' for stdin. */
  from?: string | null;
  /** The list is NUL-separated (find -print0). */
  nul?: boolean;
  /** Extensions (lower case, no dot) taken from directories and globs; null takes every file. */
  extensions: Set<string> | null;
  /** Real paths of directories never to walk into (the output directory). */
  skipDirs?: string[];
  stdin?: NodeJS.ReadableStream;
}

export interface Collected {
  files: InputFile[];
  /** The absolute common base directory the `rel` paths are relative to. */
  base: string;
  /** Problems met while walking (unreadable directories, symlink cycles): printed, and counted as failures. */
  problems: string[];
  /** Patterns that matched nothing. */
  unmatched: string[];
}

interface Found { display: string; abs: string }

/**
 * Expand operands (files, directories walked recursively, globs) and list
 * entries into a sorted, de-duplicated list of files. Only paths are held,
 * never contents. Directories and globs skip hidden names and Office lock
 * files (~$x.docx) and keep only the given extensions; files named explicitly
 * are always taken.
 */
export async function collectInputs(opts: CollectOptions): Promise<Collected> {
  const found: Found[] = [];
  const bases: string[] = [];
  const problems: string[] = [];
  const unmatched: string[] = [];
  const visited = new Set<string>();
  const skip = new Set(opts.skipDirs ?? []);

  const walk = async (dirDisplay: string, dirAbs: string, accept: (relInWalk: string) => boolean, relPrefix: string, maxDepth: number) => {
    let real: string;
    try {
      real = await realpath(dirAbs);
    } catch (e) {
      problems.push(`${dirDisplay}: ${errReason(e)}`);
      return;
    }
    if (relPrefix && skip.has(real)) return; // the output directory inside an input directory
    if (visited.has(real)) return; // a symlink back into the tree: walk each real directory once
    visited.add(real);
    let names: string[];
    try {
      names = (await readdir(dirAbs)).sort(compare);
    } catch (e) {
      problems.push(`${dirDisplay}: ${errReason(e)}`);
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name.startsWith('~$')) continue;
      const abs = join(dirAbs, name);
      const display = dirDisplay === '.' ? name : join(dirDisplay, name);
      const rel = relPrefix ? `${relPrefix}/${name}` : name;
      let st;
      try {
        st = await stat(abs); // follows symlinks; cycles are caught by `visited`
      } catch (e) {
        // A dangling symlink: report it like any unreadable file.
        const l = await lstat(abs).catch(() => null);
        if (l?.isSymbolicLink()) problems.push(`${display}: broken symbolic link`);
        else problems.push(`${display}: ${errReason(e)}`);
        continue;
      }
      if (st.isDirectory()) {
        if (maxDepth > 1) await walk(display, abs, accept, rel, maxDepth - 1);
      } else if (st.isFile() && accept(rel)) {
        if (opts.extensions && !opts.extensions.has(extname(name).slice(1).toLowerCase())) continue;
        found.push({ display, abs });
      }
    }
  };

  const addOperand = async (op: string, fromList: boolean) => {
    const abs = resolve(op);
    const st = await stat(abs).catch(() => null);
    if (st?.isDirectory()) {
      bases.push(abs);
      await walk(op.replace(/\/+$/, '') || '/', abs, () => true, '', Infinity);
    } else if (st) {
      bases.push(dirname(abs));
      found.push({ display: op, abs });
    } else if (!fromList && isGlob(op)) {
      const { base, rest } = globBase(op);
      const re = globToRegExp(rest);
      const baseAbs = resolve(base);
      bases.push(baseAbs);
      const before = found.length;
      const depth = rest.includes('**') ? Infinity : rest.split('/').filter(Boolean).length;
      await walk(base, baseAbs, (rel) => re.test(rel), '', depth);
      if (found.length === before) unmatched.push(op);
    } else if (fromList) {
      // Listed but missing: keep it, so the manifest says what happened to it.
      bases.push(dirname(abs));
      found.push({ display: op, abs });
    } else {
      throw new UsageError(`${op}: no such file or directory`);
    }
  };

  for (const op of opts.operands) await addOperand(op, false);
  if (opts.from) {
    for await (const line of readList(opts.from, !!opts.nul, opts.stdin)) await addOperand(line, true);
  }

  const base = commonBase(bases);
  const files: InputFile[] = found.map((f) => ({ display: f.display, rel: toRel(base, f.abs) }));
  found.length = 0;
  files.sort((a, b) => compare(a.rel, b.rel));
  // The same file reached twice (named and inside a named directory): keep one.
  const unique: InputFile[] = [];
  for (const f of files) if (unique.length === 0 || unique[unique.length - 1].rel !== f.rel) unique.push(f);
  return { files: unique, base, problems, unmatched };
}

/** Read a list of paths: one per line (CR LF tolerated), or NUL-separated. Empty entries are ignored. */
export async function* readList(from: string, nul: boolean, stdin?: NodeJS.ReadableStream): AsyncGenerator<string> {
  const stream = from === '-' ? (stdin ?? process.stdin) : createReadStream(from);
  const sepChar = nul ? '\0' : '\n';
  let rest = '';
  try {
    for await (const chunk of stream) {
      rest += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
      let i: number;
      while ((i = rest.indexOf(sepChar)) >= 0) {
        const item = clean(rest.slice(0, i), nul);
        rest = rest.slice(i + 1);
        if (item) yield item;
      }
    }
  } catch (e) {
    throw new UsageError(`${from === '-' ? 'stdin' : from}: ${errReason(e)}`);
  }
  const last = clean(rest, nul);
  if (last) yield last;
}

const clean = (s: string, nul: boolean) => (nul ? s : s.replace(/\r$/, '').trim());

/** Code-unit order: the same on every machine, whatever the locale. */
export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The deepest directory containing every base. */
export function commonBase(bases: string[]): string {
  if (bases.length === 0) return process.cwd();
  let parts = bases[0].split(sep);
  for (const b of bases.slice(1)) {
    const p = b.split(sep);
    let k = 0;
    while (k < parts.length && k < p.length && parts[k] === p[k]) k++;
    parts = parts.slice(0, k);
  }
  const joined = parts.join(sep);
  return joined === '' ? sep : joined;
}

/** '/'-separated path of `abs` relative to `base` (the file name when they are equal). */
export function toRel(base: string, abs: string): string {
  const rel = relative(base, abs).split(sep).join('/');
  return rel === '' ? basename(abs) : rel;
}

function errReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file or directory'
    : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
    : code === 'ELOOP' ? 'too many levels of symbolic links'
    : (e as Error).message;
}
