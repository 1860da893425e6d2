import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ResultSchema } from '../../src/result/schema.js';
import { loadSources, makeCases } from '../../scripts/fuzz-cases.js';
import { cli, ensureBuilt, listFiles, readManifestLines, ROOT, tempDir } from './helpers.js';

// A fixed seed: the same 300 files every run (scripts/fuzz.ts runs thousands).
const SEED = 20250601;
const COUNT = 300;

beforeAll(() => ensureBuilt(), 180_000);

describe('fuzz: batch over corrupt, truncated, random and pathological inputs', () => {
  it(`survives ${COUNT} cases (seed ${SEED}): no crash, nothing over 10 s, every failure in the manifest`, async () => {
    const dir = tempDir('pp-fuzz-');
    mkdirSync(join(dir, 'in'));
    const cases = makeCases(loadSources(ROOT, 100_000), COUNT, SEED);
    for (const c of cases) writeFileSync(join(dir, 'in', c.name), c.bytes);

    const t0 = Date.now();
    const r = await cli(['batch', 'in', '--out', 'out', '--jobs', '2', '--timeout', '10', '--ext', '*'], { cwd: dir, timeoutMs: 170_000 });
    const seconds = (Date.now() - t0) / 1000;
    expect(r.signal).toBeNull();
    expect([0, 1]).toContain(r.code);
    expect(r.stderr).not.toMatch(/^policy-parse: internal error/m);

    const manifest = readManifestLines(join(dir, 'out'));
    expect(manifest.map((e) => e.path).sort()).toEqual(cases.map((c) => `in/${c.name}`).sort());
    const byKind: Record<string, Record<string, number>> = {};
    for (const e of manifest) {
      const kind = /case-\d+-([a-z-]+)\./.exec(e.path)![1];
      const tag = e.status === 'error' ? `error:${e.errorKind}` : e.status;
      (byKind[kind] ??= {})[tag] = (byKind[kind][tag] ?? 0) + 1;
      expect(e.ms).toBeLessThanOrEqual(10_050);
      expect(['ok', 'warnings', 'error']).toContain(e.status);
      if (e.status === 'error') {
        expect(typeof e.error).toBe('string');
        expect(e.error.length).toBeGreaterThan(0);
        expect(e.output).toBeNull();
      } else {
        ResultSchema.parse(JSON.parse(readFileSync(join(dir, 'out', e.output), 'utf8')));
      }
    }
    // no temp files or strays: the results, and the manifest
    const files = listFiles(join(dir, 'out'));
    expect(files.filter((f) => f !== 'manifest.ndjson' && !f.endsWith('.json'))).toEqual([]);
    expect(files.length).toBe(manifest.filter((e) => e.status !== 'error').length + 1);
    console.log(`fuzz: ${COUNT} cases in ${seconds.toFixed(1)} s`, JSON.stringify(byKind));
  }, 180_000);
});
