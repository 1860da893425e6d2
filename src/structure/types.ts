import type { DocumentMeta, OriginKind, Section, UnitRole } from '../result/schema.js';

/** Where the units of a task were printed, before the extract stage reads them. */
export interface UnitSpec {
  raw: string;
  /** The role from a column header or label; null for a phrase whose roles are in its words ("A牵头，B配合"). */
  role: UnitRole | null;
  /** A document-wide convention: the first unit of a plain list leads ("排在第一位的部门为牵头部门"). */
  firstLeads?: boolean;
}

/** A task as the structure stage finds it: text and the raw phrases the extractors will read. */
export interface DraftTask {
  number: string | null;
  sectionId: string | null;
  title: string | null;
  text: string;
  unitSpecs: UnitSpec[];
  deadlineRaw: string | null;
  origin: { kind: OriginKind; line: number };
}

export interface DraftWarning {
  code: string;
  message: string;
  line: number | null;
}

export interface Structure {
  document: DocumentMeta;
  sections: Section[];
  tasks: DraftTask[];
  warnings: DraftWarning[];
}
