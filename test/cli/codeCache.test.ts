import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHED_COMMANDS, cacheDirectory, cacheUseFor } from '../../src/cli/codeCache.js';
import { fixture, runCli } from '../helpers.js';

// The command-line tool's V8 code cache (src/cli/codeCache.ts), end to end through the built CLI
// (npm test builds it first).

const SEED = fixture('formats/seed000.gbk.txt');
const PDF = fixture('formats/seed000.pdf');

const cli = (args: string[], cacheDir: string) => runCli(args, { env: { POLICY_PARSE_CACHE_DIR: cacheDir } });

const caches = (dir: string) => {
  try {
    return readdirSync(dir).filter((n) => n.endsWith('.v8cache')).sort();
  } catch {
    return [];
  }
};
const freshDir = () => join(mkdtempSync(join(tmpdir(), 'pp-code-cache-')), 'cache');

describe('cacheDirectory', () => {
  const home = () => '/home/ann';
  it('is the per-user cache folder of the platform', () => {
    expect(cacheDirectory({}, 'linux', home)).toBe('/home/ann/.cache/policy-parse');
    expect(cacheDirectory({ XDG_CACHE_HOME: '/xdg' }, 'linux', home)).toBe('/xdg/policy-parse');
    expect(cacheDirectory({}, 'darwin', home)).toBe('/home/ann/Library/Caches/policy-parse');
    expect(cacheDirectory({ LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' }, 'win32', home)).toMatch(/policy-parse[\\/]Cache$/);
  });
  it('is set or switched off by the environment, and off without a home', () => {
    expect(cacheDirectory({ POLICY_PARSE_CACHE_DIR: '/c' }, 'linux', home)).toBe('/c');
    expect(cacheDirectory({ POLICY_PARSE_CACHE_DIR: '' }, 'linux', home)).toBeNull();
    expect(cacheDirectory({ NODE_DISABLE_COMPILE_CACHE: '1' }, 'linux', home)).toBeNull();
    expect(cacheDirectory({}, 'win32', home)).toBeNull();
    expect(cacheDirectory({}, 'linux', () => { throw new Error('no home'); })).toBeNull();
  });
});

describe('cacheUseFor', () => {
  it('names the command a command line runs', () => {
    expect(cacheUseFor(['plan.docx'])).toEqual({ variant: 'parse', write: true });
    expect(cacheUseFor(['--format', 'csv', 'plan.docx'])).toEqual({ variant: 'parse', write: true });
    expect(cacheUseFor(['validate', 'plan.docx'])).toEqual({ variant: 'validate', write: true });
    expect(cacheUseFor(['batch', 'in', '--out', 'out'])).toEqual({ variant: 'batch', write: true });
  });
  it('does not let help or version runs write: they compile too little of the tool', () => {
    expect(cacheUseFor([]).write).toBe(false);
    expect(cacheUseFor(['--version']).write).toBe(false);
    expect(cacheUseFor(['parse', '--help']).write).toBe(false);
    expect(cacheUseFor(['help', 'batch']).write).toBe(false);
  });
  it('knows every command of the tool', async () => {
    const help = await cli(['--help'], '');
    const commands = help.stdout.split(/\nCommands:\n/)[1].split('\n')
      .filter((l) => /^  \S/.test(l)).map((l) => l.trim().split(/[\s|]/)[0]).filter((c) => c !== 'help');
    expect(commands.length).toBeGreaterThan(4);
    expect([...CACHED_COMMANDS].sort()).toEqual([...commands].sort());
  });
});

describe('the CLI with a code cache', () => {
  it('writes the cache on the first run and gives the same output from it', async () => {
    const dir = freshDir();
    const uncached = await cli([SEED], '');
    expect(uncached.code).toBe(0);
    expect(caches(dir)).toEqual([]);
    const first = await cli([SEED], dir);
    expect(caches(dir)).toHaveLength(1);
    expect(caches(dir)[0]).toMatch(/^main\.cjs-.*-parse\.v8cache$/);
    const written = readFileSync(join(dir, caches(dir)[0]));
    expect(written.length).toBeGreaterThan(10_000);
    const second = await cli([SEED], dir);
    expect(readFileSync(join(dir, caches(dir)[0]))).toEqual(written); // read, not rewritten
    for (const r of [first, second]) expect(r).toEqual(uncached);
  });

  it('still imports pdf.js when the code comes from the cache', async () => {
    const dir = freshDir();
    const runs = [await cli([PDF], dir), await cli([PDF], dir)];
    expect(caches(dir)).toHaveLength(1);
    for (const r of runs) {
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).tasks.length).toBeGreaterThan(50);
    }
    expect(runs[1].stdout).toBe(runs[0].stdout);
  });

  it('replaces a corrupt cache and runs correctly meanwhile', async () => {
    const dir = freshDir();
    await cli([SEED], dir);
    const [name] = caches(dir);
    writeFileSync(join(dir, name), Buffer.alloc(4096, 7));
    const r = await cli([SEED], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).tasks.length).toBeGreaterThan(50);
    expect(readFileSync(join(dir, name)).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('keeps one cache per command, and none from failed, help or version runs', async () => {
    const dir = freshDir();
    expect((await cli(['--version'], dir)).code).toBe(0);
    expect((await cli(['--help'], dir)).code).toBe(0);
    expect((await cli([fixture('no-such-file.txt')], dir)).code).toBe(2);
    expect(caches(dir)).toEqual([]);
    await cli(['schema'], dir);
    await cli([SEED], dir);
    expect(caches(dir).map((n) => n.replace(/.*-/, ''))).toEqual(['parse.v8cache', 'schema.v8cache']);
  });

  it('drops caches of older builds under the same Node, keeps those of other Node versions', async () => {
    const dir = freshDir();
    await cli([SEED], dir);
    const [name] = caches(dir);
    const [file, node, arch] = name.split('-');
    const older = `${file}-${node}-${arch}-123-456-x-parse.v8cache`;
    const otherNode = `${file}-v99.0.0-${arch}-123-456-x-parse.v8cache`;
    for (const n of [older, otherNode]) writeFileSync(join(dir, n), 'x');
    await cli(['schema'], dir); // writes its cache, and tidies up
    expect(caches(dir)).toContain(otherNode);
    expect(caches(dir)).not.toContain(older);
    expect(caches(dir)).toContain(name);
  });

  it('runs when the cache cannot be written', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'pp-code-cache-'));
    const blocked = join(parent, 'file');
    writeFileSync(blocked, 'not a folder');
    const r = await cli([SEED], join(blocked, 'cache'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(statSync(blocked).isFile()).toBe(true);
  });
});
