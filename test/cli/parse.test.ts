import { existsSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ResultSchema } from '../../src/result/schema.js';
import { fixture, runCli, ROOT } from '../helpers.js';

const SEED = 'fixtures/seeds/003_d25d4ccf3a63151e.txt';
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'pp-cli-')); });

describe('policy-parse FILE (the main job)', () => {
  it('prints a valid result for the README example', async () => {
    const r = await runCli([SEED]);
    expect(r.code).toBe(0);
    const result = ResultSchema.parse(JSON.parse(r.stdout));
    expect(result.tasks.length).toBe(25);
    expect(result.source).toMatchObject({ path: SEED, format: 'txt', encoding: 'utf-8' });
  });
  it('`parse FILE -o OUT` writes the same result to a file', async () => {
    const out = join(dir, 'out.json');
    const a = await runCli(['parse', SEED, '-o', out]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe('');
    const b = await runCli([SEED]);
    expect(readFileSync(out, 'utf8')).toBe(b.stdout);
  });
  it('reads stdin with -', async () => {
    const r = await runCli(['-'], { input: readFileSync(join(ROOT, SEED)) });
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.source.path).toBeNull();
    expect(result.tasks).toHaveLength(25);
  });
  it('has --help for every command and a --version', async () => {
    for (const cmd of ['parse', 'schema', 'validate', 'diff', 'batch', 'units']) {
      const r = await runCli([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toContain('Usage: policy-parse');
    }
    const v = await runCli(['--version']);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
  it('a document with no tasks is not an error: empty tasks and a warning', async () => {
    const f = join(dir, 'notice.txt');
    writeFileSync(f, '关于召开会议的通知\n\n请各单位准时参会。\n');
    const r = await runCli([f]);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.tasks).toEqual([]);
    expect(result.warnings.map((w: { code: string }) => w.code)).toContain('no-tasks');
  });
});

describe('bad input: one line naming the file and the reason, exit 2, no output file', () => {
  const cases: [string, () => string, RegExp][] = [
    ['empty file', () => { const f = join(dir, 'empty.txt'); writeFileSync(f, ''); return f; }, /empty\.txt: empty file$/],
    ['binary file', () => { const f = join(dir, 'junk.txt'); writeFileSync(f, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))); return f; }, /junk\.txt: .*binary/],
    ['unknown extension', () => { const f = join(dir, 'plan.xyz'); writeFileSync(f, '一、总体要求'); return f; }, /plan\.xyz: unsupported file type/],
    ['a directory', () => { const d = join(dir, 'adir'); mkdirSync(d, { recursive: true }); return d; }, /adir: is a directory/],
    ['a missing file', () => join(dir, 'nope.txt'), /nope\.txt: no such file/],
    // Two bytes of seed000.pdf's page streams broken (found by the fuzz script): pdf.js fails the page read
    // and also rejects a promise of its own that nothing awaits, which would end the process with a stack.
    ['a PDF with damaged page streams', () => {
      const bytes = Buffer.from(readFileSync(fixture('formats/seed000.pdf')));
      bytes[381821] = 0x28;
      bytes[382445] = 0x28;
      const f = join(dir, 'damaged.pdf');
      writeFileSync(f, bytes);
      return f;
    }, /damaged\.pdf: corrupt PDF: a page cannot be read \(End of file inside array\.\)$/],
  ];
  for (const [name, make, message] of cases) {
    it(name, async () => {
      const input = make();
      const out = join(dir, `${name.replace(/\s+/g, '-')}.json`);
      const r = await runCli(['parse', input, '-o', out]);
      expect(r.code).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^policy-parse: /);
      expect(lines[0]).toMatch(message);
      expect(existsSync(out)).toBe(false);
      expect(r.stdout).toBe('');
    });
  }
  it.skipIf(process.getuid?.() === 0)('an unreadable file', async () => {
    const { chmodSync } = await import('node:fs');
    const f = join(dir, 'secret.txt');
    writeFileSync(f, '一、总体要求');
    chmodSync(f, 0o000);
    const r = await runCli([f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/secret\.txt: permission denied/);
  });
  it('a usage error exits 2', async () => {
    const r = await runCli(['parse']);
    expect(r.code).toBe(2);
  });
});

describe('policy-parse schema', () => {
  it('prints the checked-in JSON Schema (fails when the zod schema and the file drift)', async () => {
    const r = await runCli(['schema']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(fixture('../schemas/policy-tasks.schema.json'), 'utf8')));
  });
});

describe('file-system errors become one-line reasons', () => {
  it('maps the error codes a user can meet', async () => {
    const { fileErrorReason } = await import('../../src/index.js');
    const err = (code: string) => Object.assign(new Error(`${code}: x`), { code });
    expect(fileErrorReason(err('EACCES'))).toBe('permission denied (cannot read the file)');
    expect(fileErrorReason(err('ENOENT'))).toBe('no such file');
    expect(fileErrorReason(err('EISDIR'))).toBe('is a directory, not a file');
  });
});

describe('policy-parse schema --diff', () => {
  it('prints the checked-in JSON Schema of the diff output', async () => {
    const r = await runCli(['schema', '--diff']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(fixture('../schemas/policy-diff.schema.json'), 'utf8')));
  });
});
