import * as z from 'zod';

// The result contract. This file is the single source: the JSON Schema in
// schemas/policy-tasks.schema.json is generated from it (`policy-parse schema`).

export const SCHEMA_VERSION = '1.0' as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const FormatSchema = z.enum(['txt', 'docx', 'pdf', 'html', 'doc']);

export const SourceSchema = z.object({
  path: z.string().nullable(),
  format: FormatSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string().nullable(),
});

export const DocumentSchema = z.object({
  title: z.string().nullable(),
  docNumber: z.string().nullable(),
  issuer: z.string().nullable(),
  issuedDate: isoDate.nullable(),
  recipients: z.array(z.string()),
  year: z.number().int().nullable(),
});

export const SectionSchema = z.object({
  id: z.string(),
  level: z.number().int().min(1),
  marker: z.string(),
  heading: z.string(),
  line: z.number().int().min(1),
  parentId: z.string().nullable(),
});

export const UnitRoleSchema = z.enum(['lead', 'cooperate', 'responsible']);

export const UnitSchema = z.object({
  name: z.string().min(1),
  role: UnitRoleSchema,
});

export const DeadlinePrecisionSchema = z.enum(['day', 'month', 'quarter', 'year']);

export const DeadlineSchema = z.object({
  raw: z.string(),
  due: isoDate.nullable(),
  ongoing: z.boolean(),
  precision: DeadlinePrecisionSchema.nullable(),
});

export const ComparatorSchema = z.enum(['>=', '>', '<=', '<', '=', '~']);

export const TargetSchema = z.object({
  raw: z.string(),
  metric: z.string().nullable(),
  comparator: ComparatorSchema,
  value: z.number(),
  valueMax: z.number().nullable(),
  unit: z.string().nullable(),
});

export const OriginKindSchema = z.enum(['table', 'measure', 'block', 'enumeration', 'article']);

export const TaskSchema = z.object({
  id: z.string(),
  number: z.string().nullable(),
  sectionId: z.string().nullable(),
  title: z.string().nullable(),
  text: z.string(),
  units: z.array(UnitSchema),
  deadline: DeadlineSchema.nullable(),
  targets: z.array(TargetSchema),
  origin: z.object({ kind: OriginKindSchema, line: z.number().int().min(1) }),
});

export const WarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  line: z.number().int().nullable(),
  taskId: z.string().nullable(),
});

export const ResultSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: SourceSchema,
  document: DocumentSchema,
  sections: z.array(SectionSchema),
  tasks: z.array(TaskSchema),
  warnings: z.array(WarningSchema),
});

export type Format = z.infer<typeof FormatSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type DocumentMeta = z.infer<typeof DocumentSchema>;
export type Section = z.infer<typeof SectionSchema>;
export type UnitRole = z.infer<typeof UnitRoleSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type Deadline = z.infer<typeof DeadlineSchema>;
export type Comparator = z.infer<typeof ComparatorSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type OriginKind = z.infer<typeof OriginKindSchema>;
export type Task = z.infer<typeof TaskSchema>;
export type Warning = z.infer<typeof WarningSchema>;
export type Result = z.infer<typeof ResultSchema>;

/** The JSON Schema generated from ResultSchema; what `policy-parse schema` prints. */
export function resultJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ResultSchema, { target: 'draft-2020-12' }) as Record<string, unknown>;
  return {
    $schema: schema.$schema,
    $id: 'https://policy-parse.dev/schemas/policy-tasks.schema.json',
    title: 'policy-parse result',
    description: 'Tasks, sections and metadata extracted from one Chinese policy document.',
    ...schema,
  };
}
