import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { colorLevel, parseFailOn, registerDiff } from '../../src/commands/diff.js';
import { InputError, UsageError } from '../../src/errors.js';
import { parse } from '../../src/index.js';
import { DiffSchema } from '../../src/diff/schema.js';
import { editSeed003, SEED_003 } from './seedEdits.js';

// The diff command in-process (src/cli/main.ts runs main() when imported): exit codes follow
// src/cli/main.ts — InputError/UsageError/commander errors are 2, else process.exitCode.

interface Run { code: number; stdout: string; stderr: string; error?: unknown }

async function run(...args: string[]): Promise<Run> {
  let stdout = '', stderr = '';
  const program = new Command('policy-parse').exitOverride()
    .configureOutput({ writeOut: (s) => { stdout += s; }, writeErr: (s) => { stderr += s; } });
  registerDiff(program);
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => { stdout += String(chunk); return true; });
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'policy-parse', 'diff', ...args]);
    return { code: typeof process.exitCode === 'number' ? process.exitCode : 0, stdout, stderr };
  } catch (error) {
    if (error instanceof InputError || error instanceof UsageError || error instanceof CommanderError) {
      return { code: 2, stdout, stderr: stderr + (error as Error).message, error };
    }
    throw error;
  } finally {
    write.mockRestore();
    process.exitCode = undefined;
  }
}

let dir: string;
let oldTxt: string, newTxt: string, oldJson: string, newJson: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policy-diff-'));
  const e = editSeed003();
  oldTxt = join(dir, 'old.txt'); newTxt = join(dir, 'new.txt');
  writeFileSync(oldTxt, e.oldText); writeFileSync(newTxt, e.newText);
  oldJson = join(dir, 'old.json'); newJson = join(dir, 'new-result');
  writeFileSync(oldJson, JSON.stringify(await parse(oldTxt)));
  writeFileSync(newJson, JSON.stringify(await parse(newTxt))); // no .json extension: sniffed by "{"
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('policy-parse diff (command)', () => {
  it('exits 0 for equal documents, 1 for different ones', async () => {
    const same = await run(SEED_003, SEED_003);
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('no differences');
    const diff = await run(oldTxt, newTxt);
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain('{+精干+}');
  });

  it('--fail-on makes only the given kinds count', async () => {
    expect((await run(oldTxt, newTxt, '--fail-on', 'metadata,sections')).code).toBe(0);
    expect((await run(oldTxt, newTxt, '--fail-on', 'deadline')).code).toBe(1);
    expect((await run(oldTxt, newTxt, '--fail-on', 'units, targets')).code).toBe(1);
    const bad = await run(oldTxt, newTxt, '--fail-on', 'deadline,dates');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown kind "dates"');
    expect(parseFailOn(undefined)).toBeUndefined();
    expect(() => parseFailOn('')).toThrow(UsageError);
  });

  it('takes result JSON files (validated), documents, or one of each', async () => {
    const both = await run(oldJson, newJson, '--format', 'json');
    const mixed = await run(oldTxt, newJson, '--format', 'json');
    expect(both.code).toBe(1);
    expect(mixed.code).toBe(1);
    const a = DiffSchema.parse(JSON.parse(both.stdout));
    const b = DiffSchema.parse(JSON.parse(mixed.stdout));
    expect(a.old.input).toBe('result');
    expect(a.new.input).toBe('result');
    expect(b.old.input).toBe('txt');
    expect(b.summary).toEqual(a.summary);
    expect((await run(oldJson, oldTxt)).code).toBe(0);
  });

  it('rejects a JSON file that is not a result, broken JSON, a missing file (exit 2)', async () => {
    const notResult = join(dir, 'expected.json');
    writeFileSync(notResult, readFileSync(new URL('../../fixtures/expected/003_d25d4ccf3a63151e.json', import.meta.url)));
    const r1 = await run(notResult, oldTxt);
    expect(r1.code).toBe(2);
    expect(r1.error).toBeInstanceOf(InputError);
    expect(r1.stderr).toMatch(/expected\.json: not a policy-parse result \(/);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"schemaVersion": ');
    const r2 = await run(oldTxt, broken);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/broken\.json: invalid JSON/);
    const r3 = await run(join(dir, 'nope.txt'), oldTxt);
    expect(r3.code).toBe(2);
    expect(r3.stderr).toContain('nope.txt: no such file');
    expect((await run(dir, oldTxt)).stderr).toContain('is a directory');
    expect((await run('-', '-')).code).toBe(2);
  });

  it('checks --threshold and --context, and rejects an unknown --format', async () => {
    expect((await run(oldTxt, newTxt, '--threshold', '1.5')).code).toBe(2);
    expect((await run(oldTxt, newTxt, '--threshold', 'x')).code).toBe(2);
    expect((await run(oldTxt, newTxt, '--context', '-3')).code).toBe(2);
    expect((await run(oldTxt, newTxt, '--format', 'html')).code).toBe(2);
    const strict = await run(oldTxt, newTxt, '--threshold', '1', '--format', 'json');
    expect(JSON.parse(strict.stdout).threshold).toBe(1);
  });

  it('writes markdown to a file with -o, stdout stays empty', async () => {
    const out = join(dir, 'report.md');
    const r = await run(oldTxt, newTxt, '--format', 'markdown', '-o', out);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('### Changed or moved tasks');
  });

  it('colours only on a terminal, never with --no-color or NO_COLOR; --color forces it', async () => {
    // Tests do not run on a terminal: no colour unless forced.
    expect((await run(oldTxt, newTxt)).stdout).not.toMatch(/\x1b\[/);
    expect((await run(oldTxt, newTxt, '--color')).stdout).toMatch(/\x1b\[/);
    expect((await run(oldTxt, newTxt, '--no-color')).stdout).not.toMatch(/\x1b\[/);

    const tty = Object.getOwnPropertyDescriptor(process.stdout, 'isTTY');
    const noColor = process.env.NO_COLOR;
    try {
      Object.defineProperty(process.stdout, 'isTTY', { value: true, configurable: true });
      delete process.env.NO_COLOR;
      expect(colorLevel(false, false)).toBe(0);
      expect(colorLevel(undefined, true)).toBe(0); // writing a file
      process.env.NO_COLOR = '1';
      expect(colorLevel(undefined, false)).toBe(0);
      expect(colorLevel(true, false)).toBeGreaterThan(0);
      Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
      delete process.env.NO_COLOR;
      expect(colorLevel(undefined, false)).toBe(0);
    } finally {
      if (tty) Object.defineProperty(process.stdout, 'isTTY', tty); else delete (process.stdout as { isTTY?: boolean }).isTTY;
      if (noColor === undefined) delete process.env.NO_COLOR; else process.env.NO_COLOR = noColor;
    }
  });
});
