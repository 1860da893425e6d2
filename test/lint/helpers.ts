import type { Result, Task } from '../../src/result/schema.js';
import { SourceText } from '../../src/lint/source.js';
import type { LintContext, Rule } from '../../src/lint/types.js';

// Small hand-written results for rule tests.

let n = 0;

export function task(over: Partial<Task> & { line?: number } = {}): Task {
  n++;
  const { line, ...rest } = over;
  return {
    id: `t${n}`,
    number: null,
    sectionId: null,
    title: null,
    text: 'text',
    units: [{ name: '县发展改革委', role: 'responsible' }],
    deadline: { raw: '2025年12月31日前', due: '2025-12-31', ongoing: false, precision: 'day' },
    targets: [],
    origin: { kind: 'measure', line: line ?? n },
    ...rest,
  };
}

export function result(over: Partial<Result> = {}): Result {
  return {
    schemaVersion: '1.0',
    source: { path: null, format: 'txt', sha256: '0'.repeat(64), encoding: 'utf-8' },
    document: { title: null, docNumber: null, issuer: null, issuedDate: null, recipients: [], year: 2025, ...(over.document ?? {}) },
    sections: over.sections ?? [],
    tasks: over.tasks ?? [],
    warnings: over.warnings ?? [],
  };
}

export const ctx = (source: SourceText | null = null): LintContext => ({ file: 'doc.txt', source });

/** Run one rule with its default severity. */
export function run(rule: Rule, r: Result, source: SourceText | null = null) {
  return rule.check(r, ctx(source));
}

export { SourceText };
