import { mkdir, realpath, stat } from 'node:fs/promises';
import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { UsageError } from '../errors.js';
import type { TaskDatabase } from '../render/sqlite.js';
import { forEachManifestLine, MANIFEST_NAME, writeManifest, type ManifestEntry } from './manifest.js';
import { DEFAULT_DB_NAME } from './run.js';
import { copyInside } from './write.js';

export interface MergeOptions {
  dirs: string[];
  out: string;
  quiet?: boolean;
  stderr?: NodeJS.WriteStream;
}

export interface MergeSummary {
  entries: number;
  failedEntries: number;
  copied: number;
  documents: number;
  problems: string[];
  exitCode: number;
}

interface Held { entry: ManifestEntry; dir: string }

/**
 * Join the output directories of several batch runs (the shards of one
 * archive) into one: result files are copied (atomically, never through a
 * symlink), manifests are merged with one line per input path (the most
 * recent entry wins), SQLite databases (DIR/policy-tasks.sqlite) are merged
 * document by document. The output directory may already hold a merge: it is
 * extended.
 */
export async function runMerge(o: MergeOptions): Promise<MergeSummary> {
  const err = o.stderr ?? process.stderr;
  if (o.dirs.length === 0) throw new UsageError('merge: give the output directories of the batch runs to join');
  const outStat = await stat(o.out).catch(() => null);
  if (outStat && !outStat.isDirectory()) throw new UsageError(`--out ${o.out}: exists and is not a directory`);
  await mkdir(o.out, { recursive: true });
  const outRoot = await realpath(o.out);

  const sources: string[] = [];
  for (const d of o.dirs) {
    const real = await realpath(d).catch(() => null);
    if (!real) throw new UsageError(`${d}: no such directory`);
    if (!(await stat(join(real, MANIFEST_NAME)).catch(() => null))) throw new UsageError(`${d}: no ${MANIFEST_NAME} here (not a batch output directory)`);
    if (real !== outRoot && !sources.includes(real)) sources.push(real);
  }

  const held = new Map<string, Held>();
  const take = (dir: string) => (e: ManifestEntry) => {
    const cur = held.get(e.path);
    if (!cur || (e.at ?? '') >= (cur.entry.at ?? '')) held.set(e.path, { entry: e, dir });
  };
  await forEachManifestLine(join(outRoot, MANIFEST_NAME), take(outRoot));
  for (const dir of sources) await forEachManifestLine(join(dir, MANIFEST_NAME), take(dir));

  const problems: string[] = [];
  // Output names: normally disjoint across shards (they were assigned over the whole list); if two
  // different inputs claim one name, the later path gets ~2, ~3…
  const taken = new Map<string, string>();
  const entries = [...held.values()].sort((a, b) => (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0));
  let copied = 0;
  for (const h of entries) {
    const e = h.entry;
    if (!e.output) continue;
    if (!safeRel(e.output)) {
      problems.push(`${e.path}: unsafe output path "${e.output}" in ${join(h.dir, MANIFEST_NAME)}; not copied`);
      e.output = null;
      continue;
    }
    const src = join(h.dir, ...e.output.split('/'));
    let name = e.output;
    for (let k = 2; taken.has(key(name)) && taken.get(key(name)) !== e.path; k++) name = suffixed(e.output, k);
    taken.set(key(name), e.path);
    if (h.dir === outRoot && name === e.output) continue;
    const realSrc = await realpath(src).catch(() => null);
    if (!realSrc || !realSrc.startsWith(h.dir + sep)) {
      problems.push(`${e.path}: ${relative(process.cwd(), src)} is missing`);
      e.output = null;
      continue;
    }
    const dest = join(outRoot, ...name.split('/'));
    try {
      await copyInside(outRoot, realSrc, dest, join(dest, '..', `.${basename(dest)}.${process.pid}.tmp`));
      copied++;
      e.output = name;
    } catch (x) {
      problems.push(`${e.path}: cannot copy ${e.output}: ${(x as Error).message}`);
      e.output = null;
    }
  }

  // SQLite: documents whose winning entry comes from a directory with a database.
  let documents = 0;
  const withDb = [];
  for (const dir of sources) if (await stat(join(dir, DEFAULT_DB_NAME)).catch(() => null)) withDb.push(dir);
  if (withDb.length) {
    const { TaskDatabase } = await import('../render/sqlite.js');
    const target = await TaskDatabase.open(join(outRoot, DEFAULT_DB_NAME), { bulk: true });
    try {
      for (const dir of withDb) {
        let src: TaskDatabase;
        try {
          src = await TaskDatabase.open(join(dir, DEFAULT_DB_NAME), { readonly: true });
        } catch (x) {
          problems.push(`${join(dir, DEFAULT_DB_NAME)}: ${(x as Error).message}`);
          continue;
        }
        try {
          for (const path of [...src.paths()]) {
            const h = held.get(path);
            if (h && h.dir !== dir) continue; // a newer entry for this path came from elsewhere
            const doc = src.read(path);
            if (doc) { target.replace(doc.result, doc.meta); documents++; }
          }
        } finally {
          src.close();
        }
      }
    } finally {
      target.close();
    }
  }

  await writeManifest(join(outRoot, MANIFEST_NAME), entries.map((h) => h.entry));
  const failedEntries = entries.filter((h) => h.entry.status === 'error').length;
  const summary: MergeSummary = { entries: entries.length, failedEntries, copied, documents, problems, exitCode: problems.length ? 1 : 0 };
  if (!o.quiet) {
    err.write(`merge: ${sources.length} director${sources.length === 1 ? 'y' : 'ies'} → ${o.out}: ${entries.length} inputs in the manifest `
      + `(${failedEntries} failed), ${copied} result files copied${withDb.length ? `, ${documents} documents into ${DEFAULT_DB_NAME}` : ''}\n`);
  }
  for (const p of problems) err.write(`policy-parse: ${p}\n`);
  return summary;
}

const key = (p: string) => p.normalize('NFC').toLowerCase();

function safeRel(p: string): boolean {
  if (isAbsolute(p) || p.includes('\\') || p.includes('\0')) return false;
  return p.split('/').every((c) => c !== '' && c !== '.' && c !== '..');
}

function suffixed(rel: string, k: number): string {
  const m = /^(.*?)(\.[A-Za-z0-9]+)?$/.exec(rel)!;
  return `${m[1]}~${k}${m[2] ?? ''}`;
}
