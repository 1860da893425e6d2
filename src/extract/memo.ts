/**
 * A function remembered by its text argument, but only inside `within(fn)`: one document's stage
 * asks about the same texts many times, while a memo that outlived the document would only grow.
 * Results are shared between callers: read them, never change them.
 */
export interface ScopedMemo<V> {
  (text: string): V;
  within<T>(fn: () => T): T;
}

export function scopedMemo<V>(compute: (text: string) => V): ScopedMemo<V> {
  let memo: Map<string, V> | null = null;
  const get = ((text: string): V => {
    if (memo === null) return compute(text);
    let value = memo.get(text);
    if (value === undefined) {
      value = compute(text);
      memo.set(text, value);
    }
    return value;
  }) as ScopedMemo<V>;
  get.within = <T>(fn: () => T): T => {
    const outer = memo;
    memo = outer ?? new Map();
    try {
      return fn();
    } finally {
      memo = outer;
    }
  };
  return get;
}
