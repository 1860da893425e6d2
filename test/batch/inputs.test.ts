import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { collectInputs } from '../../src/batch/inputs.js';
import { tempDir } from './helpers.js';

const EXT = new Set(['txt', 'docx', 'pdf', 'html', 'doc']);

function tree(): string {
  const root = tempDir('pp-inputs-');
  const files = ['a/2022/plan.txt', 'a/2022/plan.docx', 'a/2021/x.pdf', 'a/photo.jpg', 'a/.hidden.txt', 'a/.git/y.txt',
    'a/~$lock.docx', 'b/z.doc', 'b/c/w.html', 'loose.txt'];
  for (const f of files) {
    mkdirSync(join(root, f, '..'), { recursive: true });
    writeFileSync(join(root, f), 'x');
  }
  return root;
}

describe('collectInputs', () => {
  it('walks directories recursively in sorted order, keeping known extensions, skipping hidden and lock files', async () => {
    const root = tree();
    const c = await collectInputs({ operands: [join(root, 'a')], extensions: EXT });
    expect(c.files.map((f) => f.rel)).toEqual(['2021/x.pdf', '2022/plan.docx', '2022/plan.txt']);
    expect(c.base).toBe(join(root, 'a'));
    expect(c.files[0].display).toBe(join(root, 'a/2021/x.pdf'));
  });

  it('makes paths relative to the common base of all operands and drops duplicates', async () => {
    const root = tree();
    const c = await collectInputs({ operands: [join(root, 'b'), join(root, 'a'), join(root, 'a/2022/plan.txt'), join(root, 'loose.txt')], extensions: EXT });
    expect(c.files.map((f) => f.rel)).toEqual(['a/2021/x.pdf', 'a/2022/plan.docx', 'a/2022/plan.txt', 'b/c/w.html', 'b/z.doc', 'loose.txt']);
  });

  it('takes explicitly named files whatever their extension', async () => {
    const root = tree();
    const c = await collectInputs({ operands: [join(root, 'a/photo.jpg')], extensions: EXT });
    expect(c.files.map((f) => f.rel)).toEqual(['photo.jpg']);
  });

  it('expands globs (relative to their static base) and reports patterns that match nothing', async () => {
    const root = tree();
    const c = await collectInputs({ operands: [join(root, 'a/**/*.{txt,pdf}'), join(root, 'nothing/*.txt')], extensions: EXT });
    expect(c.files.map((f) => f.rel)).toEqual(['a/2021/x.pdf', 'a/2022/plan.txt']);
    expect(c.unmatched).toEqual([join(root, 'nothing/*.txt')]);
  });

  it('reads a list from stdin (LF, CRLF or NUL-separated); missing listed files are kept for the manifest', async () => {
    const root = tree();
    const list = `${join(root, 'a/2022/plan.txt')}\r\n\n${join(root, 'b')}\n${join(root, 'gone.txt')}\n`;
    const c = await collectInputs({ operands: [], from: '-', stdin: Readable.from([Buffer.from(list)]), extensions: EXT });
    expect(c.files.map((f) => f.rel)).toEqual(['a/2022/plan.txt', 'b/c/w.html', 'b/z.doc', 'gone.txt']);
    const nul = `${join(root, 'loose.txt')}\0${join(root, 'b/z.doc')}\0`;
    const d = await collectInputs({ operands: [], from: '-', nul: true, stdin: Readable.from([Buffer.from(nul)]), extensions: EXT });
    expect(d.files.map((f) => f.rel)).toEqual(['b/z.doc', 'loose.txt']);
  });

  it('rejects a missing operand as a usage error', async () => {
    await expect(collectInputs({ operands: ['/no/such/dir/x'], extensions: EXT })).rejects.toThrow(/no such file/);
  });

  it('survives symlink cycles and walks each real directory once', async () => {
    const root = tree();
    symlinkSync(join(root, 'a'), join(root, 'a/2022/loop'));
    symlinkSync(join(root, 'nowhere'), join(root, 'a/dangling.txt'));
    const c = await collectInputs({ operands: [join(root, 'a')], extensions: EXT });
    expect(c.files.map((f) => f.rel)).toEqual(['2021/x.pdf', '2022/plan.docx', '2022/plan.txt']);
    expect(c.problems.join('\n')).toMatch(/dangling\.txt: broken symbolic link/);
  });

  it('never walks into the output directory', async () => {
    const root = tree();
    const c = await collectInputs({ operands: [root], extensions: EXT, skipDirs: [join(root, 'b')] });
    expect(c.files.map((f) => f.rel).some((r) => r.startsWith('b/'))).toBe(false);
    // results written next to the inputs (--out equal to the input directory) still leave the inputs
    const same = await collectInputs({ operands: [join(root, 'b')], extensions: EXT, skipDirs: [join(root, 'b')] });
    expect(same.files.map((f) => f.rel)).toEqual(['c/w.html', 'z.doc']);
  });
});
