import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readPdf } from '../../src/read/pdf.js';
import { formats } from './helpers.js';

// pdf.js's bundled core-js replaces Array.prototype.push, JSON.parse and
// Function.prototype.toString for the whole process; reading a PDF must leave
// Node's own in place (src/read/pdfjsBuiltins.ts).

const push = Array.prototype.push;
const jsonParse = JSON.parse;
const toString = Function.prototype.toString;

describe('built-ins around pdf.js', () => {
  it('pdf-parse on its own does replace them (what the guard is for)', async () => {
    await import('pdf-parse');
    const replaced = [Array.prototype.push !== push, JSON.parse !== jsonParse, Function.prototype.toString !== toString];
    expect(replaced).toEqual([true, true, true]);
  });

  it('reading a PDF puts Node’s own back, and keeps what core-js only added', async () => {
    const doc = await readPdf(readFileSync(formats('seed000.pdf')), 'seed000.pdf');
    expect(doc.blocks.length).toBeGreaterThan(10);
    expect(Array.prototype.push).toBe(push);
    expect(JSON.parse).toBe(jsonParse);
    expect(Function.prototype.toString).toBe(toString);
    expect(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers).toBe('function');
  });

  it('also after a PDF that fails to open', async () => {
    await expect(readPdf(readFileSync(formats('owner-password.pdf')).subarray(0, 400), 'cut.pdf')).rejects.toBeInstanceOf(InputError);
    expect(Array.prototype.push).toBe(push);
    expect(JSON.parse).toBe(jsonParse);
  });
});
