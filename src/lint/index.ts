// The validate command's library: rules, configuration, the lint engine and report formats.

export type { Finding, LintContext, Rule, RuleLevel, Severity } from './types.js';
export { RULES } from './rules/index.js';
export { lint, countFindings, enabledRules, type Counts } from './engine.js';
export { CONFIG_FILE, loadConfig, parseRuleSpec, resolveLevels, type Levels } from './config.js';
export { checkResultJson, SCHEMA_RULE } from './schemaCheck.js';
export { loadSource, SourceText } from './source.js';
export { validateFile, looksLikeResultJson, type FileReport, type ValidateOptions } from './validateFile.js';
export { formatReports, VALIDATE_FORMATS, type ValidateFormat, type FileOutcome } from './format/index.js';
