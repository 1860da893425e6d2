import { readFile } from 'node:fs/promises';
import { readDocument } from './read/index.js';
import { structure } from './structure/index.js';
import { buildResult } from './result/build.js';
import type { Format, Result } from './result/schema.js';

export * from './result/schema.js';
export { InputError, UsageError } from './errors.js';

export interface ParseOptions {
  /** The file's path: recorded in `source.path`, used in errors and to break format ties. */
  path?: string | null;
  /** Force the input format instead of detecting it from the bytes. */
  format?: Format;
}

/**
 * Parse one document. `input` is its bytes, or a path to read when a string
 * is given. Throws InputError for input that cannot be read.
 */
export async function parse(input: Buffer | Uint8Array | string, options: ParseOptions = {}): Promise<Result> {
  const path = typeof input === 'string' ? (options.path ?? input) : (options.path ?? null);
  const bytes = typeof input === 'string' ? await readInputFile(input) : input;
  const read = await readDocument(bytes, { path, format: options.format });
  return buildResult({ bytes, path, read, structure: structure(read) });
}

/** Read a file for parsing, turning file-system errors into one-line InputErrors. */
export async function readInputFile(path: string): Promise<Buffer> {
  const { InputError } = await import('./errors.js');
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file'
      : code === 'EISDIR' ? 'is a directory, not a file'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
      : (e as Error).message;
    throw new InputError(path, reason);
  }
}
