// Compiles assembly/kernels.ts with the AssemblyScript compiler (an exact devDependency, so the output is
// reproducible) and returns the WebAssembly bytes. Shared by build-wasm.mjs and the test that checks
// the committed binary.
import asc from 'assemblyscript/asc';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The source with each block between a line `// unroll N {` and the next `// }` at the same
 * indentation written out N times (AssemblyScript has no macros, and V8 does not unroll the loops
 * that need it; see tile4x8 in assembly/kernels.ts). Diagnostics' line numbers refer to this text.
 * @param {string} source @returns {string}
 */
export function expandUnrolls(source) {
  const expanded = source.replace(/^([ \t]*)\/\/ unroll (\d+) \{\n([\s\S]*?)^\1\/\/ \}\n/gm, (_, _indent, times, body) => body.repeat(Number(times)));
  const open = /^[ \t]*\/\/ unroll \d+ \{$/m.exec(expanded);
  if (open !== null) throw new Error(`"${open[0].trim()}" has no "// }" at its indentation after it`);
  return expanded;
}

/** @param {{ shared: boolean }} options @returns {Promise<Uint8Array>} */
export async function compileKernels({ shared }) {
  let binary;
  const output = [];
  const flags = ['--optimizeLevel', '3', '--shrinkLevel', '0', '--enable', 'simd', '--runtime', 'stub', '--importMemory', '--noExportMemory', '--noAssert', '--use', 'abort='];
  const memory = shared ? ['--sharedMemory', '--maximumMemory', '65536', '--enable', 'threads'] : [];
  const { error } = await asc.main([join(root, 'assembly/kernels.ts'), ...flags, ...memory, '--outFile', 'kernels.wasm'], {
    stdout: { write: (s) => output.push(String(s)) },
    stderr: { write: (s) => output.push(String(s)) },
    readFile(name, baseDir) {
      try {
        const text = readFileSync(join(baseDir, name), 'utf8');
        return name.endsWith('kernels.ts') ? expandUnrolls(text) : text;
      } catch {
        return null;
      }
    },
    writeFile(name, contents) {
      if (name.endsWith('.wasm')) binary = contents;
    },
  });
  if (error || binary === undefined) throw new Error(`asc failed: ${error?.message ?? 'no output'}\n${output.join('')}`);
  return binary;
}
