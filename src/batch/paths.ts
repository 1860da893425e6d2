import { createHash } from 'node:crypto';

/** Longest output file name in bytes (leaves room for the temp-file prefix and suffix under NAME_MAX = 255). */
export const MAX_NAME_BYTES = 200;

/**
 * Maps input paths (relative, '/'-separated) to output paths inside --out,
 * mirroring the input tree. Names are compared as a case-insensitive,
 * NFC-normalised file system would compare them, so two inputs never share an
 * output (`A.txt` / `a.txt`, NFC / NFD spellings, a file and a directory of the
 * same name, reserved names such as the manifest): the later one in sort order
 * gets `~2`, `~3`… Over-long names are shortened with a hash. Call in sorted
 * order so every run (and every shard) assigns the same names.
 */
export class OutputNamer {
  private readonly files = new Set<string>();
  private readonly dirs = new Set<string>();
  private readonly dirRenames = new Map<string, string>();

  constructor(private readonly ext: string, reserved: string[] = []) {
    for (const r of reserved) this.files.add(key(r));
  }

  name(rel: string): string {
    const comps = rel.split('/');
    for (const c of comps) {
      if (c === '' || c === '.' || c === '..' || c.includes('\0')) throw new Error(`unsafe input path component in "${rel}"`);
    }
    let dir = '';
    let origDir = '';
    for (const c of comps.slice(0, -1)) {
      origDir = origDir ? `${origDir}/${c}` : c;
      const renamed = this.dirRenames.get(key(origDir));
      if (renamed !== undefined) { dir = renamed; continue; }
      let candidate = join(dir, c);
      if (this.files.has(key(candidate))) {
        // A file already took this name: move this directory aside.
        for (let k = 2; ; k++) {
          candidate = join(dir, `${c}~${k}`);
          if (!this.files.has(key(candidate)) && !this.dirs.has(key(candidate))) break;
        }
        this.dirRenames.set(key(origDir), candidate);
      }
      this.dirs.add(key(candidate));
      dir = candidate;
    }
    const stem = shorten(comps[comps.length - 1], this.ext);
    let out = join(dir, stem + this.ext);
    for (let k = 2; this.files.has(key(out)) || this.dirs.has(key(out)); k++) out = join(dir, `${stem}~${k}${this.ext}`);
    this.files.add(key(out));
    return out;
  }
}

const join = (dir: string, name: string) => (dir ? `${dir}/${name}` : name);
const key = (p: string) => p.normalize('NFC').toLowerCase();

/** Keep a name within MAX_NAME_BYTES once the extension and a `~N` suffix are added. */
function shorten(name: string, ext: string): string {
  const budget = MAX_NAME_BYTES - Buffer.byteLength(ext) - 4;
  if (Buffer.byteLength(name) <= budget) return name;
  const hash = createHash('sha1').update(name).digest('hex').slice(0, 8);
  let out = '';
  for (const ch of name) {
    if (Buffer.byteLength(out + ch) > budget - 10) break;
    out += ch;
  }
  return `${out}~${hash}`;
}

/** `--shard I/N`: shard I (1-based) of N. */
export interface Shard { index: number; count: number }

export function parseShard(spec: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  if (!m) throw new Error(`--shard expects I/N (e.g. 1/4), got "${spec}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) throw new Error(`--shard ${spec}: I must be between 1 and N (shards are numbered from 1)`);
  return { index, count };
}

/** Round-robin over the sorted list: position k belongs to shard (k mod N) + 1. */
export const inShard = (position: number, shard: Shard | null) => !shard || position % shard.count === shard.index - 1;
