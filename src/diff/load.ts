import { stat } from 'node:fs/promises';
import { parse, readInputFile } from '../index.js';
import { InputError } from '../errors.js';
import { readStdin } from '../cli/output.js';
import { ResultSchema, type Format, type Result } from '../result/schema.js';

// One side of `policy-parse diff`: a result JSON file (validated with ResultSchema) or a source
// document (parsed). JSON is recognised by the .json extension or by content starting with "{".

export interface LoadedSide {
  result: Result;
  /** The name given on the command line; null for stdin. */
  path: string | null;
  input: 'result' | Format;
}

/** Read and, for documents, parse one side of a diff. `-` reads stdin. Throws InputError. */
export async function loadSide(file: string): Promise<LoadedSide> {
  let bytes: Buffer;
  if (file === '-') {
    bytes = await readStdin();
  } else {
    const st = await stat(file).catch(() => null);
    if (st?.isDirectory()) throw new InputError(file, 'is a directory, not a file');
    bytes = await readInputFile(file);
  }
  const path = file === '-' ? null : file;
  const json = parseJsonResult(bytes, file);
  if (json) return { result: json, path, input: 'result' };
  try {
    const result = await parse(bytes, { path });
    return { result, path, input: result.source.format };
  } catch (e) {
    if (e instanceof InputError && e.file !== file) throw new InputError(file, e.reason);
    throw e;
  }
}

/**
 * The result in a JSON file, validated; null when the bytes are not JSON (and the name does
 * not say .json), so the caller parses them as a document.
 */
export function parseJsonResult(bytes: Uint8Array, file: string): Result | null {
  const isJsonName = /\.json$/i.test(file);
  const text = Buffer.from(bytes).toString('utf8').replace(/^\ufeff/, '');
  if (!isJsonName && !/^\s*\{/.test(text)) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    if (!isJsonName) return null;
    throw new InputError(file, `invalid JSON: ${(e as Error).message}`);
  }
  const checked = ResultSchema.safeParse(value);
  if (!checked.success) {
    const issues = checked.error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
    const more = checked.error.issues.length > 3 ? ` (and ${checked.error.issues.length - 3} more)` : '';
    throw new InputError(file, `not a policy-parse result (${issues.join('; ')}${more})`);
  }
  return checked.data;
}
