import type { Format, Result } from '../result/schema.js';
import type { EntryStatus, ErrorKind } from './manifest.js';

/** Output formats of `batch` (one file per input, or one SQLite database). */
export const BATCH_FORMATS = ['json', 'ndjson', 'csv', 'sqlite'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

export const OUTPUT_EXT: Record<Exclude<BatchFormat, 'sqlite'>, string> = { json: '.json', ndjson: '.ndjson', csv: '.csv' };

/** main → worker */
export interface Job {
  id: number;
  /** Absolute input path. */
  abs: string;
  /** The path as recorded (manifest, source.path). */
  display: string;
  /** Real path of --out; every write is checked to stay inside it. */
  outRoot: string;
  /** Absolute output path and its temp file; null when the result goes back to the main thread (SQLite). */
  outAbs: string | null;
  tmpAbs: string | null;
  format: BatchFormat;
  compact: boolean;
  maxBytes: number;
}

/** worker → main */
export interface JobDone {
  id: number;
  status: EntryStatus | 'skipped';
  sha256: string | null;
  size: number | null;
  format: Format | null;
  tasks: number | null;
  warnings: number | null;
  ms: number;
  error: string | null;
  errorKind: ErrorKind | null;
  /** Only for SQLite output. ('skipped' is set by the main thread for unchanged inputs.) */
  result?: Result;
}

/** What every worker gets at its start (workerData). */
export interface WorkerSetup {
  /** The dictionary index in shared memory, read once for all workers (null: each reads its own). */
  dictionaryIndex: Uint8Array | null;
}
