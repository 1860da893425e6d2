import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkResultJson, JsonSyntaxError } from '../../src/lint/schemaCheck.js';
import { formatJsonPath, JsonLines } from '../../src/lint/jsonLines.js';
import { result, task } from './helpers.js';

describe('result JSON schema check', () => {
  it('accepts a valid result', () => {
    const text = JSON.stringify(result({ tasks: [task()] }), null, 2);
    const checked = checkResultJson(text);
    expect(checked.findings).toEqual([]);
    expect(checked.result?.tasks).toHaveLength(1);
  });

  it('names the JSON path and line of each failure', () => {
    const r = result({ tasks: Array.from({ length: 13 }, () => task()) }) as any;
    r.tasks[12].deadline.due = '2025年12月31日';
    r.tasks[2].units[0].role = 'boss';
    delete r.tasks[4].origin;
    const text = JSON.stringify(r, null, 2);
    const lines = text.split('\n');
    const { result: ok, findings } = checkResultJson(text);
    expect(ok).toBeNull();
    const byPath = Object.fromEntries(findings.map((f) => [f.message.split(':')[0], f]));
    expect(Object.keys(byPath).sort()).toEqual(['tasks[12].deadline.due', 'tasks[2].units[0].role', 'tasks[4].origin']);
    expect(byPath['tasks[12].deadline.due']).toMatchObject({ rule: 'schema', severity: 'error', taskId: r.tasks[12].id });
    expect(byPath['tasks[12].deadline.due'].message).toBe('tasks[12].deadline.due: expected YYYY-MM-DD');
    expect(byPath['tasks[4].origin'].message).toBe('tasks[4].origin: missing (expected object)');
    expect(lines[byPath['tasks[12].deadline.due'].line! - 1]).toContain('"due": "2025年12月31日"');
    expect(lines[byPath['tasks[2].units[0].role'].line! - 1]).toContain('"role": "boss"');
    // A missing value points at the object that lacks it.
    expect(lines[byPath['tasks[4].origin'].line! - 1].trim()).toBe('{');
  });

  it('throws a syntax error for text that is not JSON', () => {
    expect(() => checkResultJson('{"tasks": [')).toThrow(JsonSyntaxError);
  });

  it('formats paths and finds lines in compact and pretty JSON', () => {
    expect(formatJsonPath(['tasks', 12, 'deadline', 'due'])).toBe('tasks[12].deadline.due');
    expect(formatJsonPath([])).toBe('(root)');
    expect(formatJsonPath(['a b', 0])).toBe('["a b"][0]');
    const text = '{\n  "a": [\n    1,\n    {"b": "x\\"y"}\n  ],\n  "c": null\n}';
    const l = new JsonLines(text);
    expect(l.lineOf(['a'])).toBe(2);
    expect(l.lineOf(['a', 1, 'b'])).toBe(4);
    expect(l.lineOf(['c'])).toBe(6);
    expect(l.lineOf(['a', 7])).toBe(2);
  });

  it('the checked-in expected files are not results (they lack source, ids…)', () => {
    const text = readFileSync('fixtures/expected/000_3c8f4dc52bde6ae2.json', 'utf8');
    const { findings } = checkResultJson(text);
    expect(findings.some((f) => f.message.startsWith('schemaVersion:'))).toBe(true);
  });
});
