// Compiles assembly/kernels.ts with the AssemblyScript compiler (an exact devDependency, so the output is
// reproducible) and returns the WebAssembly bytes. Shared by build-wasm.mjs and the test that checks
// the committed binary.
import asc from 'assemblyscript/asc';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** @param {{ shared: boolean }} options @returns {Promise<Uint8Array>} */
export async function compileKernels({ shared }) {
  let binary;
  const output = [];
  const flags = ['--optimizeLevel', '3', '--shrinkLevel', '0', '--enable', 'simd', '--runtime', 'stub', '--importMemory', '--noExportMemory', '--noAssert', '--use', 'abort='];
  const memory = shared ? ['--sharedMemory', '--maximumMemory', '65536', '--enable', 'threads'] : [];
  const { error } = await asc.main([join(root, 'assembly/kernels.ts'), ...flags, ...memory, '--outFile', 'kernels.wasm'], {
    stdout: { write: (s) => output.push(String(s)) },
    stderr: { write: (s) => output.push(String(s)) },
    writeFile(name, contents) {
      if (name.endsWith('.wasm')) binary = contents;
    },
  });
  if (error || binary === undefined) throw new Error(`asc failed: ${error?.message ?? 'no output'}\n${output.join('')}`);
  return binary;
}
