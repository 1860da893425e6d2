import { readFile } from 'node:fs/promises';
import { readDocument } from './read/index.js';
import { structure } from './structure/index.js';
import { buildResult } from './result/build.js';
import type { Format, Result } from './result/schema.js';

export * from './result/schema.js';
import { InputError } from './errors.js';

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
  try {
    return await readFile(path);
  } catch (e) {
    throw new InputError(path, fileErrorReason(e as NodeJS.ErrnoException));
  }
}

/** A file-system error as the one-line reason users see. */
export function fileErrorReason(e: NodeJS.ErrnoException): string {
  switch (e.code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'is a directory, not a file';
    case 'EACCES': case 'EPERM': return 'permission denied (cannot read the file)';
    case 'ENAMETOOLONG': return 'file name too long';
    case 'ELOOP': return 'too many symbolic links';
    default: return e.message.replace(/^[A-Z]+: /, '');
  }
}
