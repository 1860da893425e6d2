import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compactManifest, ManifestWriter, readManifest, skippableSha, type ManifestEntry } from '../../src/batch/manifest.js';
import { tempDir } from './helpers.js';

const entry = (path: string, over: Partial<ManifestEntry> = {}): ManifestEntry => ({
  path, output: `${path}.json`, sha256: 'a'.repeat(64), size: 1, format: 'txt', status: 'ok', tasks: 1, warnings: 0, ms: 1,
  error: null, errorKind: null, version: '1.0.0', at: '2025-01-01T00:00:00.000Z', ...over,
});

describe('manifest', () => {
  it('appends, tolerates a torn last line, and lets later lines win', async () => {
    const dir = tempDir();
    const file = join(dir, 'manifest.ndjson');
    const w = new ManifestWriter(file);
    w.append(entry('b.txt'));
    w.append(entry('a.txt', { tasks: 1 }));
    w.append(entry('a.txt', { tasks: 7 }));
    w.close();
    appendFileSync(file, '{"path":"c.txt","sta'); // a crash mid-write
    const m = await readManifest(file);
    expect([...m.keys()].sort()).toEqual(['a.txt', 'b.txt']);
    expect(m.get('a.txt')!.tasks).toBe(7);
  });

  it('compacts to one sorted line per path, atomically', async () => {
    const dir = tempDir();
    const file = join(dir, 'manifest.ndjson');
    writeFileSync(file, [entry('z'), entry('a', { tasks: 1 }), entry('a', { tasks: 2 })].map((e) => JSON.stringify(e)).join('\n') + '\n{bad\n');
    expect(await compactManifest(file)).toBe(2);
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.path, l.tasks])).toEqual([['a', 2], ['z', 1]]);
    expect(await compactManifest(join(dir, 'none.ndjson'))).toBe(0);
  });

  it('skips only entries of this version that a re-run would repeat', () => {
    expect(skippableSha(entry('a'), '1.0.0')).toBe('a'.repeat(64));
    expect(skippableSha(entry('a'), '1.1.0')).toBeNull();
    expect(skippableSha(entry('a', { status: 'error', errorKind: 'input' }), '1.0.0')).toBe('a'.repeat(64));
    expect(skippableSha(entry('a', { status: 'error', errorKind: 'timeout' }), '1.0.0')).toBeNull();
    expect(skippableSha(entry('a', { status: 'error', errorKind: 'crash', sha256: null }), '1.0.0')).toBeNull();
  });
});
