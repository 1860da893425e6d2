import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from '../index.js';
import { InputError } from '../errors.js';
import { extensionFormat } from '../read/detect.js';
import { resolveFormat } from '../read/index.js';
import { renderResult } from '../render/index.js';
import type { Format } from '../result/schema.js';
import type { Job, JobDone } from './protocol.js';

/** A write that would leave --out, or land on something that is not a file. */
export class OutputError extends Error {}

/**
 * Process one input: read, hash, parse, render and write the output
 * atomically. Never throws: every failure becomes a `status: "error"` reply.
 */
export async function runJob(job: Job): Promise<JobDone> {
  const t0 = performance.now();
  const done: JobDone = {
    id: job.id, status: 'error', sha256: null, size: null, format: extensionFormat(job.display),
    tasks: null, warnings: null, ms: 0, error: null, errorKind: null,
  };
  try {
    const st = await stat(job.abs).catch((e: NodeJS.ErrnoException) => {
      throw new InputError(job.display, e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.message);
    });
    if (!st.isFile()) throw new InputError(job.display, 'not a regular file');
    done.size = st.size;
    if (st.size > job.maxBytes) {
      throw new InputError(job.display, `file too large (${(st.size / 1e6).toFixed(1)} MB; the limit is ${(job.maxBytes / 1e6).toFixed(0)} MB, see --max-size)`);
    }
    const bytes = await readFile(job.abs);
    done.sha256 = createHash('sha256').update(bytes).digest('hex');
    if (job.expectSha && job.expectSha === done.sha256 && (!job.outAbs || await exists(job.outAbs))) {
      done.status = 'skipped';
      return finish(done, t0);
    }
    done.format = guessFormat(bytes, job.display) ?? done.format;
    const result = await parse(bytes, { path: job.display });
    done.format = result.source.format;
    done.tasks = result.tasks.length;
    done.warnings = result.warnings.length;
    if (job.outAbs && job.tmpAbs && job.format !== 'sqlite') {
      const text = await renderResult(result, job.format, { compact: job.compact });
      await writeInside(job.outRoot, job.outAbs, job.tmpAbs, text);
    } else {
      done.result = result;
    }
    done.status = result.warnings.length ? 'warnings' : 'ok';
  } catch (e) {
    done.status = 'error';
    done.result = undefined;
    if (e instanceof InputError) {
      done.error = e.reason;
      done.errorKind = 'input';
    } else if (e instanceof OutputError) {
      done.error = e.message;
      done.errorKind = 'output';
    } else if ((e as NodeJS.ErrnoException)?.syscall) {
      done.error = `cannot write output: ${(e as Error).message}`;
      done.errorKind = 'output';
    } else {
      done.error = `internal error: ${firstLine(e)}`;
      done.errorKind = 'internal';
    }
  }
  return finish(done, t0);
}

function finish(done: JobDone, t0: number): JobDone {
  done.ms = Math.round((performance.now() - t0) * 10) / 10;
  return done;
}

function guessFormat(bytes: Uint8Array, path: string): Format | null {
  try {
    return resolveFormat(bytes, path, path);
  } catch {
    return null;
  }
}

const firstLine = (e: unknown) => String((e as Error)?.message ?? e).split('\n')[0].slice(0, 500);

const exists = (p: string) => stat(p).then((s) => s.isFile(), () => false);

const verified = new Set<string>();

/**
 * Write `text` to `outAbs` through `tmpAbs` (same directory, created
 * exclusively, then renamed). Every directory between `root` and the file is
 * created here and must be a real directory: a symbolic link on the way is
 * refused, so nothing is ever written outside `root`.
 */
export async function writeInside(root: string, outAbs: string, tmpAbs: string, text: string | Uint8Array): Promise<void> {
  const dir = dirname(outAbs);
  const rel = relative(root, dir);
  if (rel.startsWith('..') || isAbsolute(rel) || dirname(tmpAbs) !== dir) throw new OutputError(`output path ${outAbs} is outside ${root}`);
  if (rel && !verified.has(dir)) {
    let cur = root;
    for (const comp of rel.split(sep)) {
      cur = join(cur, comp);
      if (verified.has(cur)) continue;
      let st = await lstat(cur).catch(() => null);
      if (!st) {
        await mkdir(cur).catch((e: NodeJS.ErrnoException) => { if (e.code !== 'EEXIST') throw e; });
        st = await lstat(cur);
      }
      if (st.isSymbolicLink()) throw new OutputError(`${relative(root, cur)} in the output directory is a symbolic link; refusing to write through it`);
      if (!st.isDirectory()) throw new OutputError(`${relative(root, cur)} in the output directory is not a directory`);
      verified.add(cur);
    }
  }
  const existing = await lstat(outAbs).catch(() => null);
  if (existing?.isDirectory()) throw new OutputError(`${relative(root, outAbs)} exists and is a directory`);
  try {
    await writeFile(tmpAbs, text, { flag: 'wx' }).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
      // A temp file left by a killed run: remove it (a symlink is removed, never followed) and retry once.
      await rm(tmpAbs, { force: true });
      await writeFile(tmpAbs, text, { flag: 'wx' });
    });
    await rename(tmpAbs, outAbs);
  } catch (e) {
    await rm(tmpAbs, { force: true });
    throw e;
  }
}
