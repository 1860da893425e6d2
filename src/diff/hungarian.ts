import { DisjointSets } from '../unionFind.js';
// Optimal one-to-one assignment (the Hungarian algorithm, in the shortest-augmenting-path form
// with row/column potentials: O(n²·m) for n rows ≤ m columns).

/**
 * Minimum-cost assignment of every row to a distinct column. `cost` is n×m with n ≤ m
 * (callers transpose otherwise); entries must be finite. Returns, for each row, its column.
 */
export function minCostAssignment(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  if (n === 0) return [];
  const m = cost[0].length;
  if (n > m) throw new RangeError(`minCostAssignment: ${n} rows > ${m} columns`);
  for (const row of cost) {
    if (row.length !== m) throw new RangeError('minCostAssignment: ragged matrix');
    for (const c of row) if (!Number.isFinite(c)) throw new RangeError('minCostAssignment: non-finite cost');
  }
  // 1-based arrays as in the classic formulation; column 0 is the virtual start column.
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j]: row assigned to column j (0 = none)
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    minv.fill(Infinity);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      const row = cost[i0 - 1];
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = row[j - 1] - u[i0] - v[j];
        if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
        if (minv[j] < delta) { delta = minv[j]; j1 = j; }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) { u[p[j]] += delta; v[j] -= delta; } else minv[j] -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const assignment = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j] !== 0) assignment[p[j] - 1] = j - 1;
  return assignment;
}

/**
 * Maximum-weight matching in a bipartite graph given as an n×m weight matrix: pairs with
 * weight ≤ 0 are "no edge" and never returned. Rectangular matrices of any shape are fine.
 * Independent groups of rows and columns (connected by positive weights) are solved
 * separately, so sparse similarity matrices stay cheap. Returns [row, column] pairs, by row.
 */
export function maxWeightMatching(weights: readonly (readonly number[])[]): [number, number][] {
  const n = weights.length;
  const m = n === 0 ? 0 : weights[0].length;
  if (n === 0 || m === 0) return [];
  // Union-find over rows 0..n-1 and columns n..n+m-1.
  const sets = new DisjointSets(n + m);
  for (let i = 0; i < n; i++) {
    if (weights[i].length !== m) throw new RangeError('maxWeightMatching: ragged matrix');
    for (let j = 0; j < m; j++) {
      if (weights[i][j] > 0) {
        sets.union(n + j, i);
      }
    }
  }
  const groups = new Map<number, { rows: number[]; cols: number[] }>();
  const group = (root: number) => {
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { rows: [], cols: [] }));
    return g;
  };
  for (let i = 0; i < n; i++) group(sets.find(i)).rows.push(i);
  for (let j = 0; j < m; j++) group(sets.find(n + j)).cols.push(j);
  const pairs: [number, number][] = [];
  for (const { rows, cols } of groups.values()) {
    if (rows.length === 0 || cols.length === 0) continue;
    if (rows.length === 1 && cols.length === 1) {
      if (weights[rows[0]][cols[0]] > 0) pairs.push([rows[0], cols[0]]);
      continue;
    }
    const transpose = rows.length > cols.length;
    const r = transpose ? cols : rows;
    const c = transpose ? rows : cols;
    const w = (a: number, b: number) => (transpose ? weights[c[b]][r[a]] : weights[r[a]][c[b]]);
    // Minimise the negated weights; non-edges cost 0, the same as leaving the row unmatched.
    const cost = r.map((_, a) => c.map((_, b) => -Math.max(0, w(a, b))));
    const assigned = minCostAssignment(cost);
    assigned.forEach((b, a) => {
      if (b >= 0 && w(a, b) > 0) pairs.push(transpose ? [c[b], r[a]] : [r[a], c[b]]);
    });
  }
  return pairs.sort((x, y) => x[0] - y[0]);
}
