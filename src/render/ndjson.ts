import type { Result } from '../result/schema.js';

/** One task per line, each carrying the document's fields, so lines stand alone. */
export function renderNdjson(result: Result): string {
  return result.tasks
    .map((task) => JSON.stringify({ source: result.source, document: result.document, task }))
    .map((l) => `${l}\n`)
    .join('');
}
