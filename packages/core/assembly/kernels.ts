// dl's WebAssembly kernels for the wasm backend (batched matrix product, max-pooling gradient),
// in AssemblyScript (compiled by scripts/build-wasm.mjs into
// src/kernels/simd/kernels-binary.generated.ts).
//
// It runs on tfjs-backend-wasm's own memory (imported), on tensors where they lie: no static
// data, no allocation, no stack, so nothing of the backend's heap is touched except the
// output addresses it is given. All addresses are byte offsets; all sizes are elements.

// C (m×n, row-major, contiguous) = A · B, with B row-major of row stride n (k×n), and
// A's element (i, p) at a + 4·(i·aRow + p·aCol): aRow = k, aCol = 1 for a row-major A;
// aRow = 1, aCol = m for a transposed one (A stored k×m).
export function gemm(a: usize, aRow: i32, aCol: i32, b: usize, c: usize, m: i32, n: i32, k: i32): void {
  const rowStep = <usize>aRow << 2;
  const colStep = <usize>aCol << 2;
  const n8 = n & ~7;
  const n4 = n & ~3;
  const m4 = m & ~3;
  const cRow = <usize>n << 2;
  for (let i = 0; i < m4; i += 4) {
    const ai = a + <usize>i * rowStep;
    const ci = c + <usize>i * cRow;
    for (let j = 0; j < n8; j += 8) tile4x8(ai, rowStep, colStep, b + (<usize>j << 2), cRow, ci + (<usize>j << 2), k);
    if (n4 > n8) tile4x4(ai, rowStep, colStep, b + (<usize>n8 << 2), cRow, ci + (<usize>n8 << 2), k);
    for (let r = 0; r < 4; r++) {
      for (let j = n4; j < n; j++) store<f32>(ci + <usize>r * cRow + (<usize>j << 2), dot(ai + <usize>r * rowStep, colStep, b + (<usize>j << 2), cRow, k));
    }
  }
  for (let i = m4; i < m; i++) {
    const ai = a + <usize>i * rowStep;
    const ci = c + <usize>i * cRow;
    for (let j = 0; j < n; j++) store<f32>(ci + (<usize>j << 2), dot(ai, colStep, b + (<usize>j << 2), cRow, k));
  }
}

// dst (cols×rows, row-major) = transpose of src (rows×cols, row-major).
export function transpose(src: usize, dst: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    const from = src + (<usize>r * <usize>cols << 2);
    let to = dst + (<usize>r << 2);
    const step = <usize>rows << 2;
    for (let q = 0; q < cols; q++) {
      store<f32>(to, load<f32>(from + (<usize>q << 2)));
      to += step;
    }
  }
}

// Four rows of C by eight columns, in eight vector accumulators: per p, four broadcasts of
// A and two vector loads of B. Each cell sums its k products in order p = 0, 1, ..., k-1.
@inline function tile4x8(a: usize, rowStep: usize, colStep: usize, b: usize, bRow: usize, c: usize, k: i32): void {
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  const a1 = a + rowStep, a2 = a1 + rowStep, a3 = a2 + rowStep;
  let off: usize = 0;
  let pb = b;
  for (let p = 0; p < k; p++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    const x0 = f32x4.splat(load<f32>(a + off));
    const x1 = f32x4.splat(load<f32>(a1 + off));
    const x2 = f32x4.splat(load<f32>(a2 + off));
    const x3 = f32x4.splat(load<f32>(a3 + off));
    c00 = f32x4.add(c00, f32x4.mul(x0, b0));
    c01 = f32x4.add(c01, f32x4.mul(x0, b1));
    c10 = f32x4.add(c10, f32x4.mul(x1, b0));
    c11 = f32x4.add(c11, f32x4.mul(x1, b1));
    c20 = f32x4.add(c20, f32x4.mul(x2, b0));
    c21 = f32x4.add(c21, f32x4.mul(x2, b1));
    c30 = f32x4.add(c30, f32x4.mul(x3, b0));
    c31 = f32x4.add(c31, f32x4.mul(x3, b1));
    off += colStep;
    pb += bRow;
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c + bRow, c10);
  v128.store(c + bRow, c11, 16);
  v128.store(c + 2 * bRow, c20);
  v128.store(c + 2 * bRow, c21, 16);
  v128.store(c + 3 * bRow, c30);
  v128.store(c + 3 * bRow, c31, 16);
}

// Four rows of C by four columns (the columns past the last multiple of eight).
@inline function tile4x4(a: usize, rowStep: usize, colStep: usize, b: usize, bRow: usize, c: usize, k: i32): void {
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0);
  const a1 = a + rowStep, a2 = a1 + rowStep, a3 = a2 + rowStep;
  let off: usize = 0;
  let pb = b;
  for (let p = 0; p < k; p++) {
    const b0 = v128.load(pb);
    c0 = f32x4.add(c0, f32x4.mul(f32x4.splat(load<f32>(a + off)), b0));
    c1 = f32x4.add(c1, f32x4.mul(f32x4.splat(load<f32>(a1 + off)), b0));
    c2 = f32x4.add(c2, f32x4.mul(f32x4.splat(load<f32>(a2 + off)), b0));
    c3 = f32x4.add(c3, f32x4.mul(f32x4.splat(load<f32>(a3 + off)), b0));
    off += colStep;
    pb += bRow;
  }
  v128.store(c, c0);
  v128.store(c + bRow, c1);
  v128.store(c + 2 * bRow, c2);
  v128.store(c + 3 * bRow, c3);
}

// One cell: row a (element stride colStep) · column b (row stride bRow), in order.
@inline function dot(a: usize, colStep: usize, b: usize, bRow: usize, k: i32): f32 {
  let s: f32 = 0;
  let off: usize = 0;
  let pb = b;
  for (let p = 0; p < k; p++) {
    s += load<f32>(a + off) * load<f32>(pb);
    off += colStep;
    pb += bRow;
  }
  return s;
}

// The gradient of max pooling whose windows tile the input without overlap (stride equal to the
// window, no padding): every input position of a window gets dy where it holds the window's
// maximum y — the first such position in row-major order, as tfjs's cpu backend decides ties —
// and 0 elsewhere. Four channels at a time, without branches. Positions that no window covers
// (the last rows or columns of a 'valid' pooling whose window does not divide the size) are
// not written: the caller zero-fills dx. x, dx: [batch, inH, inW, channels]; y, dy:
// [batch, outH, outW, channels].
export function maxPoolGradTiled(x: usize, y: usize, dy: usize, dx: usize, batch: i32, inH: i32, inW: i32, channels: i32, outH: i32, outW: i32, poolH: i32, poolW: i32): void {
  const c4 = channels & ~3;
  const pixel = <usize>channels << 2;
  const inRow = <usize>inW * pixel;
  for (let b = 0; b < batch; b++) {
    for (let oh = 0; oh < outH; oh++) {
      for (let ow = 0; ow < outW; ow++) {
        const out = (((<usize>b * <usize>outH + <usize>oh) * <usize>outW + <usize>ow) * pixel);
        const corner = ((<usize>b * <usize>inH + <usize>(oh * poolH)) * <usize>inW + <usize>(ow * poolW)) * pixel;
        for (let c = 0; c < c4; c += 4) {
          const at = <usize>c << 2;
          const max = v128.load(y + out + at);
          const grad = v128.load(dy + out + at);
          let taken = i32x4.splat(0);
          for (let i = 0; i < poolH; i++) {
            let position = corner + <usize>i * inRow + at;
            for (let j = 0; j < poolW; j++) {
              const equal = f32x4.eq(v128.load(x + position), max);
              const first = v128.andnot(equal, taken);
              v128.store(dx + position, v128.and(grad, first));
              taken = v128.or(taken, equal);
              position += pixel;
            }
          }
        }
        for (let c = c4; c < channels; c++) {
          const at = <usize>c << 2;
          const max = load<f32>(y + out + at);
          const grad = load<f32>(dy + out + at);
          let taken = false;
          for (let i = 0; i < poolH; i++) {
            let position = corner + <usize>i * inRow + at;
            for (let j = 0; j < poolW; j++) {
              const first = !taken && load<f32>(x + position) == max;
              store<f32>(dx + position, first ? grad : 0);
              taken = taken || first;
              position += pixel;
            }
          }
        }
      }
    }
  }
}
