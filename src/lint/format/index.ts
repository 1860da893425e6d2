import type { FileReport } from '../validateFile.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import type { Levels } from '../config.js';

import { VALIDATE_FORMATS, type ValidateFormat } from '../options.js';

export { VALIDATE_FORMATS, type ValidateFormat };

/** A file that could not be read or parsed: reported next to the others. */
export interface FileFailure {
  file: string;
  error: string;
}

export type FileOutcome = FileReport | FileFailure;

export const isFailure = (o: FileOutcome): o is FileFailure => 'error' in o;

export interface FormatOptions {
  /** chalk colour level for text output: 0 = none. */
  colorLevel: 0 | 1 | 2 | 3;
  levels: Levels;
  toolVersion: string;
}

export function formatReports(outcomes: FileOutcome[], format: ValidateFormat, opts: FormatOptions): string {
  switch (format) {
    case 'text': return formatText(outcomes, opts);
    case 'json': return formatJson(outcomes);
    case 'github': return formatGithub(outcomes);
    case 'sarif': return formatSarif(outcomes, opts);
  }
}
