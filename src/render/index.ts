import type { Result } from '../result/schema.js';

import type { ResultFormat } from './formats.js';

export { RESULT_FORMATS, type ResultFormat } from './formats.js';

export interface RenderOptions { compact?: boolean }

/** One result → text in the chosen format. Renderers load on demand. */
export async function renderResult(result: Result, format: ResultFormat, opts: RenderOptions = {}): Promise<string> {
  switch (format) {
    case 'json':
      return `${JSON.stringify(result, null, opts.compact ? 0 : 2)}\n`;
    case 'ndjson':
      return (await import('./ndjson.js')).renderNdjson(result);
    case 'csv':
      return (await import('./csv.js')).renderCsv(result);
    case 'text':
      return (await import('./text.js')).renderText(result);
  }
}
