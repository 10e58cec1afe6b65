/** Compiles assembly/gemm.ts (see compile-gemm.mjs) and returns the WebAssembly bytes. */
export function compileGemm(options: { shared: boolean }): Promise<Uint8Array>;
