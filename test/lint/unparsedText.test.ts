import { describe, expect, it } from 'vitest';
import { unparsedText } from '../../src/lint/rules/unparsedText.js';
import { result, run } from './helpers.js';

describe('unparsed-text', () => {
  it("reports the result's unplaced-text warnings", () => {
    const r = result({
      warnings: [
        { code: 'unplaced-text', message: 'text not placed in any task: 专项行动重点任务分解表', line: 75, taskId: null },
        { code: 'unknown-deadline', message: 'x', line: 80, taskId: null },
        { code: 'unplaced-table', message: 'table of 3 rows is not a task table', line: 90, taskId: null },
      ],
    });
    const findings = run(unparsedText, r);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[75, 'info'], [90, 'info']]);
    expect(findings[0].message).toContain('专项行动重点任务分解表');
    expect(findings[0].path).toEqual(['warnings', 0]);
  });
});
