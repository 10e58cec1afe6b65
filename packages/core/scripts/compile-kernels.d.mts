/** Compiles assembly/kernels.ts (see compile-kernels.mjs) and returns the WebAssembly bytes. */
export function compileKernels(options: { shared: boolean }): Promise<Uint8Array>;
/** The source with each `// unroll N {` ... `// }` block written out N times. */
export function expandUnrolls(source: string): string;
