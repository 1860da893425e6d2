import { constants as fsConstants } from 'node:fs';
import { copyFile, lstat, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';

/** A write that would leave --out, or land on something that is not a file. */
export class OutputError extends Error {}

const verified = new Set<string>();

/**
 * Write `text` to `outAbs` through `tmpAbs` (same directory, created
 * exclusively, then renamed), never outside `root` (see prepareInside).
 */
export async function writeInside(root: string, outAbs: string, tmpAbs: string, text: string | Uint8Array): Promise<void> {
  await prepareInside(root, outAbs, tmpAbs);
  try {
    await writeFile(tmpAbs, text, { flag: 'wx' }).catch(async (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
      // A temp file left by a killed run: remove it (a symlink is removed, never followed) and retry once.
      await rm(tmpAbs, { force: true });
      await writeFile(tmpAbs, text, { flag: 'wx' });
    });
    await rename(tmpAbs, outAbs);
  } catch (e) {
    await rm(tmpAbs, { force: true });
    throw e;
  }
}

/** Copy a file to `outAbs` inside `root`, with the same guarantees as writeInside. */
export async function copyInside(root: string, src: string, outAbs: string, tmpAbs: string): Promise<void> {
  await prepareInside(root, outAbs, tmpAbs);
  try {
    await rm(tmpAbs, { force: true });
    await copyFile(src, tmpAbs, fsConstants.COPYFILE_EXCL | fsConstants.COPYFILE_FICLONE);
    await rename(tmpAbs, outAbs);
  } catch (e) {
    await rm(tmpAbs, { force: true });
    throw e;
  }
}

/**
 * Create every directory between `root` and `outAbs`; each must be a real
 * directory: a symbolic link on the way is refused, so nothing is ever
 * written outside `root`.
 */
async function prepareInside(root: string, outAbs: string, tmpAbs: string): Promise<void> {
  const dir = dirname(outAbs);
  const rel = relative(root, dir);
  if (rel.startsWith('..') || isAbsolute(rel) || dirname(tmpAbs) !== dir) throw new OutputError(`output path ${outAbs} is outside ${root}`);
  if (rel && !verified.has(dir)) {
    let cur = root;
    for (const comp of rel.split(sep)) {
      cur = join(cur, comp);
      if (verified.has(cur)) continue;
      let st = await lstat(cur).catch(() => null);
      if (!st) {
        await mkdir(cur).catch((e: NodeJS.ErrnoException) => { if (e.code !== 'EEXIST') throw e; });
        st = await lstat(cur);
      }
      if (st.isSymbolicLink()) throw new OutputError(`${relative(root, cur)} in the output directory is a symbolic link; refusing to write through it`);
      if (!st.isDirectory()) throw new OutputError(`${relative(root, cur)} in the output directory is not a directory`);
      verified.add(cur);
    }
  }
  const existing = await lstat(outAbs).catch(() => null);
  if (existing?.isDirectory()) throw new OutputError(`${relative(root, outAbs)} exists and is a directory`);
}
