import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { UsageError } from '../errors.js';
import { RULES } from './rules/index.js';
import { SCHEMA_RULE } from './schemaCheck.js';
import { RULE_LEVELS, type RuleLevel, type Rule } from './types.js';

// Rule levels: each rule's default, then the config file (policy-parse.config.json in the current
// directory, or --config FILE), then --rule id=level options, later ones winning.

import { CONFIG_FILE } from './options.js';

export { CONFIG_FILE };

const LevelSchema = z.enum(RULE_LEVELS as [RuleLevel, ...RuleLevel[]]);

/** The config file's shape. Keys other than `rules` are left for other commands. */
export const ConfigSchema = z.object({
  $schema: z.string().optional(),
  rules: z.record(z.string(), LevelSchema).optional(),
}).loose();

export type Levels = Map<string, RuleLevel>;

const known = (rules: readonly Rule[]) => rules.map((r) => r.id).join(', ');

function checkRuleId(id: string, where: string, rules: readonly Rule[]): void {
  if (id === SCHEMA_RULE.id) throw new UsageError(`${where}: the schema check cannot be configured (a result that does not match the schema cannot be linted)`);
  if (!rules.some((r) => r.id === id)) throw new UsageError(`${where}: unknown rule "${id}" (rules: ${known(rules)})`);
}

/** `id=level` → [id, level]; throws UsageError for a malformed spec, an unknown rule or level. */
export function parseRuleSpec(spec: string, rules: readonly Rule[] = RULES): [string, RuleLevel] {
  const m = /^\s*([^=\s]+)\s*[=:]\s*(\S+)\s*$/.exec(spec);
  if (!m) throw new UsageError(`--rule ${spec}: expected id=off|info|warning|error`);
  const [, id, rawLevel] = m;
  checkRuleId(id, `--rule ${spec}`, rules);
  const level = rawLevel === 'warn' ? 'warning' : rawLevel;
  if (!(RULE_LEVELS as readonly string[]).includes(level)) throw new UsageError(`--rule ${spec}: unknown level "${rawLevel}" (expected off, info, warning or error)`);
  return [id, level as RuleLevel];
}

/**
 * Read the config file: `explicit` (--config, must exist) or policy-parse.config.json in `cwd`
 * (optional). Returns the levels it sets and the file it came from.
 */
export async function loadConfig(explicit: string | undefined, cwd = process.cwd(), rules: readonly Rule[] = RULES)
  : Promise<{ levels: Levels; file: string | null }> {
  const file = explicit ?? join(cwd, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!explicit && code === 'ENOENT') return { levels: new Map(), file: null };
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a file' : code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UsageError(`${explicit ?? CONFIG_FILE}: ${reason}`);
  }
  const name = explicit ?? CONFIG_FILE;
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    throw new UsageError(`${name}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = ConfigSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.map(String).join('.');
    throw new UsageError(`${name}: ${path ? `${path}: ` : ''}${issue.code === 'invalid_value' ? 'expected "off", "info", "warning" or "error"' : issue.message} (expected { "rules": { "rule-id": "off" | "info" | "warning" | "error" } })`);
  }
  const levels: Levels = new Map();
  for (const [id, level] of Object.entries(parsed.data.rules ?? {})) {
    checkRuleId(id, `${name}: rules`, rules);
    levels.set(id, level);
  }
  return { levels, file };
}

/** Every rule's effective level: default, then each layer in order. */
export function resolveLevels(layers: Levels[], rules: readonly Rule[] = RULES): Levels {
  const out: Levels = new Map(rules.map((r) => [r.id, r.severity]));
  for (const layer of layers) for (const [id, level] of layer) out.set(id, level);
  return out;
}
