// The diff command's vocabulary, in a module without dependencies so the CLI can
// declare its options without loading the diff engine or zod.

export const CHANGE_KINDS = ['added', 'removed', 'moved', 'text', 'units', 'deadline', 'targets', 'metadata', 'sections'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const DIFF_FORMATS = ['text', 'json', 'markdown'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** Minimum similarity for two tasks to be the same task. */
export const DEFAULT_THRESHOLD = 0.35;
