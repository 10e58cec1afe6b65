/** Compiles assembly/kernels.ts (see compile-kernels.mjs) and returns the WebAssembly bytes. */
export function compileKernels(options: { shared: boolean }): Promise<Uint8Array>;
