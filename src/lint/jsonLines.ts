// Lines of the values in a JSON text, by path: `tasks[12].deadline.due` → 340. Lets findings about
// a result file point at the line of the value concerned. Expects text JSON.parse accepts.

export type JsonPath = readonly (string | number | symbol)[];

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['tasks', 12, 'deadline', 'due']` → `tasks[12].deadline.due` (the root is `(root)`). */
export function formatJsonPath(path: JsonPath): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else {
      const k = String(p);
      out += IDENT.test(k) ? (out ? `.${k}` : k) : `[${JSON.stringify(k)}]`;
    }
  }
  return out || '(root)';
}

export class JsonLines {
  private readonly lines = new Map<string, number>();

  constructor(text: string) {
    let i = 0;
    let line = 1;
    const ws = () => {
      while (i < text.length) {
        const c = text[i];
        if (c === '\n') { line++; i++; } else if (c === ' ' || c === '\t' || c === '\r' || c === '\ufeff') i++; else break;
      }
    };
    const str = () => {
      i++; // opening quote
      let s = '';
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\') { s += text.slice(i, i + 2); i += 2; } else s += text[i++];
      }
      i++;
      return JSON.parse(`"${s}"`) as string;
    };
    const value = (path: (string | number)[], at: number) => {
      ws();
      this.lines.set(formatJsonPath(path), at || line);
      const c = text[i];
      if (c === '{') {
        i++;
        ws();
        if (text[i] === '}') { i++; return; }
        for (;;) {
          ws();
          const keyLine = line;
          const key = str();
          ws();
          i++; // :
          value([...path, key], keyLine);
          ws();
          if (text[i++] === '}') return;
        }
      } else if (c === '[') {
        i++;
        ws();
        if (text[i] === ']') { i++; return; }
        for (let k = 0; ; k++) {
          ws();
          value([...path, k], 0);
          ws();
          if (text[i++] === ']') return;
        }
      } else if (c === '"') str();
      else while (i < text.length && !/[,\]}\s]/.test(text[i])) i++;
    };
    value([], 0);
  }

  /** The line of the value at `path`, or of its nearest enclosing value that exists. */
  lineOf(path: JsonPath): number | null {
    for (let n = path.length; n >= 0; n--) {
      const l = this.lines.get(formatJsonPath(path.slice(0, n)));
      if (l !== undefined) return l;
    }
    return null;
  }
}
