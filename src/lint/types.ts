import type { Result } from '../result/schema.js';
import type { SourceText } from './source.js';

/** How much a finding matters. `error` fails the run (exit 1); `warning` fails it only past --max-warnings. */
export type Severity = 'error' | 'warning' | 'info';
/** A rule's configured level: a severity, or `off` to skip the rule. */
export type RuleLevel = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

/** One problem found in one file. */
export interface Finding {
  /** The rule's id, e.g. `numbering-gap`; `schema` for a result that does not match the schema. */
  rule: string;
  severity: Severity;
  /** One line, in English; quotes the document's own words where they help. */
  message: string;
  /**
   * 1-based line: in the source document for documents; in the JSON file for result files
   * (the line of the task or value concerned). null when there is no line to point to.
   */
  line: number | null;
  /** The task concerned (`tasks[].id`), or null. */
  taskId: string | null;
  /** For result JSON input: the line in the source document the result was parsed from. */
  sourceLine?: number | null;
  /**
   * Where in the result the finding points (`['tasks', 12]`); used to find the line in a result
   * JSON file. Not part of the output.
   */
  path?: (string | number)[];
}

/** What a rule may look at besides the result. */
export interface LintContext {
  /** The file as named on the command line ("-" for stdin). */
  file: string;
  /**
   * The source document's text (paragraphs and table rows with their lines), when it is available:
   * always for documents; for result JSON only when `source.path` names a readable file whose
   * sha256 matches. Rules that need it report nothing without it.
   */
  source: SourceText | null;
}

/** A lint rule: one small module under src/lint/rules. */
export interface Rule {
  /** kebab-case id, used in output and in `--rule id=level`. */
  id: string;
  /** Severity when not configured. */
  severity: Severity;
  /** One line: what the rule reports. */
  description: string;
  /** True when the rule reads the source text (`context.source`); the source is only loaded then. */
  needsSource?: boolean;
  check(result: Result, context: LintContext): Finding[];
}
