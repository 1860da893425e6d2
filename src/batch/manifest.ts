import { closeSync, createReadStream, openSync, writeSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Format } from '../result/schema.js';
import { compare } from './inputs.js';

export const MANIFEST_NAME = 'manifest.ndjson';

export type EntryStatus = 'ok' | 'warnings' | 'error';
/**
 * Why a file failed: `input` (unreadable, corrupt, encrypted, empty, too large: the same bytes fail
 * again), `timeout`, `crash` (the worker died, e.g. out of memory), `output` (could not write),
 * `internal` (a parser bug). Only `input` failures are skipped on a re-run.
 */
export type ErrorKind = 'input' | 'timeout' | 'crash' | 'output' | 'internal';

/** One line of DIR/manifest.ndjson. */
export interface ManifestEntry {
  /** The input path as given (or as found under a given directory). */
  path: string;
  /** The output file relative to the output directory; null for errors and SQLite output. */
  output: string | null;
  sha256: string | null;
  size: number | null;
  /** The input format (detected; from the extension when the file could not be read). */
  format: Format | null;
  status: EntryStatus;
  tasks: number | null;
  warnings: number | null;
  /** Time spent on the file (read, parse, write), milliseconds. */
  ms: number;
  error: string | null;
  errorKind: ErrorKind | null;
  /** policy-parse version that produced the entry. */
  version: string;
  /** When the entry was written (ISO 8601). */
  at: string;
}

/**
 * Read a manifest, tolerating a torn last line (a crash while appending) and
 * any other unparsable line. Later lines win. Calls `each` for the surviving
 * entries in file order of their last occurrence.
 */
export async function readManifest(file: string): Promise<Map<string, ManifestEntry>> {
  const map = new Map<string, ManifestEntry>();
  await forEachManifestLine(file, (e) => {
    map.delete(e.path);
    map.set(e.path, e);
  });
  return map;
}

export async function forEachManifestLine(file: string, each: (entry: ManifestEntry, line: string) => void): Promise<boolean> {
  let stream;
  try {
    stream = createReadStream(file, { encoding: 'utf8' });
    await new Promise<void>((res, rej) => { stream!.once('open', () => res()); stream!.once('error', rej); });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw e;
  }
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let e: ManifestEntry;
    try {
      e = JSON.parse(line) as ManifestEntry;
    } catch {
      continue;
    }
    if (e && typeof e.path === 'string' && typeof e.status === 'string') each(e, line);
  }
  return true;
}

/** Appends entries as they complete: one write() per line on an O_APPEND descriptor. */
export class ManifestWriter {
  private fd: number | null;
  constructor(readonly file: string) {
    this.fd = openSync(file, 'a');
  }
  append(entry: ManifestEntry): void {
    if (this.fd === null) throw new Error('manifest closed');
    writeSync(this.fd, `${JSON.stringify(entry)}\n`);
  }
  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

/**
 * Rewrite the manifest with one line per path (the last one), sorted by path,
 * atomically. Keeps the line text as written (no re-serialisation).
 */
export async function compactManifest(file: string): Promise<number> {
  const lines = new Map<string, string>();
  const exists = await forEachManifestLine(file, (e, line) => lines.set(e.path, line));
  if (!exists) return 0;
  const keys = [...lines.keys()].sort(compare);
  await writeLinesAtomic(file, keys.map((k) => lines.get(k)!));
  return keys.length;
}

export async function writeManifest(file: string, entries: Iterable<ManifestEntry>): Promise<void> {
  const sorted = [...entries].sort((a, b) => compare(a.path, b.path));
  await writeLinesAtomic(file, sorted.map((e) => JSON.stringify(e)));
}

async function writeLinesAtomic(file: string, lines: string[]): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    // Chunked so a huge manifest is not one giant string.
    await writeFile(tmp, chunks(lines));
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

function* chunks(lines: string[]): Generator<string> {
  for (let i = 0; i < lines.length; i += 1000) yield `${lines.slice(i, i + 1000).join('\n')}\n`;
}

/** What a re-run needs to know to skip a file: its hash, for an entry of this version that needs no retry. */
export function skippableSha(e: ManifestEntry, version: string): string | null {
  if (e.version !== version || !e.sha256) return null;
  if (e.status === 'error' && e.errorKind !== 'input') return null;
  return e.sha256;
}
