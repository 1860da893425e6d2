import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readDocument, type Block, type ReadDocument, type TableBlock } from '../../src/read/index.js';
import { fixture } from '../helpers.js';

export const formats = (name: string) => fixture(`formats/${name}`);

const cache = new Map<string, Promise<ReadDocument>>();

/** Read a fixture under fixtures/formats (cached: PDFs take a few seconds). */
export function readFixture(name: string): Promise<ReadDocument> {
  let p = cache.get(name);
  if (!p) {
    p = readDocument(readFileSync(formats(name)), { path: `fixtures/formats/${name}` });
    cache.set(name, p);
  }
  return p;
}

export const paragraphs = (d: ReadDocument) => d.blocks.filter((b): b is Extract<Block, { kind: 'para' }> => b.kind === 'para').map((b) => b.text);
export const tables = (d: ReadDocument) => d.blocks.filter((b): b is TableBlock => b.kind === 'table');
export const rowTexts = (t: TableBlock) => t.rows.map((r) => r.map((c) => c.text));

/** The reader fails with an InputError whose message is one line: "<path>: <reason>". */
export async function expectInputError(promise: Promise<unknown>, path: string, reason: RegExp): Promise<InputError> {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(InputError);
  const e = error as InputError;
  expect(e.file).toBe(path);
  expect(e.message.startsWith(`${path}: `)).toBe(true);
  expect(e.message).not.toMatch(/\n/);
  expect(e.reason).toMatch(reason);
  return e;
}

/** Every block's line points at its text in the reader's plain-text rendering. */
export function expectLinesMatchRendering(d: ReadDocument): void {
  expect(d.text).toBeTypeOf('string');
  const lines = d.text!.split('\n');
  for (const b of d.blocks) {
    if (b.kind === 'para') {
      expect(lines[b.line - 1], `line ${b.line}`).toBe(b.text);
      continue;
    }
    for (const row of b.rows) {
      for (const c of row) {
        if (c.merged || !c.text) expect(lines[c.line - 1] === '' || lines[c.line - 1].startsWith('\t'), `cell line ${c.line}`).toBe(true);
        else expect(lines[c.line - 1], `cell line ${c.line}`).toBe(`\t${c.text}`);
      }
    }
  }
}
