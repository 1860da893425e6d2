import { describe, expect, it } from 'vitest';
import { formatReports, type FileOutcome } from '../../src/lint/format/index.js';
import { escapeData, escapeProperty } from '../../src/lint/format/github.js';
import { RULES } from '../../src/lint/rules/index.js';
import { resolveLevels } from '../../src/lint/config.js';

const outcomes: FileOutcome[] = [
  {
    file: 'plans/a,b.txt',
    kind: 'document',
    findings: [
      { rule: 'numbering-gap', severity: 'error', message: 'numbering jumps from 2 to 4: 3 is missing', line: 12, taskId: 't3' },
      { rule: 'unit-alias', severity: 'warning', message: '50% of\nunits', line: 20, taskId: 't4' },
      { rule: 'unparsed-text', severity: 'info', message: 'text not placed', line: null, taskId: null },
    ],
    counts: { error: 1, warning: 1, info: 1 },
  },
  { file: 'missing.docx', error: 'no such file' },
];
const opts = { colorLevel: 0 as const, levels: resolveLevels([]), toolVersion: '9.9.9' };

describe('validate output formats', () => {
  it('github: one workflow command per finding, escaped', () => {
    expect(escapeData('50% a\nb')).toBe('50%25 a%0Ab');
    expect(escapeProperty('a,b:c')).toBe('a%2Cb%3Ac');
    expect(formatReports(outcomes, 'github', opts).trimEnd().split('\n')).toEqual([
      '::error file=plans/a%2Cb.txt,line=12,title=numbering-gap::numbering jumps from 2 to 4: 3 is missing',
      '::warning file=plans/a%2Cb.txt,line=20,title=unit-alias::50%25 of%0Aunits',
      '::notice file=plans/a%2Cb.txt,title=unparsed-text::text not placed',
      '::error file=missing.docx,title=policy-parse::missing.docx: no such file',
    ]);
  });

  it('json: one object per file with findings and counts', () => {
    const parsed = JSON.parse(formatReports(outcomes, 'json', opts));
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toEqual({ file: 'plans/a,b.txt', kind: 'document', findings: outcomes[0].findings, counts: { error: 1, warning: 1, info: 1 } });
    expect(parsed[1]).toMatchObject({ file: 'missing.docx', error: 'no such file', findings: [] });
  });

  it('sarif: 2.1.0 with rule metadata, results and a notification for the unreadable file', () => {
    const sarif = JSON.parse(formatReports(outcomes, 'sarif', opts));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const run = sarif.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'policy-parse', version: '9.9.9' });
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(['schema', ...RULES.map((r) => r.id)]);
    for (const r of run.tool.driver.rules) {
      expect(r.shortDescription.text).toBeTruthy();
      expect(['error', 'warning', 'note']).toContain(r.defaultConfiguration.level);
    }
    expect(run.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level])).toEqual([
      ['numbering-gap', 'error'], ['unit-alias', 'warning'], ['unparsed-text', 'note'],
    ]);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(run.results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'plans/a,b.txt', index: 0 }, region: { startLine: 12 } });
    expect(run.results[2].locations[0].physicalLocation.region).toBeUndefined();
    expect(run.results[0].properties).toEqual({ taskId: 't3' });
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toBe('missing.docx: no such file');
  });

  it('text: findings per file and a summary', () => {
    const text = formatReports(outcomes, 'text', opts);
    expect(text).toContain('plans/a,b.txt\n');
    expect(text).toContain("  12  error    numbering jumps from 2 to 4: 3 is missing  numbering-gap");
    expect(text).toContain('✖ 3 problems (1 error, 1 warning, 1 info) in 1 file, 1 file could not be read');
    expect(text).not.toMatch(/\u001b\[/);
    expect(formatReports(outcomes, 'text', { ...opts, colorLevel: 1 })).toMatch(/\u001b\[31m/);
  });
});
