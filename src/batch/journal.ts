import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

/**
 * The in-flight journal, DIR/.policy-parse-inflight.ndjson: a line when a file
 * is handed to a worker, a line when its result is recorded; removed when the
 * run ends. It matters only when the process dies outright: a V8 fatal error
 * that Node cannot confine to the worker thread (nodejs/node#47224: one huge
 * array in a worker aborts the whole process), an out-of-memory kill, kill -9.
 * The next run then knows which files were being parsed: it retries them one at
 * a time first, and a file that was being parsed alone when the process died is
 * the culprit.
 */
export const JOURNAL_NAME = '.policy-parse-inflight.ndjson';

export class Journal {
  private fd: number | null;
  constructor(readonly file: string) {
    this.fd = openSync(file, 'w');
  }
  started(path: string, alone: boolean): void {
    this.write(alone ? { a: path } : { s: path });
  }
  ended(path: string): void {
    this.write({ e: path });
  }
  /** Close; remove the file (the run ended normally, or stopped cleanly). */
  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    rmSync(this.file, { force: true });
  }
  private write(o: object): void {
    if (this.fd !== null) writeSync(this.fd, `${JSON.stringify(o)}\n`);
  }
}

/** What a journal left by a dead run says: files it was parsing, and those it was parsing alone. */
export function readJournal(file: string): { suspects: string[]; culprits: string[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { suspects: [], culprits: [] };
  }
  const open = new Map<string, boolean>(); // path → started alone
  for (const line of text.split('\n')) {
    let o: { s?: string; a?: string; e?: string };
    try {
      o = JSON.parse(line) as typeof o;
    } catch {
      continue;
    }
    if (typeof o.s === 'string') open.set(o.s, false);
    else if (typeof o.a === 'string') open.set(o.a, true);
    else if (typeof o.e === 'string') open.delete(o.e);
  }
  const culprits = [...open].filter(([, alone]) => alone).map(([p]) => p);
  const suspects = [...open].filter(([, alone]) => !alone).map(([p]) => p);
  return { suspects, culprits };
}
