import type { Section } from '../result/schema.js';
import { MARKER_RANK, type Marker, type MarkerKind } from './markers.js';

/**
 * Builds the section tree as headings arrive in reading order. Levels come from
 * the stack of marker kinds currently open, so they follow the document's own
 * nesting rather than a fixed table.
 */
export class OutlineBuilder {
  readonly sections: Section[] = [];
  private stack: { rank: number; section: Section }[] = [];
  private base: Section | null = null;

  /** A level-1 section that is not numbered (an article of a compilation, an attachment). */
  openRoot(heading: string, line: number): Section {
    this.stack = [];
    const s = this.push(heading, '', line, null, 1);
    this.base = s;
    return s;
  }

  /** Close every open section, including a root opened with openRoot. */
  reset(): void {
    this.stack = [];
    this.base = null;
  }

  add(marker: Marker, heading: string, line: number): Section {
    const rank = rankOf(marker.kind);
    while (this.stack.length && this.stack[this.stack.length - 1].rank >= rank) this.stack.pop();
    const parent = this.stack.length ? this.stack[this.stack.length - 1].section : this.base;
    const level = (parent ? parent.level : 0) + 1;
    const s = this.push(heading, marker.raw.trim(), line, parent?.id ?? null, level);
    this.stack.push({ rank, section: s });
    return s;
  }

  /** The innermost open section. */
  get current(): Section | null {
    return this.stack.length ? this.stack[this.stack.length - 1].section : this.base;
  }

  /** Innermost open section of a rank strictly above the given kind (the parent a new item would get). */
  parentFor(kind: MarkerKind): Section | null {
    const rank = rankOf(kind);
    for (let i = this.stack.length - 1; i >= 0; i--) if (this.stack[i].rank < rank) return this.stack[i].section;
    return this.base;
  }

  private push(heading: string, marker: string, line: number, parentId: string | null, level: number): Section {
    const s: Section = { id: `s${this.sections.length + 1}`, level, marker, heading, line, parentId };
    this.sections.push(s);
    return s;
  }
}

const rankOf = (k: MarkerKind) => MARKER_RANK[k];
