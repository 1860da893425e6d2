import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseRuleSpec, resolveLevels } from '../../src/lint/config.js';
import { RULES } from '../../src/lint/rules/index.js';
import { UsageError } from '../../src/errors.js';

const dir = () => mkdtempSync(join(tmpdir(), 'pp-config-'));

describe('rule configuration', () => {
  it('every rule has a kebab-case id, a severity and a one-line description', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULES) {
      expect(r.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning', 'info']).toContain(r.severity);
      expect(r.description).not.toMatch(/\n/);
      expect(typeof r.check).toBe('function');
    }
    expect(ids).toEqual(expect.arrayContaining([
      'task-without-unit', 'task-without-deadline', 'unknown-deadline', 'deadline-before-issue', 'deadline-out-of-plan',
      'numbering-gap', 'numbering-duplicate', 'body-table-mismatch', 'unit-alias', 'unparsed-text',
    ]));
  });

  it('parses --rule id=level', () => {
    expect(parseRuleSpec('unit-alias=off')).toEqual(['unit-alias', 'off']);
    expect(parseRuleSpec('numbering-gap=warning')).toEqual(['numbering-gap', 'warning']);
    expect(parseRuleSpec('numbering-gap=warn')).toEqual(['numbering-gap', 'warning']);
    expect(() => parseRuleSpec('no-such-rule=off')).toThrow(/unknown rule "no-such-rule"/);
    expect(() => parseRuleSpec('unit-alias=loud')).toThrow(/unknown level "loud"/);
    expect(() => parseRuleSpec('unit-alias')).toThrow(UsageError);
    expect(() => parseRuleSpec('schema=off')).toThrow(/schema check cannot be configured/);
  });

  it('reads policy-parse.config.json from the directory when present', async () => {
    const d = dir();
    expect((await loadConfig(undefined, d)).file).toBeNull();
    writeFileSync(join(d, 'policy-parse.config.json'), JSON.stringify({ rules: { 'unit-alias': 'off', 'task-without-deadline': 'error' }, other: 1 }));
    const { levels, file } = await loadConfig(undefined, d);
    expect(file).toBe(join(d, 'policy-parse.config.json'));
    expect(Object.fromEntries(levels)).toEqual({ 'unit-alias': 'off', 'task-without-deadline': 'error' });
  });

  it('rejects a bad config file with a one-line usage error', async () => {
    const d = dir();
    const f = join(d, 'c.json');
    writeFileSync(f, '{ "rules": { "unit-alias": "loud" } }');
    await expect(loadConfig(f)).rejects.toThrow(/rules\.unit-alias: expected "off", "info", "warning" or "error"/);
    writeFileSync(f, '{ "rules": { "nope": "off" } }');
    await expect(loadConfig(f)).rejects.toThrow(/unknown rule "nope"/);
    writeFileSync(f, '{ rules: ');
    await expect(loadConfig(f)).rejects.toThrow(/not valid JSON/);
    await expect(loadConfig(join(d, 'missing.json'))).rejects.toThrow(/missing\.json: no such file/);
  });

  it('defaults, then the config file, then --rule', () => {
    const levels = resolveLevels([new Map([['unit-alias', 'off'], ['numbering-gap', 'warning']]), new Map([['numbering-gap', 'info']])]);
    expect(levels.get('unit-alias')).toBe('off');
    expect(levels.get('numbering-gap')).toBe('info');
    expect(levels.get('deadline-before-issue')).toBe('error');
  });
});
