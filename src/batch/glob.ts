// A small glob matcher for quoted patterns (Node 20 has no fs.glob):
// `*` and `?` within a path component, `**` across components, `[abc]` / `[!abc]`
// classes and `{a,b}` alternatives. Like a shell, wildcards do not match a
// leading dot.

const MAGIC = /[*?[{]/;

export function isGlob(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** Split a pattern into the directory to walk and the pattern relative to it. */
export function globBase(pattern: string): { base: string; rest: string } {
  const parts = pattern.split('/');
  const baseParts: string[] = [];
  let i = 0;
  for (; i < parts.length - 1; i++) {
    if (MAGIC.test(parts[i])) break;
    baseParts.push(parts[i]);
  }
  let base = baseParts.join('/');
  if (base === '' && pattern.startsWith('/')) base = '/';
  return { base: base || '.', rest: parts.slice(i).join('/') };
}

/** Compile the relative part of a pattern into a RegExp over a '/'-separated relative path. */
export function globToRegExp(rest: string): RegExp {
  const parts = rest.split('/').filter((p) => p !== '');
  let src = '';
  parts.forEach((part, k) => {
    const last = k === parts.length - 1;
    if (part === '**') {
      // zero or more whole components, none starting with a dot
      src += last ? '(?:(?!\\.)[^/]*(?:/(?!\\.)[^/]*)*)?' : '(?:(?!\\.)[^/]*/)*';
      return;
    }
    src += (part.startsWith('.') ? '' : '(?!\\.)') + componentToRegExp(part) + (last ? '' : '/');
  });
  return new RegExp(`^${src}$`, 'u');
}

function componentToRegExp(part: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < part.length; i++) {
    const c = part[i];
    if (c === '\\' && i + 1 < part.length) { out += escape(part[++i]); continue; }
    if (c === '*') { out += '[^/]*'; continue; }
    if (c === '?') { out += '[^/]'; continue; }
    if (c === '[') {
      const close = part.indexOf(']', i + 2);
      if (close < 0) { out += '\\['; continue; }
      let body = part.slice(i + 1, close);
      const neg = body.startsWith('!') || body.startsWith('^');
      if (neg) body = body.slice(1);
      out += `[${neg ? '^/' : ''}${body.replace(/[\\\]]/g, '\\$&')}]`;
      i = close;
      continue;
    }
    if (c === '{') { depth++; out += '(?:'; continue; }
    if (c === '}' && depth > 0) { depth--; out += ')'; continue; }
    if (c === ',' && depth > 0) { out += '|'; continue; }
    out += escape(c);
  }
  while (depth-- > 0) out += ')';
  return out;
}

const escape = (c: string) => c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
