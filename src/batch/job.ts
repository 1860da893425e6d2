import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { parse } from '../index.js';
import { InputError } from '../errors.js';
import { extensionFormat } from '../read/detect.js';
import { resolveFormat } from '../read/index.js';
import { renderResult } from '../render/index.js';
import type { Format } from '../result/schema.js';
import type { Job, JobDone } from './protocol.js';
import { OutputError, writeInside } from './write.js';

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
