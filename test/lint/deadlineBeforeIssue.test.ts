import { describe, expect, it } from 'vitest';
import { deadlineBeforeIssue } from '../../src/lint/rules/deadlineBeforeIssue.js';
import { result, run, task } from './helpers.js';

const due = (d: string) => ({ raw: d, due: d, ongoing: false, precision: 'day' as const });

describe('deadline-before-issue', () => {
  it('is an error by default', () => expect(deadlineBeforeIssue.severity).toBe('error'));

  it('reports tasks due before document.issuedDate', () => {
    const early = task({ number: '4', deadline: { raw: '2025年7月31日前', due: '2025-07-31', ongoing: false, precision: 'day' }, line: 140 });
    const sameDay = task({ deadline: due('2025-08-15') });
    const later = task({ deadline: due('2025-12-31') });
    const r = result({ document: { title: null, docNumber: null, issuer: null, issuedDate: '2025-08-15', recipients: [], year: 2025 }, tasks: [early, sameDay, later] });
    const findings = run(deadlineBeforeIssue, r);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 140, taskId: early.id });
    expect(findings[0].message).toMatch(/2025-07-31.*2025年7月31日前.*2025-08-15/);
  });

  it('needs an issue date', () => {
    expect(run(deadlineBeforeIssue, result({ tasks: [task({ deadline: due('2000-01-01') })] }))).toEqual([]);
  });
});
