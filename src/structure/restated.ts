// Does a task table restate a measure of the body? Plans that carry a task-decomposition
// table usually restate their numbered measures as its rows, in other words (shorter, split,
// or with the measure's heading as the 重点任务 cell), so the rows are the tasks. But a
// "工作要点 + 重点项目清单" plan has measures with responsibilities of their own that no row
// repeats; those must not be lost. A measure is restated when a row shares its heading or
// most of its wording, or when the rows together do: a measure is often decomposed into
// several rows, each restating a part (seed 001: 74–98 % of a measure's character pairs are
// in its rows, 32–45 % of the 保障措施 the table leaves out, under 31 % in a project list).

/** Share of a measure's character pairs that must be found in one row to call it restated. */
const SHARED_WITH_ROW = 0.5;
/** … or in all rows together. */
const SHARED_WITH_TABLE = 0.6;

const squash = (s: string) => s.replace(/[\s\p{P}\p{S}\d]/gu, '');

function pairs(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

export interface TableRowText {
  title: string | null;
  text: string;
}

/** Prepared once per document: each row's character pairs. */
export class TableWording {
  private readonly rows: { title: string; all: string; pairs: Set<string> }[];
  private readonly allPairs = new Set<string>();

  constructor(rows: TableRowText[]) {
    this.rows = rows.map((r) => {
      const all = squash(`${r.title ?? ''}${r.text}`);
      return { title: squash(r.title ?? ''), all, pairs: pairs(all) };
    });
    for (const r of this.rows) for (const p of r.pairs) this.allPairs.add(p);
  }

  /** Is `heading` printed in some row (title or text)? */
  mentions(heading: string): boolean {
    const h = squash(heading);
    return h.length > 0 && this.rows.some((r) => r.all.includes(h));
  }

  /** Does some row restate the measure with this heading and text (responsibility bracket removed)? */
  restates(heading: string, text: string): boolean {
    const h = squash(heading);
    if (h.length >= 4 && this.rows.some((r) => r.all.includes(h) || (r.title.length >= 4 && h.includes(r.title)))) return true;
    const mine = pairs(squash(text));
    if (mine.size === 0) return true;
    const share = (found: Set<string>) => {
      let shared = 0;
      for (const p of mine) if (found.has(p)) shared++;
      return shared / mine.size;
    };
    return share(this.allPairs) >= SHARED_WITH_TABLE || this.rows.some((r) => share(r.pairs) >= SHARED_WITH_ROW);
  }
}
