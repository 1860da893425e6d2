// policy-parse diff: what changed between two versions of a plan.
export { diffResults, mirrorDiff, diffExitCode, changeKinds, type DiffOptions, type DiffSideInfo } from './diff.js';
export { alignTasks, alignSections, DEFAULT_THRESHOLD, type Pair } from './align.js';
export { renderDiff, renderText, renderMarkdown, DIFF_FORMATS, type DiffFormat, type RenderOptions } from './render.js';
export { loadSide, parseJsonResult, type LoadedSide } from './load.js';
export * from './schema.js';
