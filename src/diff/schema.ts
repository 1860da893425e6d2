import * as z from 'zod';
import { DeadlineSchema, FormatSchema, TargetSchema, UnitRoleSchema, UnitSchema } from '../result/schema.js';

// The contract of `policy-parse diff --format json`. Documented in docs/diff.md; bump
// DIFF_VERSION on any incompatible change.

export const DIFF_VERSION = '1.0' as const;

/** The kinds of change `--fail-on` can select; each has a count in `summary`. */
import { CHANGE_KINDS } from './options.js';

export { CHANGE_KINDS };
export const ChangeKindSchema = z.enum(CHANGE_KINDS);

export const SideSchema = z.object({
  /** The path given on the command line (or the result's source.path); null for stdin. */
  path: z.string().nullable(),
  /** "result" when a result JSON file was given, else the detected document format. */
  input: z.union([z.literal('result'), FormatSchema]),
  sha256: z.string(),
  title: z.string().nullable(),
  tasks: z.number().int(),
  sections: z.number().int(),
});

export const FromToStringSchema = z.object({ from: z.string().nullable(), to: z.string().nullable() });

export const WordOpSchema = z.object({
  op: z.enum(['equal', 'delete', 'insert']),
  text: z.string(),
});

/** Where a task sits in its result. */
export const TaskRefSchema = z.object({
  /** Position in the result's `tasks` array (0-based). */
  index: z.number().int().min(0),
  id: z.string(),
  number: z.string().nullable(),
  sectionId: z.string().nullable(),
  /** The heading of the task's section (marker + heading), null when it has none. */
  section: z.string().nullable(),
  title: z.string().nullable(),
  line: z.number().int(),
});

/** An added or removed task: its reference and its content. */
export const TaskSnapshotSchema = TaskRefSchema.extend({
  text: z.string(),
  units: z.array(UnitSchema),
  deadline: DeadlineSchema.nullable(),
  targets: z.array(TargetSchema),
});

export const MovedSchema = z.object({
  /** The task left the order of the other aligned tasks (it is outside the longest common order). */
  order: z.boolean(),
  /** The task's section changed (compared through the section alignment); headings shown. */
  section: FromToStringSchema.nullable(),
  /** The printed number changed. */
  number: FromToStringSchema.nullable(),
});

export const UnitsChangeSchema = z.object({
  added: z.array(UnitSchema),
  removed: z.array(UnitSchema),
  /** Units present on both sides with a different set of roles (roles in printed order). */
  roleChanged: z.array(z.object({
    name: z.string(),
    from: z.array(UnitRoleSchema),
    to: z.array(UnitRoleSchema),
  })),
});

export const DeadlineChangeSchema = z.object({
  change: z.enum(['earlier', 'later', 'added', 'removed', 'changed']),
  from: DeadlineSchema.nullable(),
  to: DeadlineSchema.nullable(),
  /** to.due − from.due in days when both are dates. */
  days: z.number().int().nullable(),
});

export const TargetChangeSchema = z.object({
  change: z.enum(['raised', 'lowered', 'added', 'removed', 'changed']),
  from: TargetSchema.nullable(),
  to: TargetSchema.nullable(),
});

/** An aligned pair of tasks that moved or changed. Unchanged fields are null. */
export const TaskChangeSchema = z.object({
  old: TaskRefSchema,
  new: TaskRefSchema,
  /** TF-IDF cosine of the two texts (3 decimals). */
  similarity: z.number(),
  moved: MovedSchema.nullable(),
  title: FromToStringSchema.nullable(),
  /** Word-level diff of the text over jieba tokens; null when the texts are equal. */
  text: z.array(WordOpSchema).nullable(),
  units: UnitsChangeSchema.nullable(),
  deadline: DeadlineChangeSchema.nullable(),
  targets: z.array(TargetChangeSchema).nullable(),
});

export const DocumentFieldSchema = z.enum(['title', 'docNumber', 'issuer', 'issuedDate', 'recipients', 'year']);
const MetaValueSchema = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);
export const DocumentChangeSchema = z.object({
  field: DocumentFieldSchema,
  from: MetaValueSchema,
  to: MetaValueSchema,
});

export const SectionRefSchema = z.object({
  index: z.number().int().min(0),
  id: z.string(),
  level: z.number().int(),
  marker: z.string(),
  heading: z.string(),
  line: z.number().int(),
});

export const SectionChangeSchema = z.object({
  old: SectionRefSchema,
  new: SectionRefSchema,
  changes: z.array(z.enum(['marker', 'heading', 'level', 'parent', 'order'])),
});

export const SummarySchema = z.object({
  /** Aligned tasks with no change at all. */
  unchanged: z.number().int(),
  /** Aligned tasks with at least one field change (title/text, units, deadline, targets). */
  changed: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  /** Aligned tasks that moved, changed section or were renumbered. */
  moved: z.number().int(),
  /** Aligned tasks whose text or title changed. */
  text: z.number().int(),
  units: z.number().int(),
  deadline: z.number().int(),
  targets: z.number().int(),
  /** Changed `document` fields. */
  metadata: z.number().int(),
  /** Added, removed and changed sections. */
  sections: z.number().int(),
});

export const DiffSchema = z.object({
  diffVersion: z.literal(DIFF_VERSION),
  old: SideSchema,
  new: SideSchema,
  /** The similarity threshold the tasks were aligned with. */
  threshold: z.number(),
  /** True when no kind of change was found. */
  equal: z.boolean(),
  summary: SummarySchema,
  document: z.array(DocumentChangeSchema),
  sections: z.object({
    added: z.array(SectionRefSchema),
    removed: z.array(SectionRefSchema),
    changed: z.array(SectionChangeSchema),
  }),
  tasks: z.object({
    added: z.array(TaskSnapshotSchema),
    removed: z.array(TaskSnapshotSchema),
    /** In the order of the new document. */
    changed: z.array(TaskChangeSchema),
  }),
});

export type ChangeKind = z.infer<typeof ChangeKindSchema>;
export type Side = z.infer<typeof SideSchema>;
export type WordOp = z.infer<typeof WordOpSchema>;
export type TaskRef = z.infer<typeof TaskRefSchema>;
export type TaskSnapshot = z.infer<typeof TaskSnapshotSchema>;
export type Moved = z.infer<typeof MovedSchema>;
export type UnitsChange = z.infer<typeof UnitsChangeSchema>;
export type DeadlineChange = z.infer<typeof DeadlineChangeSchema>;
export type TargetChange = z.infer<typeof TargetChangeSchema>;
export type TaskChange = z.infer<typeof TaskChangeSchema>;
export type DocumentField = z.infer<typeof DocumentFieldSchema>;
export type DocumentChange = z.infer<typeof DocumentChangeSchema>;
export type SectionRef = z.infer<typeof SectionRefSchema>;
export type SectionChange = z.infer<typeof SectionChangeSchema>;
export type Summary = z.infer<typeof SummarySchema>;
export type Diff = z.infer<typeof DiffSchema>;

/** The JSON Schema of the diff output, generated from DiffSchema. */
export function diffJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DiffSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://policy-parse.dev/schemas/policy-diff.schema.json',
    title: 'policy-parse diff',
    description: 'What changed between two versions of a policy document (policy-parse diff --format json).',
    ...schema,
  };
}
