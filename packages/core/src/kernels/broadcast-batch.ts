/**
 * The batch shape of a batched product whose operands have batch shapes `a` and `b`, by
 * numpy's rules: align the shapes on the right, and on each axis the sizes must be equal
 * or one of them 1 (which is repeated). `[2,1]` and `[1,2]` give `[2,2]`; `[]` and
 * `[1,1]` give `[1,1]`. Returns `undefined` when an axis has two sizes, neither of them 1.
 */
export function broadcastBatchShapes(a: readonly number[], b: readonly number[]): number[] | undefined {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let axis = 0; axis < rank; axis++) {
    const x = a[axis - (rank - a.length)] ?? 1;
    const y = b[axis - (rank - b.length)] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return undefined;
    out.push(x === 1 ? y : x);
  }
  return out;
}

/**
 * For each entry of the broadcast batch `out` (row-major), the index of the entry of the
 * operand with batch shape `shape` that it reads: axes where the operand has size 1 stay
 * at 0, the others follow the output's index.
 */
export function broadcastBatchIndices(out: readonly number[], shape: readonly number[]): Int32Array {
  const size = out.reduce((p, d) => p * d, 1);
  const padded = [...Array.from({ length: out.length - shape.length }, () => 1), ...shape];
  const indices = new Int32Array(size);
  for (let flat = 0; flat < size; flat++) {
    let rest = flat;
    let index = 0;
    let stride = 1;
    for (let axis = out.length - 1; axis >= 0; axis--) {
      const position = rest % out[axis]!;
      rest = (rest - position) / out[axis]!;
      if (padded[axis] !== 1) index += position * stride;
      stride *= padded[axis]!;
    }
    indices[flat] = index;
  }
  return indices;
}
