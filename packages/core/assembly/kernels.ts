// dl's WebAssembly kernels for the wasm backend (matrix product, im2col and col2im, bias and
// activation, max-pooling gradient),
// in AssemblyScript (compiled by scripts/build-wasm.mjs into
// src/kernels/simd/kernels-binary.generated.ts).
//
// It runs on tfjs-backend-wasm's own memory (imported), on tensors where they lie: no static
// data, no allocation, no stack, so nothing of the backend's heap is touched except the
// output and scratch addresses it is given. All addresses are byte offsets; all sizes are elements.

// Blocking of the matrix product (as in BLIS and GotoBLAS): C is computed in 4×8 tiles from
// a packed copy of B (blocks of KC by NC, in panels of 8 columns) and A (blocks of MC rows by
// KC, packed in panels of 4 rows when A is transposed or C has PACK_A_COLUMNS columns or more),
// so that a B panel (KC×8, 8 KB) stays in L1 while every A panel of the block (MC×KC, 128 KB, in
// L2) goes by.
const KC = 256;
const MC = 128;
const NC = 2048;
// Products with at least this many columns pack a row-major A too (see gemm).
const PACK_A_COLUMNS = 256;

// Bytes of scratch memory that gemm needs for an m×n×k product.
export function gemmScratchBytes(m: i32, n: i32, k: i32): i32 {
  const kc = min(k, KC);
  return (kc * roundUp(min(n, NC), 8) + roundUp(min(m, MC), 4) * kc + 36) << 2;
}

// C (m×n, row-major, contiguous) = A · B, with A's element (i, p) at a + 4·(i·aRow + p·aCol)
// and B's element (p, j) at b + 4·(p·bRow + j·bCol): row-major A is aRow = k, aCol = 1; A
// stored transposed (k×m) is aRow = 1, aCol = m; likewise for B. scratch: gemmScratchBytes.
// Each cell sums its k products in order p = 0, 1, ..., k-1, starting from 0, or from C's value
// when addToC (C += A · B).
// With patchChannels > 0, A is the transposed im2col matrix of a convolution, read in place: a
// is a table of pixel addresses from patchAddresses (kernel position t's address for pixel p at
// a + 4·(t·k + p)), and A's element (i, p) is channel (aRow + i) mod patchChannels of kernel position
// (aRow + i) / patchChannels's pixel for p: aRow is the first row of the matrix that A's rows
// start from (aCol unused).
export function gemm(a: usize, aRow: i32, aCol: i32, b: usize, bRow: i32, bCol: i32, c: usize, m: i32, n: i32, k: i32, scratch: usize, addToC: bool, patchChannels: i32): void {
  const cRow = <usize>n << 2;
  if (k <= 0) {
    if (!addToC) memory.fill(c, 0, <usize>m * cRow);
    return;
  }
  const kcMax = min(k, KC);
  const packedB = scratch;
  const packedA = packedB + (<usize>(kcMax * roundUp(min(n, NC), 8)) << 2);
  const edge = packedA + (<usize>(roundUp(min(m, MC), 4) * kcMax) << 2);
  const rowPointers = edge + 128;
  // A row-major A is read in place, four rows at a time, unless C has many columns (packing it
  // cost up to half the time of products with few columns, 12544×32·32×16: 19 against 37 GFLOP/s;
  // with many, a packed panel's one pointer saves integer work in the tile: 1024², about 50
  // against 53 ms); a transposed one (four rows' values of one p side by side) is always packed.
  const direct = aCol == 1 && patchChannels == 0 && n < PACK_A_COLUMNS;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = min(KC, k - pc);
      const accumulate = pc > 0 || addToC;
      packB(b + ((<usize>pc * <usize>bRow + <usize>jc * <usize>bCol) << 2), bRow, bCol, kc, nc, packedB, <usize>kc << 5);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        const block = a + ((<usize>ic * <usize>aRow + <usize>pc * <usize>aCol) << 2);
        if (patchChannels > 0) packPatches(a, k, patchChannels, aRow + ic, pc, mc, kc, packedA);
        else if (!direct) packA(block, aRow, aCol, mc, kc, packedA);
        for (let jr = 0; jr < nc; jr += 8) {
          const panelB = packedB + (<usize>(jr * kc) << 2);
          const columns = min(8, nc - jr);
          for (let ir = 0; ir < mc; ir += 4) {
            const rows = min(4, mc - ir);
            let panelA = packedA + (<usize>(ir * kc) << 2);
            let rowStep: usize = 4;
            let colStep: usize = 16;
            if (direct && rows == 4) {
              panelA = block + (<usize>ir * <usize>aRow << 2);
              rowStep = <usize>aRow << 2;
              colStep = 4;
            } else if (direct) {
              // The last rows of A: packed with zero rows, so that no read falls past A.
              packA(block + (<usize>ir * <usize>aRow << 2), aRow, aCol, rows, kc, packedA);
              panelA = packedA;
            }
            const tile = c + <usize>(ic + ir) * cRow + (<usize>(jc + jr) << 2);
            for (let r = 0; r < 4; r++) store<u32>(rowPointers + (<usize>r << 2), panelA + <usize>r * rowStep);
            const span = <usize>kc * colStep;
            if (rows == 4 && columns == 8) {
              tile4x8(rowPointers, 16, span, colStep, panelB, tile, cRow, accumulate);
            } else {
              // A tile past C's last row or column: compute it in `edge` (4×8) and copy back.
              for (let r = 0; r < 4; r++) {
                for (let j = 0; j < 8; j++) {
                  const inside = accumulate && r < rows && j < columns;
                  store<f32>(edge + (<usize>(r * 8 + j) << 2), inside ? load<f32>(tile + <usize>r * cRow + (<usize>j << 2)) : 0);
                }
              }
              tile4x8(rowPointers, 16, span, colStep, panelB, edge, 32, true);
              for (let r = 0; r < rows; r++) {
                for (let j = 0; j < columns; j++) store<f32>(tile + <usize>r * cRow + (<usize>j << 2), load<f32>(edge + (<usize>(r * 8 + j) << 2)));
              }
            }
          }
        }
      }
    }
  }
}

// x rounded up to a multiple of `to` (a power of two).
@inline function roundUp(x: i32, to: i32): i32 {
  return (x + to - 1) & ~(to - 1);
}

// B's kc×nc block into panels of 8 columns, each kc×8 row-major, panelStep bytes apart from
// out on; columns past nc are 0.
function packB(b: usize, bRow: i32, bCol: i32, kc: i32, nc: i32, out: usize, panelStep: usize): void {
  const rowStep = <usize>bRow << 2;
  const colStep = <usize>bCol << 2;
  for (let j = 0; j < nc; j += 8) {
    const columns = min(8, nc - j);
    let from = b + <usize>j * colStep;
    let to = out + <usize>(j >> 3) * panelStep;
    if (columns == 8 && bCol == 1) {
      for (let p = 0; p < kc; p++) {
        v128.store(to, v128.load(from));
        v128.store(to, v128.load(from, 16), 16);
        from += rowStep;
        to += 32;
      }
    } else if (columns == 8 && bRow == 1) {
      // B stored transposed (its columns are rows in memory): 4×4 blocks transposed in registers.
      const k4 = kc & ~3;
      for (let p = 0; p < k4; p += 4) {
        const at = from + (<usize>p << 2);
        transpose4x4(at, colStep, to, 32);
        transpose4x4(at + 4 * colStep, colStep, to + 16, 32);
        to += 128;
      }
      for (let p = k4; p < kc; p++) {
        for (let q = 0; q < 8; q++) store<f32>(to + (<usize>q << 2), load<f32>(from + (<usize>p << 2) + <usize>q * colStep));
        to += 32;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let q = 0; q < 8; q++) store<f32>(to + (<usize>q << 2), q < columns ? load<f32>(from + <usize>q * colStep) : 0);
        from += rowStep;
        to += 32;
      }
    }
  }
}

// The 4×4 block at `from` (rows fromStep bytes apart) transposed to `to` (rows toStep apart).
@inline function transpose4x4(from: usize, fromStep: usize, to: usize, toStep: usize): void {
  const r0 = v128.load(from);
  const r1 = v128.load(from + fromStep);
  const r2 = v128.load(from + 2 * fromStep);
  const r3 = v128.load(from + 3 * fromStep);
  const t0 = v128.shuffle<i32>(r0, r1, 0, 4, 1, 5);
  const t1 = v128.shuffle<i32>(r0, r1, 2, 6, 3, 7);
  const t2 = v128.shuffle<i32>(r2, r3, 0, 4, 1, 5);
  const t3 = v128.shuffle<i32>(r2, r3, 2, 6, 3, 7);
  v128.store(to, v128.shuffle<i32>(t0, t2, 0, 1, 4, 5));
  v128.store(to + toStep, v128.shuffle<i32>(t0, t2, 2, 3, 6, 7));
  v128.store(to + 2 * toStep, v128.shuffle<i32>(t1, t3, 0, 1, 4, 5));
  v128.store(to + 3 * toStep, v128.shuffle<i32>(t1, t3, 2, 3, 6, 7));
}

// A's mc×kc block into panels of 4 rows, each kc×4 (the 4 rows' values of one p together);
// rows past mc are 0.
function packA(a: usize, aRow: i32, aCol: i32, mc: i32, kc: i32, out: usize): void {
  const rowStep = <usize>aRow << 2;
  const colStep = <usize>aCol << 2;
  let to = out;
  for (let i = 0; i < mc; i += 4) {
    const rows = min(4, mc - i);
    const from = a + <usize>i * rowStep;
    if (rows == 4 && aRow == 1) {
      let at = from;
      for (let p = 0; p < kc; p++) {
        v128.store(to, v128.load(at));
        at += colStep;
        to += 16;
      }
    } else {
      let at = from;
      for (let p = 0; p < kc; p++) {
        for (let r = 0; r < 4; r++) store<f32>(to + (<usize>r << 2), r < rows ? load<f32>(at + <usize>r * rowStep) : 0);
        at += colStep;
        to += 16;
      }
    }
  }
}

// Rows [i0, i0 + mc) by columns [p0, p0 + kc) of a transposed im2col matrix (row i: channel
// i mod channels of kernel position i / channels; column p: a pixel), packed as packA packs,
// from the table of pixel addresses (position t's for pixel p at table + 4·(t·pixels + p)).
function packPatches(table: usize, pixels: i32, channels: i32, i0: i32, p0: i32, mc: i32, kc: i32, out: usize): void {
  let to = out;
  for (let i = i0; i < i0 + mc; i += 4) {
    const t = i / channels;
    const channel = i - t * channels;
    if (channel + 4 <= channels && i + 4 <= i0 + mc) {
      // Four channels of one pixel: one vector.
      let at = table + ((<usize>t * <usize>pixels + <usize>p0) << 2);
      const offset = <usize>channel << 2;
      for (let p = 0; p < kc; p++) {
        v128.store(to, v128.load(<usize>load<u32>(at) + offset));
        at += 4;
        to += 16;
      }
    } else {
      for (let p = 0; p < kc; p++) {
        for (let r = 0; r < 4; r++) {
          const row = i + r;
          let value: f32 = 0;
          if (row < i0 + mc) {
            const tr = row / channels;
            value = load<f32>(<usize>load<u32>(table + ((<usize>tr * <usize>pixels + <usize>(p0 + p)) << 2)) + (<usize>(row - tr * channels) << 2));
          }
          store<f32>(to + (<usize>r << 2), value);
        }
        to += 16;
      }
    }
  }
}

// The table that gemm reads a transposed im2col matrix through: for output rows [rowStart,
// rowStart + rowCount) of a 2-D convolution of the NHWC input x (row: (b, oh, ow)), kernel
// position t = kh·kW + kw's pixel address for row r at table + 4·(t·rowCount + r): input pixel
// (oh·strideH + kh − padTop, ow·strideW + kw − padLeft), or `zeros` (inC zero floats) in the padding.
export function patchAddresses(
  x: usize, inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, kH: i32, kW: i32,
  strideH: i32, strideW: i32, padTop: i32, padLeft: i32, rowStart: i32, rowCount: i32, zeros: usize, table: usize,
): void {
  const pixel = <usize>inC << 2;
  const perImage = outH * outW;
  const tapStep = <usize>rowCount << 2;
  for (let r = 0; r < rowCount; r++) {
    const row = rowStart + r;
    const b = row / perImage;
    const rest = row - b * perImage;
    const oh = rest / outW;
    const ow = rest - oh * outW;
    const top = oh * strideH - padTop;
    const left = ow * strideW - padLeft;
    const image = x + <usize>b * <usize>inH * <usize>inW * pixel;
    let slot = table + (<usize>r << 2);
    for (let kh = 0; kh < kH; kh++) {
      const ih = top + kh;
      for (let kw = 0; kw < kW; kw++) {
        const iw = left + kw;
        const inside = ih >= 0 && ih < inH && iw >= 0 && iw < inW;
        store<u32>(slot, inside ? image + (<usize>ih * <usize>inW + <usize>iw) * pixel : zeros);
        slot += tapStep;
      }
    }
  }
}

// Four rows of C by eight columns, in eight vector accumulators (which start from C's values
// when `accumulate`, from 0 otherwise), summed over groups of A's columns: `pointers` holds, per
// group (pointerBytes / 16 of them), the addresses of the four rows' first values (u32); within a
// group, A's values lie colStep bytes apart for span bytes (A's rows in place, a packed panel,
// or one pixel's channels), and B's packed panel goes on 32 bytes (eight columns) per value.
// Per value: four broadcast loads of A and two vector loads of B.
function tile4x8(pointers: usize, pointerBytes: usize, span: usize, colStep: usize, b: usize, c: usize, cRow: usize, accumulate: bool): void {
  const c1 = c + cRow, c2 = c1 + cRow, c3 = c2 + cRow;
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0);
  let c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0);
  let c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  if (accumulate) {
    c00 = v128.load(c); c01 = v128.load(c, 16);
    c10 = v128.load(c1); c11 = v128.load(c1, 16);
    c20 = v128.load(c2); c21 = v128.load(c2, 16);
    c30 = v128.load(c3); c31 = v128.load(c3, 16);
  }
  // Both loops below take eight values per pass (unroll 8, expanded by scripts/compile-kernels.mjs),
  // with an exit after each: V8 then checks the stack once per eight values instead of once or
  // twice per value, and cannot hoist the later values' loads above the exits, as it did in a
  // plain unrolled loop, where they spilled registers. The 1024² product went from 56.5 to about 50 ms.
  let pb = b;
  const end = pointers + pointerBytes;
  for (let at = pointers; at < end; at += 16) {
    const a0 = <usize>load<u32>(at);
    const a1 = <usize>load<u32>(at, 4);
    const a2 = <usize>load<u32>(at, 8);
    const a3 = <usize>load<u32>(at, 12);
    if (colStep == 16 && a1 == a0 + 4 && a2 == a0 + 8 && a3 == a0 + 12) {
      // A packed panel (the four rows' values of one p side by side): one pointer for all four.
      let pa = a0;
      const last = a0 + span;
      while (pa < last) {
        // unroll 8 {
        {
          const b0 = v128.load(pb);
          const b1 = v128.load(pb, 16);
          // One broadcast at a time, used at once: with all four live, V8 runs out of registers.
          const x0 = v128.load32_splat(pa);
          c00 = f32x4.add(c00, f32x4.mul(x0, b0));
          c01 = f32x4.add(c01, f32x4.mul(x0, b1));
          const x1 = v128.load32_splat(pa, 4);
          c10 = f32x4.add(c10, f32x4.mul(x1, b0));
          c11 = f32x4.add(c11, f32x4.mul(x1, b1));
          const x2 = v128.load32_splat(pa, 8);
          c20 = f32x4.add(c20, f32x4.mul(x2, b0));
          c21 = f32x4.add(c21, f32x4.mul(x2, b1));
          const x3 = v128.load32_splat(pa, 12);
          c30 = f32x4.add(c30, f32x4.mul(x3, b0));
          c31 = f32x4.add(c31, f32x4.mul(x3, b1));
          pb += 32;
          pa += 16;
        }
        if (pa >= last) break;
        // }
      }
      continue;
    }
    let off: usize = 0;
    while (off < span) {
      // unroll 8 {
      {
        const b0 = v128.load(pb);
        const b1 = v128.load(pb, 16);
        const x0 = v128.load32_splat(a0 + off);
        c00 = f32x4.add(c00, f32x4.mul(x0, b0));
        c01 = f32x4.add(c01, f32x4.mul(x0, b1));
        const x1 = v128.load32_splat(a1 + off);
        c10 = f32x4.add(c10, f32x4.mul(x1, b0));
        c11 = f32x4.add(c11, f32x4.mul(x1, b1));
        const x2 = v128.load32_splat(a2 + off);
        c20 = f32x4.add(c20, f32x4.mul(x2, b0));
        c21 = f32x4.add(c21, f32x4.mul(x2, b1));
        const x3 = v128.load32_splat(a3 + off);
        c30 = f32x4.add(c30, f32x4.mul(x3, b0));
        c31 = f32x4.add(c31, f32x4.mul(x3, b1));
        pb += 32;
        off += colStep;
      }
      if (off >= span) break;
      // }
    }
  }
  v128.store(c, c00);
  v128.store(c, c01, 16);
  v128.store(c1, c10);
  v128.store(c1, c11, 16);
  v128.store(c2, c20);
  v128.store(c2, c21, 16);
  v128.store(c3, c30);
  v128.store(c3, c31, 16);
}

// Bytes of scratch memory that conv2d needs for a kernel of `taps` positions.
export function conv2dScratchBytes(taps: i32, inC: i32, outC: i32): i32 {
  return (taps * inC * roundUp(outC, 8) + MC * taps + inC + 32) << 2;
}

// y ([batch, outH, outW, outC], NHWC) = the 2-D convolution of the NHWC input x with a kH×kW
// filter, as an implicit matrix product (the im2col matrix is never built): for every four
// output positions, the address of each kernel position's input pixel (or of a zero pixel,
// where the window reaches into the padding) goes into an indirection buffer, and a 4×8 tile
// reads the pixels' channels through it. Window position (kh, kw) of output (oh, ow) reads input
// (oh·strideH + kh·dilationH − padTop, likewise for columns). The filter, as the product's B, is
// kH·kW blocks of inC×outC, block t's element (ci, co) at w + 4·(t·tapStep + ci·wRow + co·wCol),
// blocks taken in reverse order when flipTaps (a transposed convolution's flipped kernel).
// Each output sums its products in (kh, kw, ci) order from 0, as im2col and gemm would.
// Only output rows [rowStart, rowStart + rowCount) (row: (b, oh, ow)) are computed, so that
// threads can share the rows. scratch: conv2dScratchBytes.
export function conv2d(
  x: usize, inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, kH: i32, kW: i32,
  strideH: i32, strideW: i32, dilationH: i32, dilationW: i32, padTop: i32, padLeft: i32,
  w: usize, tapStep: i32, wRow: i32, wCol: i32, flipTaps: bool, outC: i32, y: usize, scratch: usize,
  rowStart: i32, rowCount: i32,
): void {
  const taps = kH * kW;
  const k = taps * inC;
  const m = rowStart + rowCount;
  if (rowCount <= 0 || outC <= 0) return;
  const packedB = scratch;
  const pointers = packedB + (<usize>(k * roundUp(outC, 8)) << 2);
  const zeros = pointers + (<usize>(MC * taps) << 2);
  const edge = zeros + (<usize>inC << 2);
  memory.fill(zeros, 0, <usize>inC << 2);
  for (let t = 0; t < taps; t++) {
    const from = flipTaps ? taps - 1 - t : t;
    packB(w + (<usize>from * <usize>tapStep << 2), wRow, wCol, inC, outC, packedB + (<usize>(t * inC) << 5), <usize>k << 5);
  }
  const pixel = <usize>inC << 2;
  const cRow = <usize>outC << 2;
  const perImage = outH * outW;
  const tileBytes = <usize>taps << 4;
  for (let ic = rowStart; ic < m; ic += MC) {
    const mc = min(MC, m - ic);
    // The indirection buffer: per tile of 4 rows, per kernel position, the 4 rows' pixel addresses.
    for (let r = 0; r < roundUp(mc, 4); r++) {
      const row = ic + r;
      const slot = pointers + <usize>(r >> 2) * tileBytes + (<usize>(r & 3) << 2);
      if (row >= m) {
        for (let t = 0; t < taps; t++) store<u32>(slot + (<usize>t << 4), zeros);
        continue;
      }
      const b = row / perImage;
      const rest = row - b * perImage;
      const oh = rest / outW;
      const ow = rest - oh * outW;
      const top = oh * strideH - padTop;
      const left = ow * strideW - padLeft;
      const image = x + <usize>b * <usize>inH * <usize>inW * pixel;
      for (let kh = 0; kh < kH; kh++) {
        const ih = top + kh * dilationH;
        for (let kw = 0; kw < kW; kw++) {
          const iw = left + kw * dilationW;
          const inside = ih >= 0 && ih < inH && iw >= 0 && iw < inW;
          store<u32>(slot + (<usize>(kh * kW + kw) << 4), inside ? image + (<usize>ih * <usize>inW + <usize>iw) * pixel : zeros);
        }
      }
    }
    for (let jr = 0; jr < outC; jr += 8) {
      const panelB = packedB + (<usize>jr * <usize>k << 2);
      const columns = min(8, outC - jr);
      for (let ir = 0; ir < mc; ir += 4) {
        const rows = min(4, mc - ir);
        const tilePointers = pointers + <usize>(ir >> 2) * tileBytes;
        const tile = y + <usize>(ic + ir) * cRow + (<usize>jr << 2);
        if (rows == 4 && columns == 8) {
          tile4x8(tilePointers, tileBytes, pixel, 4, panelB, tile, cRow, false);
        } else {
          tile4x8(tilePointers, tileBytes, pixel, 4, panelB, edge, 32, false);
          for (let r = 0; r < rows; r++) {
            for (let j = 0; j < columns; j++) store<f32>(tile + <usize>r * cRow + (<usize>j << 2), load<f32>(edge + (<usize>(r * 8 + j) << 2)));
          }
        }
      }
    }
  }
}

// Rows [rowStart, rowStart + rowCount) of the im2col matrix of an NHWC input x for a 2-D
// convolution, row-major into out: row (b, oh, ow) holds its window's values in (kh, kw,
// channel) order, 0 where the window reaches into the padding; window row kh is input row
// oh·strideH + kh − padTop (columns likewise).
export function im2col(
  x: usize, inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, kH: i32, kW: i32,
  strideH: i32, strideW: i32, padTop: i32, padLeft: i32, rowStart: i32, rowCount: i32, out: usize,
): void {
  const pixel = <usize>inC << 2;
  const run = <usize>kW * pixel;
  const perImage = outH * outW;
  let to = out;
  for (let row = rowStart; row < rowStart + rowCount; row++) {
    const b = row / perImage;
    const rest = row - b * perImage;
    const oh = rest / outW;
    const ow = rest - oh * outW;
    const top = oh * strideH - padTop;
    const left = ow * strideW - padLeft;
    // The part of each window row inside the image: columns [first, last) of the window.
    const first = min(kW, max(0, -left));
    const last = max(first, min(kW, inW - left));
    const image = x + <usize>b * <usize>inH * <usize>inW * pixel;
    for (let kh = 0; kh < kH; kh++) {
      const ih = top + kh;
      if (ih < 0 || ih >= inH) {
        memory.fill(to, 0, run);
      } else {
        memory.fill(to, 0, <usize>first * pixel);
        memory.copy(to + <usize>first * pixel, image + (<usize>ih * <usize>inW + <usize>(left + first)) * pixel, <usize>(last - first) * pixel);
        memory.fill(to + <usize>last * pixel, 0, <usize>(kW - last) * pixel);
      }
      to += run;
    }
  }
}

// The gradient of a 2-D convolution with respect to its NHWC input, from the gradients of its
// patches (col2im): patches holds rows [rowStart, rowStart + rowCount) of dy · Wᵀ, row-major,
// one row per output position (b, oh, ow) with its window's values in (kh, kw, channel) order;
// each is added to the input position it was read from, oh·strideH + kh − padTop (columns
// likewise); window positions in the padding are dropped. dx must hold the sum so far (zeros
// before the first block). Rows are added in order, so the sums do not depend on blocking.
export function col2im(
  patches: usize, dx: usize, inH: i32, inW: i32, inC: i32, outH: i32, outW: i32, kH: i32, kW: i32,
  strideH: i32, strideW: i32, padTop: i32, padLeft: i32, rowStart: i32, rowCount: i32,
): void {
  const pixel = <usize>inC << 2;
  const c4 = inC & ~3;
  const perImage = outH * outW;
  let from = patches;
  for (let row = rowStart; row < rowStart + rowCount; row++) {
    const b = row / perImage;
    const rest = row - b * perImage;
    const oh = rest / outW;
    const ow = rest - oh * outW;
    const top = oh * strideH - padTop;
    const left = ow * strideW - padLeft;
    const image = dx + <usize>b * <usize>inH * <usize>inW * pixel;
    for (let kh = 0; kh < kH; kh++) {
      const ih = top + kh;
      if (ih >= 0 && ih < inH) {
        const line = image + <usize>ih * <usize>inW * pixel;
        for (let kw = 0; kw < kW; kw++) {
          const iw = left + kw;
          if (iw < 0 || iw >= inW) continue;
          const to = line + <usize>iw * pixel;
          const at = from + <usize>kw * pixel;
          for (let c = 0; c < c4; c += 4) {
            const offset = <usize>c << 2;
            v128.store(to + offset, f32x4.add(v128.load(to + offset), v128.load(at + offset)));
          }
          for (let c = c4; c < inC; c++) {
            const offset = <usize>c << 2;
            store<f32>(to + offset, load<f32>(to + offset) + load<f32>(at + offset));
          }
        }
      }
      from += <usize>kW * pixel;
    }
  }
}

// The column totals of x (rows×columns, row-major), each summed in float64 in row order and
// divided by `divisor` (1 for sums, the row count for means), into out as float32: the sums and
// means over a tensor's leading axes (bias gradients, batch statistics). Sixteen columns at a
// time in eight f64x2 accumulators, then four at a time, then one.
export function sumColumns(x: usize, rows: i32, columns: i32, divisor: f64, out: usize): void {
  const rowBytes = <usize>columns << 2;
  const end = x + <usize>rows * rowBytes;
  let c = 0;
  for (; c + 16 <= columns; c += 16) {
    let s0 = f64x2.splat(0), s1 = f64x2.splat(0), s2 = f64x2.splat(0), s3 = f64x2.splat(0);
    let s4 = f64x2.splat(0), s5 = f64x2.splat(0), s6 = f64x2.splat(0), s7 = f64x2.splat(0);
    for (let at = x + (<usize>c << 2); at < end; at += rowBytes) {
      const v0 = v128.load(at), v1 = v128.load(at, 16), v2 = v128.load(at, 32), v3 = v128.load(at, 48);
      s0 = f64x2.add(s0, f64x2.promote_low_f32x4(v0));
      s1 = f64x2.add(s1, f64x2.promote_low_f32x4(v128.shuffle<i32>(v0, v0, 2, 3, 2, 3)));
      s2 = f64x2.add(s2, f64x2.promote_low_f32x4(v1));
      s3 = f64x2.add(s3, f64x2.promote_low_f32x4(v128.shuffle<i32>(v1, v1, 2, 3, 2, 3)));
      s4 = f64x2.add(s4, f64x2.promote_low_f32x4(v2));
      s5 = f64x2.add(s5, f64x2.promote_low_f32x4(v128.shuffle<i32>(v2, v2, 2, 3, 2, 3)));
      s6 = f64x2.add(s6, f64x2.promote_low_f32x4(v3));
      s7 = f64x2.add(s7, f64x2.promote_low_f32x4(v128.shuffle<i32>(v3, v3, 2, 3, 2, 3)));
    }
    const to = out + (<usize>c << 2);
    storeTotals(to, s0, divisor);
    storeTotals(to + 8, s1, divisor);
    storeTotals(to + 16, s2, divisor);
    storeTotals(to + 24, s3, divisor);
    storeTotals(to + 32, s4, divisor);
    storeTotals(to + 40, s5, divisor);
    storeTotals(to + 48, s6, divisor);
    storeTotals(to + 56, s7, divisor);
  }
  for (; c + 4 <= columns; c += 4) {
    let s0 = f64x2.splat(0), s1 = f64x2.splat(0);
    for (let at = x + (<usize>c << 2); at < end; at += rowBytes) {
      const v = v128.load(at);
      s0 = f64x2.add(s0, f64x2.promote_low_f32x4(v));
      s1 = f64x2.add(s1, f64x2.promote_low_f32x4(v128.shuffle<i32>(v, v, 2, 3, 2, 3)));
    }
    storeTotals(out + (<usize>c << 2), s0, divisor);
    storeTotals(out + (<usize>c << 2) + 8, s1, divisor);
  }
  for (; c < columns; c++) {
    let s: f64 = 0;
    for (let at = x + (<usize>c << 2); at < end; at += rowBytes) s += <f64>load<f32>(at);
    store<f32>(out + (<usize>c << 2), <f32>(s / divisor));
  }
}

// Two float64 totals divided by `divisor`, stored as two float32 values at `to`.
function storeTotals(to: usize, totals: v128, divisor: f64): void {
  v128.store64_lane(to, f32x4.demote_f64x2_zero(f64x2.div(totals, f64x2.splat(divisor))), 0);
}

// In place on y (rows×channels, row-major): y = activation(y + bias), bias a channels-vector
// (none when bias is 0). activation: 0 linear, 1 relu, 2 relu6, 3 leaky relu with slope alpha.
export function biasActivation(y: usize, rows: i32, channels: i32, bias: usize, activation: i32, alpha: f32): void {
  const zero = f32x4.splat(0);
  const six = f32x4.splat(6);
  const slope = f32x4.splat(alpha);
  const c4 = channels & ~3;
  let at = y;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < c4; c += 4) {
      let v = v128.load(at);
      if (bias != 0) v = f32x4.add(v, v128.load(bias + (<usize>c << 2)));
      if (activation == 1) v = f32x4.max(v, zero);
      else if (activation == 2) v = f32x4.min(f32x4.max(v, zero), six);
      else if (activation == 3) v = v128.bitselect(v, f32x4.mul(v, slope), f32x4.gt(v, zero));
      v128.store(at, v);
      at += 16;
    }
    for (let c = c4; c < channels; c++) {
      let v = load<f32>(at);
      if (bias != 0) v += load<f32>(bias + (<usize>c << 2));
      if (activation == 1) v = max(v, 0);
      else if (activation == 2) v = min(max(v, 0), 6);
      else if (activation == 3) v = v > 0 ? v : v * alpha;
      store<f32>(at, v);
      at += 4;
    }
  }
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

// In place on `rows` runs of `count` floats, `rowStride` floats apart, from x on: the logistic
// function σ(x) = 1 / (1 + e^−x), as 1 / (1 + e) for x ≥ 0 and e / (1 + e) below, e = e^−|x| (no
// cancellation on either side). Within a few float32 ulps of the exact value where σ(x) ≥ 2^−126;
// below x ≈ −87.3 it gives about 1.2e−38 instead of a smaller (subnormal) value. NaN stays NaN.
export function sigmoidInPlace(x: usize, count: i32, rows: i32, rowStride: i32): void {
  for (let r = 0; r < rows; r++) mapInPlace(x + (<usize>r * <usize>rowStride << 2), count, 0);
}

// In place on `rows` runs of `count` floats, `rowStride` floats apart, from x on: tanh(x), as
// x·(1 + z·P(z)) (z = x², the Taylor series to x¹¹) below |x| = 0.3, and sign(x)·(1 − t) / (1 + t),
// t = e^−2|x|, above. Within a few float32 ulps of the exact value everywhere; NaN stays NaN.
export function tanhInPlace(x: usize, count: i32, rows: i32, rowStride: i32): void {
  for (let r = 0; r < rows; r++) mapInPlace(x + (<usize>r * <usize>rowStride << 2), count, 1);
}

// Applies sigmoid (kind 0) or tanh (kind 1) to count floats at x, four at a time; the last
// count mod 4 go through the same vector code one lane each, so every value gets the same bits.
function mapInPlace(x: usize, count: i32, kind: i32): void {
  const end = x + (<usize>(count & ~3) << 2);
  let at = x;
  for (; at < end; at += 16) v128.store(at, kind == 0 ? sigmoid4(v128.load(at)) : tanh4(v128.load(at)));
  const rest = count & 3;
  if (rest == 0) return;
  let v = f32x4.splat(0);
  v = f32x4.replace_lane(v, 0, load<f32>(at));
  if (rest > 1) v = f32x4.replace_lane(v, 1, load<f32>(at, 4));
  if (rest > 2) v = f32x4.replace_lane(v, 2, load<f32>(at, 8));
  v = kind == 0 ? sigmoid4(v) : tanh4(v);
  store<f32>(at, f32x4.extract_lane(v, 0));
  if (rest > 1) store<f32>(at, f32x4.extract_lane(v, 1), 4);
  if (rest > 2) store<f32>(at, f32x4.extract_lane(v, 2), 8);
}

function sigmoid4(x: v128): v128 {
  const e = expNonPositive4(f32x4.neg(f32x4.abs(x)));
  const s = f32x4.div(f32x4.splat(1), f32x4.add(f32x4.splat(1), e));
  return v128.bitselect(s, f32x4.mul(e, s), f32x4.ge(x, f32x4.splat(0)));
}

function tanh4(x: v128): v128 {
  const a = f32x4.abs(x);
  const t = expNonPositive4(f32x4.mul(a, f32x4.splat(-2)));
  const large = f32x4.div(f32x4.sub(f32x4.splat(1), t), f32x4.add(f32x4.splat(1), t));
  const signed = v128.or(large, v128.and(x, i32x4.splat(0x80000000)));
  const z = f32x4.mul(x, x);
  let p = f32x4.splat(-8.863235e-3); // −1382/155925
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(2.1869489e-2)); // 62/2835
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-5.3968254e-2)); // −17/315
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(1.3333334e-1)); // 2/15
  p = f32x4.add(f32x4.mul(p, z), f32x4.splat(-3.3333334e-1)); // −1/3
  const small = f32x4.mul(x, f32x4.add(f32x4.splat(1), f32x4.mul(z, p))); // keeps −0
  return v128.bitselect(small, signed, f32x4.lt(a, f32x4.splat(0.3)));
}

// e^y for y ≤ 0 (Cephes' expf: y = n·ln 2 + r, |r| ≤ ln 2 / 2, a degree-7 polynomial for e^r,
// then 2^n from the exponent bits); y is clamped at −87.33654 (e^y ≥ 2^−126, a normal float).
@inline function expNonPositive4(y: v128): v128 {
  const x = f32x4.max(y, f32x4.splat(-87.33654));
  const n = f32x4.nearest(f32x4.mul(x, f32x4.splat(1.442695)));
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(-2.12194440e-4)));
  const z = f32x4.mul(r, r);
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  p = f32x4.add(f32x4.add(f32x4.mul(p, z), r), f32x4.splat(1));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(p, scale);
}

// The gradient of a gather (an Embedding lookup): out[ids[r]] += x[r] for every row r of x (rows
// rows of rowSize floats), rows in order, four values at a time; out (segments rows) must hold
// its starting values (zeros); ids (int32) outside [0, segments) are skipped, as in TensorFlow.
export function scatterAddRows(x: usize, ids: usize, rows: i32, rowSize: i32, segments: i32, out: usize): void {
  const rowBytes = <usize>rowSize << 2;
  const vectorBytes = <usize>(rowSize & ~3) << 2;
  for (let r = 0; r < rows; r++) {
    const id = load<i32>(ids + (<usize>r << 2));
    if (id < 0 || id >= segments) continue;
    const from = x + <usize>r * rowBytes;
    const to = out + <usize>id * rowBytes;
    let j: usize = 0;
    for (; j < vectorBytes; j += 16) v128.store(to + j, f32x4.add(v128.load(to + j), v128.load(from + j)));
    for (; j < rowBytes; j += 4) store<f32>(to + j, load<f32>(to + j) + load<f32>(from + j));
  }
}

// A gather of whole rows: row ids[i] of x (rows of rowBytes bytes) to row i of out, for i in
// [0, count); ids (int32) must lie in range (the caller checks them).
export function gatherRows(x: usize, ids: usize, count: i32, rowBytes: i32, out: usize): void {
  const size = <usize>rowBytes;
  for (let i = 0; i < count; i++) {
    memory.copy(out + <usize>i * size, x + <usize>load<i32>(ids + (<usize>i << 2)) * size, size);
  }
}
