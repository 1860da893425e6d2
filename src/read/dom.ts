import * as cheerio from 'cheerio';

// A minimal view of the DOM cheerio builds (domhandler nodes), enough to walk it
// without depending on domhandler's types.

export interface XNode {
  type: string; // 'tag' | 'text' | 'script' | 'style' | 'comment' | 'root' | 'cdata' | 'directive'
  name?: string;
  attribs?: Record<string, string>;
  children?: XNode[];
  data?: string;
  parent?: XNode | null;
}

export function parseXml(xml: string): XNode {
  return cheerio.load(xml, { xml: true }).root()[0] as unknown as XNode;
}

export function parseHtml(html: string): { $: cheerio.CheerioAPI; root: XNode } {
  const $ = cheerio.load(html);
  return { $, root: $.root()[0] as unknown as XNode };
}

/** Element name without its namespace prefix ("w:p" → "p"). */
export const localName = (n: XNode): string => {
  const name = n.name ?? '';
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
};

export const isTag = (n: XNode): boolean => n.type === 'tag' || n.type === 'script' || n.type === 'style';

/** An attribute by local name ("w:val" or "val"). */
export function attr(n: XNode | undefined, local: string): string | undefined {
  if (!n?.attribs) return undefined;
  if (local in n.attribs) return n.attribs[local];
  for (const [k, v] of Object.entries(n.attribs)) {
    const i = k.indexOf(':');
    if (i >= 0 && k.slice(i + 1) === local) return v;
  }
  return undefined;
}

export function childrenNamed(n: XNode | undefined, local: string): XNode[] {
  return (n?.children ?? []).filter((c) => isTag(c) && localName(c) === local);
}

export function child(n: XNode | undefined, local: string): XNode | undefined {
  return (n?.children ?? []).find((c) => isTag(c) && localName(c) === local);
}

/** All descendants with this local name, in document order. */
export function descendants(n: XNode, local: string, out: XNode[] = []): XNode[] {
  for (const c of n.children ?? []) {
    if (!isTag(c)) continue;
    if (localName(c) === local) out.push(c);
    descendants(c, local, out);
  }
  return out;
}
