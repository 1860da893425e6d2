import type { FileOutcome, FormatOptions } from './index.js';
import { isFailure } from './index.js';
import { RULES } from '../rules/index.js';
import { SCHEMA_RULE } from '../schemaCheck.js';
import type { Severity } from '../types.js';

// SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html), the format of
// GitHub code scanning's upload-sarif action: one run, the rules as tool.driver.rules, one result
// per finding. Unreadable files are tool execution notifications.

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

const uri = (file: string) => encodeURI(file.replace(/\\/g, '/'));

const pascal = (id: string) => id.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('');

export function formatSarif(outcomes: FileOutcome[], opts: FormatOptions): string {
  const rules = [SCHEMA_RULE, ...RULES].map((r) => ({
    id: r.id,
    name: pascal(r.id),
    shortDescription: { text: r.description },
    defaultConfiguration: { level: LEVEL[r.severity] },
    properties: { configuredLevel: r.id === SCHEMA_RULE.id ? 'error' : (opts.levels.get(r.id) ?? r.severity) },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = [];
  const notifications = [];
  const artifacts: { location: { uri: string } }[] = [];
  for (const o of outcomes) {
    const location = o.file === '-' ? null : { uri: uri(o.file) };
    if (location) artifacts.push({ location });
    if (isFailure(o)) {
      notifications.push({
        level: 'error',
        message: { text: `${o.file}: ${o.error}` },
        ...(location ? { locations: [{ physicalLocation: { artifactLocation: location } }] } : {}),
      });
      continue;
    }
    for (const f of o.findings) {
      results.push({
        ruleId: f.rule,
        ruleIndex: index.get(f.rule),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: location ? [{
          physicalLocation: {
            artifactLocation: { ...location, index: artifacts.length - 1 },
            ...(f.line && f.line >= 1 ? { region: { startLine: f.line } } : {}),
          },
        }] : [],
        ...(f.taskId || f.sourceLine ? { properties: { ...(f.taskId ? { taskId: f.taskId } : {}), ...(f.sourceLine ? { sourceLine: f.sourceLine } : {}) } } : {}),
      });
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'policy-parse',
          version: opts.toolVersion,
          semanticVersion: opts.toolVersion,
          rules,
        },
      },
      invocations: [{
        executionSuccessful: notifications.length === 0,
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
      }],
      artifacts,
      results,
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}
