// Output formats, in a module of their own so the CLI can list them without loading renderers.
export const RESULT_FORMATS = ['json', 'ndjson', 'csv', 'text'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];
