import { TensorAssertionError } from './assertion-error.js';
import { importNodeBuiltin } from '../backend/import-node-builtin.js';

/** The marker the dl READMEs put on the line before a block their tests run. */
const DEFAULT_MARKER = '<!-- readme-test';

/** Prefix of the stdout lines that carry `console.log` calls when `captureConsole` is set. */
const LOG_PREFIX = '\u001e[readme-log] ';

/**
 * The fenced code blocks that follow `marker` in a Markdown text: for each line that contains
 * `marker`, the block that opens on the next non-blank line (a marker followed by prose marks
 * nothing). A block's text ends with a newline, without the fences.
 *
 * @param markdown - the Markdown text (a README).
 * @param marker - the text that marks a block; default `<!-- readme-test`, so a comment such as
 *   `<!-- readme-test: src/readme-example.test.ts runs this block -->` marks the next block.
 * @returns the blocks, in order; empty when none is marked.
 * @example
 * ```ts
 * import { extractReadmeBlocks } from '@dl/core/testing';
 * extractReadmeBlocks('<!-- readme-test -->\n```ts\nconsole.log(1);\n```\n'); // ['console.log(1);\n']
 * extractReadmeBlocks('## Usage\n```sh\nnpm i x\n```', '## Usage'); // ['npm i x\n']
 * ```
 */
export function extractReadmeBlocks(markdown: string, marker: string = DEFAULT_MARKER): string[] {
  const blocks: string[] = [];
  // Blank lines, then a fence of three or more backticks with an optional info string, up to the same fence.
  const block = /(?:[ \t]*\r?\n)*(`{3,})[^`\n]*\n([\s\S]*?)^\1[ \t]*$/muy;
  for (let at = markdown.indexOf(marker); at >= 0; at = markdown.indexOf(marker, at + marker.length)) {
    const lineEnd = markdown.indexOf('\n', at + marker.length);
    if (lineEnd < 0) break;
    block.lastIndex = lineEnd + 1;
    const match = block.exec(markdown);
    if (match?.[2] !== undefined) blocks.push(match[2]);
  }
  return blocks;
}

/** Options of {@link readmeExample}. */
export interface ReadmeExampleOptions {
  /** The package whose `README.md` holds the example; imports of this package resolve to its build. */
  readonly packageDir: string;
  /**
   * Directories of other packages whose imports resolve to their builds too: a workspace
   * package the example uses that the package does not depend on. Default none.
   */
  readonly packages?: readonly string[];
  /** The text that marks the block; default `<!-- readme-test`. The README must mark exactly one. */
  readonly marker?: string;
  /** `url` (default): `file:` URLs, for Node. `path`: file paths, for the TypeScript compiler. */
  readonly resolveAs?: 'url' | 'path';
}

interface PackageJson {
  readonly name: string;
  readonly exports?: Readonly<Record<string, string | Readonly<Record<string, string>>>>;
}

/**
 * The code block a package's README marks for its tests, with the imports of the named packages
 * (`from '@dl/core'`, `from '@dl/core/node'`, `import '@dl/x'`) pointing at their built files as
 * their `exports` map them, since a package cannot import itself by name from its own tests.
 * Every other import is left as written and resolves as it does for a user.
 *
 * @param options.packageDir - the package whose README.md holds the example.
 * @param options.packages - other package directories to resolve to their builds.
 * @param options.marker - the text that marks the block.
 * @param options.resolveAs - `url` for Node, `path` for tsc.
 * @returns the TypeScript source of the example.
 * @throws {@link TensorAssertionError} when the README marks no block or more than one, when an
 *   import names a subpath the package does not export, or when a build file is missing (the
 *   message says to run `pnpm build`).
 * @example
 * ```ts
 * import { readmeExample } from '@dl/core/testing';
 * const code = await readmeExample({ packageDir: '/repo/packages/data' });
 * // "import { buildVocabulary } from 'file:///repo/packages/data/dist/index.js';\n..."
 * ```
 */
export async function readmeExample(options: ReadmeExampleOptions): Promise<string> {
  const { readFile } = await importNodeBuiltin<typeof import('node:fs/promises')>('node:fs/promises');
  const { existsSync } = await importNodeBuiltin<typeof import('node:fs')>('node:fs');
  const { join } = await importNodeBuiltin<typeof import('node:path')>('node:path');
  const { pathToFileURL } = await importNodeBuiltin<typeof import('node:url')>('node:url');
  const { packageDir, packages = [], marker = DEFAULT_MARKER, resolveAs = 'url' } = options;
  const readme = join(packageDir, 'README.md');
  const blocks = extractReadmeBlocks(await readFile(readme, 'utf8'), marker);
  if (blocks.length !== 1) throw new TensorAssertionError(`${readme} has ${blocks.length} code blocks after "${marker}"; expected exactly one.`);
  let code = blocks[0] ?? '';
  for (const dir of [packageDir, ...packages]) {
    const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as PackageJson;
    const name = manifest.name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
    const specifier = new RegExp(`(?<=\\b(?:from|import)\\s*\\(?\\s*)(['"])${name}(/[^'"]+)?\\1`, 'gu');
    code = code.replace(specifier, (_, quote: string, subpath: string | undefined) => {
      const entry = manifest.exports?.[subpath === undefined ? '.' : `.${subpath}`];
      const target = typeof entry === 'string' ? entry : (entry?.['default'] ?? entry?.['import']);
      if (target === undefined) throw new TensorAssertionError(`${manifest.name}${subpath ?? ''} is not exported by ${join(dir, 'package.json')}.`);
      const file = join(dir, target);
      if (!existsSync(file)) throw new TensorAssertionError(`${file} is missing: run \`pnpm build\` in ${dir} first.`);
      return `${quote}${resolveAs === 'url' ? pathToFileURL(file).href : file}${quote}`;
    });
  }
  return code;
}

/**
 * A fresh directory to run a README example in, under `<packageDir>/node_modules/` so that the
 * example's other imports (`@tensorflow/tfjs`, dependencies) resolve as they do for a user of the
 * package, and git and tsc ignore it. The caller removes it.
 *
 * @param packageDir - the package whose dependencies the example uses.
 * @returns the directory's path.
 * @example
 * ```ts
 * import { rm } from 'node:fs/promises';
 * import { createReadmeWorkDir } from '@dl/core/testing';
 * const workDir = await createReadmeWorkDir(packageDir);
 * afterAll(() => rm(workDir, { recursive: true, force: true }));
 * ```
 */
export async function createReadmeWorkDir(packageDir: string): Promise<string> {
  const { mkdir, mkdtemp } = await importNodeBuiltin<typeof import('node:fs/promises')>('node:fs/promises');
  const { join } = await importNodeBuiltin<typeof import('node:path')>('node:path');
  await mkdir(join(packageDir, 'node_modules'), { recursive: true });
  return mkdtemp(join(packageDir, 'node_modules', '.readme-test-'));
}

/** Options of {@link runReadmeExample}. */
export interface RunReadmeExampleOptions {
  /** Where the script is written and run (relative paths in the example land here): see {@link createReadmeWorkDir}. */
  readonly cwd: string;
  /** Time limit in milliseconds; default 120,000. The process is killed after it (`signal` is set). */
  readonly timeoutMs?: number;
  /**
   * Record each `console.log` call as JSON (in `logged`) instead of printing it, so a test can
   * check what the example logs as values. Default false: the output is what a user sees.
   */
  readonly captureConsole?: boolean;
}

/** What a {@link runReadmeExample} run printed and how it ended. */
export interface ReadmeExampleRun {
  /** Exit code; `null` when a signal ended it (the time limit). */
  readonly status: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The last non-empty line of stdout (`''` if none): where the examples print their result. */
  readonly lastLine: string;
  /** With `captureConsole`: the arguments of each `console.log` call, as JSON values. */
  readonly logged: readonly (readonly unknown[])[];
}

/**
 * Runs a README example as a user runs it: TypeScript stripped of its types (by the `typescript`
 * package, which must be installed), written as an ES module into `cwd` and run by a fresh Node
 * process, so that it gets its own module registry and tfjs backend, and top-level `await` works.
 *
 * @param code - TypeScript (or JavaScript) source, e.g. from {@link readmeExample}.
 * @param options.cwd - the directory to write and run it in.
 * @param options.timeoutMs - time limit.
 * @param options.captureConsole - record `console.log` calls as JSON.
 * @returns the exit status, output and logged values.
 * @throws {@link TensorAssertionError} when `typescript` cannot be loaded.
 * @example
 * ```ts
 * import { createReadmeWorkDir, readmeExample, runReadmeExample } from '@dl/core/testing';
 * const run = await runReadmeExample(await readmeExample({ packageDir }), { cwd: await createReadmeWorkDir(packageDir) });
 * run.status; // 0
 * JSON.parse(run.lastLine); // what the example printed last
 * ```
 */
export async function runReadmeExample(code: string, options: RunReadmeExampleOptions): Promise<ReadmeExampleRun> {
  const { writeFile } = await importNodeBuiltin<typeof import('node:fs/promises')>('node:fs/promises');
  const { join } = await importNodeBuiltin<typeof import('node:path')>('node:path');
  const { spawnSync } = await importNodeBuiltin<typeof import('node:child_process')>('node:child_process');
  const { cwd, timeoutMs = 120_000, captureConsole = false } = options;
  const ts = await loadTypeScript();
  const js = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
  // Static imports are evaluated first wherever they stand, so this replaces console.log before the example's statements run.
  const capture = `console.log = (...args) => process.stdout.write(${JSON.stringify(LOG_PREFIX)} + JSON.stringify(args) + '\\n');\n`;
  const file = join(cwd, 'readme-example.mjs');
  await writeFile(file, captureConsole ? capture + js : js);
  const result = spawnSync(process.execPath, [file], { cwd, encoding: 'utf8', timeout: timeoutMs });
  const lines = result.stdout.split('\n');
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
    lastLine: lines.filter((line) => line.trim() !== '').at(-1)?.trim() ?? '',
    logged: lines.filter((line) => line.startsWith(LOG_PREFIX)).map((line) => JSON.parse(line.slice(LOG_PREFIX.length)) as unknown[]),
  };
}

type TypeScript = typeof import('typescript');

/** The TypeScript compiler, loaded only when an example runs: `@dl/core/testing` does not depend on it. */
async function loadTypeScript(): Promise<TypeScript> {
  // A specifier in a variable: bundlers leave it to Node instead of inlining the compiler.
  const name = 'typescript';
  try {
    const loaded = (await import(/* @vite-ignore */ name)) as TypeScript & { default?: TypeScript };
    return loaded.default ?? loaded;
  } catch (error) {
    throw new TensorAssertionError(`runReadmeExample needs the \`typescript\` package to strip the example's types: install it as a dev dependency (${String(error)}).`);
  }
}
