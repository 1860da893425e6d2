import { stringify } from 'csv-stringify/sync';
import type { Result } from '../result/schema.js';

export const CSV_COLUMNS = [
  'source_path', 'doc_title', 'doc_number', 'issuer', 'issued_date', 'task_id', 'number', 'section_id', 'title', 'text',
  'lead_units', 'cooperate_units', 'responsible_units', 'deadline_raw', 'due', 'ongoing', 'targets', 'line',
] as const;

/** A task per row; UTF-8 with a BOM so Excel opens Chinese text correctly. */
export function renderCsv(result: Result, withHeader = true): string {
  const rows = result.tasks.map((t) => {
    const units = (role: string) => t.units.filter((u) => u.role === role).map((u) => u.name).join('、');
    return [
      result.source.path ?? '', result.document.title ?? '', result.document.docNumber ?? '', result.document.issuer ?? '',
      result.document.issuedDate ?? '', t.id, t.number ?? '', t.sectionId ?? '', t.title ?? '', t.text,
      units('lead'), units('cooperate'), units('responsible'), t.deadline?.raw ?? '', t.deadline?.due ?? '',
      t.deadline ? String(t.deadline.ongoing) : '', t.targets.map((x) => x.raw).join('；'), String(t.origin.line),
    ];
  });
  const body = stringify(rows, { header: withHeader, columns: withHeader ? [...CSV_COLUMNS] : undefined });
  return withHeader ? `\ufeff${body}` : body;
}
