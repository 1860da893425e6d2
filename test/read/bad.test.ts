import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError, parse } from '../../src/index.js';
import { formats } from './helpers.js';

// Every bad-input fixture, through the public parse(): an InputError whose message
// is one line, "<file>: <reason>" (the CLI prints it and exits 2, writing nothing).

const REASONS: Record<string, RegExp> = {
  // a bit flipped inside a page's compressed content stream (found by the fuzz script)
  'corrupt-page-stream.pdf': /^corrupt PDF: a page cannot be read \(Bad encoding in flate stream\)$/,
  // a sector chain that loops through two sectors: word-extractor alone would grow an array until V8 aborts
  'looping-sector-chain.doc': /^not a valid \.doc \(broken sector chain at sector \d+\)$/,
  'corrupt.docx': /^not a valid \.docx \(no ZIP end record: the file is truncated or not a ZIP archive\)$/,
  'download-error.pdf': /^not a \.pdf file: it is an HTML page \(“404 Not Found”\) with no document text$/,
  'empty.docx': /^empty file$/,
  'encrypted.pdf': /^encrypted PDF: a password is needed to open it$/,
  'garbage-text.pdf': /^the PDF's text layer is unreadable \(\d+% of its characters are private-use, unmapped or not Chinese text: fonts without a ToUnicode map\); run OCR on the rendered pages$/,
  'scanned.pdf': /^no text layer: the PDF is scanned images \(1 of 1 pages are images\); run OCR first$/,
  'zip-bomb.docx': /^refused: its XML inflates to more than 50 MB \(a zip bomb\?\)$/,
};

describe('bad inputs: one-line errors naming the file', () => {
  it('has a reason for every fixture in fixtures/formats/bad', () => {
    expect(readdirSync(formats('bad')).sort()).toEqual(Object.keys(REASONS).sort());
  });

  it.each(Object.entries(REASONS))('%s', async (name, reason) => {
    const path = formats(`bad/${name}`);
    const error = await parse(path).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    expect(e.file).toBe(path);
    expect(e.message).toBe(`${path}: ${e.reason}`);
    expect(e.message).not.toContain('\n');
    expect(e.reason).toMatch(reason);
  });
});
