import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { parse, readInputFile } from '../index.js';
import { InputError } from '../errors.js';
import type { Result } from '../result/schema.js';
import type { Levels } from './config.js';
import { countFindings, enabledRules, lint, type Counts } from './engine.js';
import { checkResultJson, JsonSyntaxError } from './schemaCheck.js';
import { loadSource, type SourceText } from './source.js';
import type { Finding } from './types.js';

// One file through validate: a source document is parsed, then linted with its own text as
// context; a result JSON file is checked against the schema, then linted (with its source
// document's text when `source.path` still names the same bytes).

export interface FileReport {
  file: string;
  /** What the file was read as. */
  kind: 'document' | 'result';
  findings: Finding[];
  counts: Counts;
}

export interface ValidateOptions {
  levels: Levels;
  /** Bytes for "-" (stdin). */
  stdin?: () => Promise<Buffer>;
}

/** A result JSON file: named .json, or text whose first character is `{`. */
export function looksLikeResultJson(file: string, bytes: Uint8Array): boolean {
  if (extname(file).toLowerCase() === '.json') return true;
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x7b; // {
}

async function readBytes(file: string, opts: ValidateOptions): Promise<Buffer> {
  if (file === '-') {
    if (!opts.stdin) throw new InputError('-', 'stdin is not available');
    return opts.stdin();
  }
  const st = await stat(file).catch(() => null);
  if (st?.isDirectory()) throw new InputError(file, 'is a directory, not a file');
  return readInputFile(file);
}

/** Validate one file. Throws InputError when it cannot be read or parsed at all. */
export async function validateFile(file: string, opts: ValidateOptions): Promise<FileReport> {
  const bytes = await readBytes(file, opts);
  const needsSource = enabledRules(opts.levels).some((r) => r.needsSource);

  if (looksLikeResultJson(file, bytes)) {
    if (bytes.length === 0) throw new InputError(file, 'empty file');
    let checked;
    try {
      checked = checkResultJson(Buffer.from(bytes).toString('utf8'));
    } catch (e) {
      if (e instanceof JsonSyntaxError) throw new InputError(file, e.message);
      throw e;
    }
    if (!checked.result) return report(file, 'result', checked.findings);
    const source = needsSource ? await sourceOfResult(checked.result, file) : null;
    const findings = lint(checked.result, { file, source }, opts.levels).map((f) => {
      // Lines in a result file are the file's own: the task's (or warning's) line in the JSON.
      const { path, ...rest } = f;
      return { ...rest, line: path ? checked.lines.lineOf(path) : null, sourceLine: f.line };
    });
    return report(file, 'result', findings);
  }

  const path = file === '-' ? null : file;
  let result: Result;
  try {
    result = await parse(bytes, { path });
  } catch (e) {
    if (e instanceof InputError && e.file !== file) throw new InputError(file, e.reason);
    throw e;
  }
  const source = needsSource ? await loadSource(bytes, path, result.source.format) : null;
  const findings = lint(result, { file, source }, opts.levels).map(({ path: _path, ...rest }) => rest);
  return report(file, 'document', findings);
}

function report(file: string, kind: FileReport['kind'], findings: Finding[]): FileReport {
  return { file, kind, findings, counts: countFindings(findings) };
}

/**
 * The source text of a result file's document: `source.path` (as given, then relative to the
 * result file's directory) when the file there has the recorded sha256. Otherwise null.
 */
async function sourceOfResult(result: Result, file: string): Promise<SourceText | null> {
  const p = result.source.path;
  if (!p) return null;
  const candidates = isAbsolute(p) ? [p] : [resolve(p), ...(file === '-' ? [] : [resolve(dirname(file), p)])];
  for (const c of [...new Set(candidates)]) {
    const bytes = await readFile(c).catch(() => null);
    if (!bytes) continue;
    if (createHash('sha256').update(bytes).digest('hex') !== result.source.sha256) continue;
    try {
      return await loadSource(bytes, c, result.source.format);
    } catch {
      return null;
    }
  }
  return null;
}
