import { closeSync, createReadStream, openSync, readSync, writeSync } from 'node:fs';
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
 * `internal` (a parser bug), `fatal` (the whole process died while this file was being parsed alone:
 * see journal.ts). Only `input` and `fatal` failures are skipped on a re-run (the same bytes fail again).
 */
export type ErrorKind = 'input' | 'timeout' | 'crash' | 'output' | 'internal' | 'fatal';

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
 * atomically. Keeps the line text as written (no re-serialisation). Holds
 * only each path and where its line is, then copies the lines across.
 */
export async function compactManifest(file: string): Promise<number> {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw e;
  }
  const where = new Map<string, number>(); // path → index into spans
  const spans: number[] = []; // offset, length pairs
  try {
    for (const line of linesWithOffsets(fd)) {
      const path = pathOf(line.text);
      if (path !== null) {
        where.set(path, spans.length);
        spans.push(line.start, line.text.length);
      }
    }
    const keys = [...where.keys()].sort(compare);
    const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
    const out = openSync(tmp, 'w');
    try {
      let buf: Buffer[] = [];
      let size = 0;
      for (const k of keys) {
        const i = where.get(k)!;
        const line = Buffer.alloc(spans[i + 1] + 1);
        readSync(fd, line, 0, spans[i + 1], spans[i]);
        line[line.length - 1] = 0x0a;
        buf.push(line);
        size += line.length;
        if (size > 1 << 20) { writeSync(out, Buffer.concat(buf)); buf = []; size = 0; }
      }
      if (buf.length) writeSync(out, Buffer.concat(buf));
      closeSync(out);
      await rename(tmp, file);
    } catch (e) {
      closeSync(out);
      await rm(tmp, { force: true });
      throw e;
    }
    return keys.length;
  } finally {
    closeSync(fd);
  }
}

/** The lines of a file as bytes, with the byte offset where each starts. */
function* linesWithOffsets(fd: number): Generator<{ text: Buffer; start: number }> {
  const chunk = Buffer.alloc(1 << 20);
  let carry = Buffer.alloc(0);
  let carryStart = 0;
  let pos = 0;
  for (;;) {
    const n = readSync(fd, chunk, 0, chunk.length, pos);
    if (n === 0) break;
    const data = carry.length ? Buffer.concat([carry, chunk.subarray(0, n)]) : Buffer.from(chunk.subarray(0, n));
    const dataStart = carry.length ? carryStart : pos;
    pos += n;
    let from = 0;
    let nl: number;
    while ((nl = data.indexOf(0x0a, from)) >= 0) {
      yield { text: data.subarray(from, nl), start: dataStart + from };
      from = nl + 1;
    }
    carry = data.subarray(from);
    carryStart = dataStart + from;
  }
  if (carry.length) yield { text: carry, start: carryStart };
}

function pathOf(line: Buffer): string | null {
  try {
    const e = JSON.parse(line.toString('utf8')) as ManifestEntry;
    return e && typeof e.path === 'string' && typeof e.status === 'string' ? e.path : null;
  } catch {
    return null;
  }
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
  if (e.status === 'error' && e.errorKind !== 'input' && e.errorKind !== 'fatal') return null;
  return e.sha256;
}
