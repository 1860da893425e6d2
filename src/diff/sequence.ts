// Sequence algorithms for the diff: Myers' O(ND) shortest edit script (word-level text diffs)
// and the "stable core" of a permutation (which aligned items kept their relative order).

export type Edit =
  | { op: 'equal'; a: number; b: number }
  | { op: 'delete'; a: number }
  | { op: 'insert'; b: number };

/**
 * A shortest edit script turning `a` into `b` (Myers 1986), with the common prefix and suffix
 * trimmed first. Within each run of changes between two equal items, deletions come before
 * insertions, so the script of (b, a) is the script of (a, b) with the roles swapped whenever
 * the longest common subsequence is unique.
 */
export function diffSequences<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean = Object.is): Edit[] {
  let start = 0;
  while (start < a.length && start < b.length && eq(a[start], b[start])) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && eq(a[endA - 1], b[endB - 1])) { endA--; endB--; }

  const middle = myers(a, b, start, endA, start, endB, eq);
  const edits: Edit[] = [];
  for (let i = 0; i < start; i++) edits.push({ op: 'equal', a: i, b: i });
  edits.push(...middle);
  for (let i = endA, j = endB; i < a.length; i++, j++) edits.push({ op: 'equal', a: i, b: j });
  return canonicalize(edits);
}

function myers<T>(a: readonly T[], b: readonly T[], a0: number, a1: number, b0: number, b1: number,
  eq: (x: T, y: T) => boolean): Edit[] {
  const n = a1 - a0, m = b1 - b0;
  if (n === 0 && m === 0) return [];
  if (n === 0) return Array.from({ length: m }, (_, j) => ({ op: 'insert', b: b0 + j }) as Edit);
  if (m === 0) return Array.from({ length: n }, (_, i) => ({ op: 'delete', a: a0 + i }) as Edit);
  const max = n + m;
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = []; // trace[d] = v[-d..d] before step d
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(off - d, off + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && eq(a[a0 + x], b[b0 + y])) { x++; y++; }
      v[off + k] = x;
      if (x >= n && y >= m) { found = d; break; }
    }
  }
  const out: Edit[] = [];
  let x = n, y = m;
  for (let d = found; d > 0; d--) {
    const tv = trace[d];
    const at = (k: number) => tv[k + d];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) { out.push({ op: 'equal', a: a0 + x - 1, b: b0 + y - 1 }); x--; y--; }
    if (x === prevX) out.push({ op: 'insert', b: b0 + y - 1 });
    else out.push({ op: 'delete', a: a0 + x - 1 });
    x = prevX; y = prevY;
  }
  while (x > 0 && y > 0) { out.push({ op: 'equal', a: a0 + x - 1, b: b0 + y - 1 }); x--; y--; }
  return out.reverse();
}

/** Within each run of non-equal edits: all deletions (in order), then all insertions. */
function canonicalize(edits: Edit[]): Edit[] {
  const out: Edit[] = [];
  let dels: Edit[] = [], inss: Edit[] = [];
  const flush = () => { out.push(...dels, ...inss); dels = []; inss = []; };
  for (const e of edits) {
    if (e.op === 'equal') { flush(); out.push(e); }
    else if (e.op === 'delete') dels.push(e);
    else inss.push(e);
  }
  flush();
  return out;
}

/**
 * For a sequence of distinct numbers, which items belong to every longest increasing
 * subsequence. Used on aligned tasks (new positions listed in old order): those that do not
 * are the ones that moved. The answer is the same for the inverse permutation, so diff(A, B)
 * and diff(B, A) flag the same items as moved.
 */
export function inEveryLongestIncreasing(seq: readonly number[]): boolean[] {
  const n = seq.length;
  if (n === 0) return [];
  const ending = lisLengthsEndingAt(seq);
  const starting = lisLengthsEndingAt([...seq].reverse().map((x) => -x)).reverse();
  const best = Math.max(...ending);
  const onSome = ending.map((e, i) => e + starting[i] - 1 === best);
  const countAtLength = new Map<number, number>();
  ending.forEach((e, i) => { if (onSome[i]) countAtLength.set(e, (countAtLength.get(e) ?? 0) + 1); });
  return ending.map((e, i) => onSome[i] && countAtLength.get(e) === 1);
}

/** Length of the longest strictly increasing subsequence ending at each index (O(n log n)). */
function lisLengthsEndingAt(seq: readonly number[]): number[] {
  const tails: number[] = [];
  return seq.map((x) => {
    let lo = 0, hi = tails.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (tails[mid] < x) lo = mid + 1; else hi = mid; }
    tails[lo] = x;
    return lo + 1;
  });
}
