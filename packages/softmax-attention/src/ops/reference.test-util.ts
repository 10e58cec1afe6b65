/** Plain float64 references for the softmax and attention tests. Rows are the last axis. */

export type Matrix = number[][];

export function softmaxRow(row: readonly number[], mask?: readonly number[], temperature = 1): number[] {
  const kept = row.map((_, i) => mask === undefined || mask[i] !== 0);
  const z = row.map((x) => x / temperature);
  const max = Math.max(...z.filter((_, i) => kept[i]));
  if (!Number.isFinite(max)) return row.map(() => 0);
  const e = z.map((x, i) => (kept[i] ? Math.exp(x - max) : 0));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / total);
}

export function logSoftmaxRow(row: readonly number[]): number[] {
  const max = Math.max(...row);
  const lse = max + Math.log(row.reduce((a, x) => a + Math.exp(x - max), 0));
  return row.map((x) => x - lse);
}

export function jacobianRow(row: readonly number[]): Matrix {
  const s = softmaxRow(row);
  return s.map((si, i) => s.map((sj, j) => (i === j ? si : 0) - si * sj));
}

/** Central differences of the float64 softmax: J[i][j] = ∂s_i/∂x_j. */
export function jacobianByFiniteDifferences(row: readonly number[], h = 1e-6): Matrix {
  const n = row.length;
  const columns = Array.from({ length: n }, (_, j) => {
    const plus = [...row];
    const minus = [...row];
    plus[j]! += h;
    minus[j]! -= h;
    const sp = softmaxRow(plus);
    const sm = softmaxRow(minus);
    return sp.map((v, i) => (v - sm[i]!) / (2 * h));
  });
  return Array.from({ length: n }, (_, i) => columns.map((column) => column[i]!));
}

export function matmul(a: Matrix, b: Matrix): Matrix {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((sum, x, p) => sum + x * b[p]![j]!, 0)));
}

export function transpose(a: Matrix): Matrix {
  return a[0]!.map((_, j) => a.map((row) => row[j]!));
}

/** softmax(QKᵀ/√d) V for one batch entry, with an optional 0/1 mask [Lq][Lk]. */
export function attention(q: Matrix, k: Matrix, v: Matrix, mask?: Matrix): { output: Matrix; weights: Matrix } {
  const d = q[0]!.length;
  const scores = matmul(q, transpose(k)).map((row) => row.map((x) => x / Math.sqrt(d)));
  const weights = scores.map((row, i) => softmaxRow(row, mask?.[i]));
  return { output: matmul(weights, v), weights };
}

export function chunk(values: ArrayLike<number>, size: number): Matrix {
  const rows: Matrix = [];
  for (let i = 0; i < values.length; i += size) rows.push(Array.from(values).slice(i, i + size));
  return rows;
}
