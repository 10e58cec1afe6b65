/**
 * Checks a question's {@link Verification} link against the source tree: the export exists
 * in the package's `src/index.ts`, and the linked test file imports it and uses it.
 *
 * Plain regexes over TypeScript source, not a parser. They are written for the code this
 * repository has (ES `import`/`export` statements, no `require`); what they miss is listed
 * on each function. Test-only: named `*.test-util.ts` so that `files` keeps it out of the package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Verification } from './schema.js';

/** The repository root: these checks run from the source tree, never from the published package. */
export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Reads a file, or gives `undefined` when there is none (the signature the checks take, so tests can pass a Map). */
export type ReadSource = (file: string) => string | undefined;

/** Reads `file` from disk; `undefined` when it does not exist. */
export const readFromDisk: ReadSource = (file) => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

/**
 * Where a workspace package lives.
 *
 * @example
 * ```ts
 * packageDirectory('@dl/softmax-attention', '/repo'); // '/repo/packages/softmax-attention'
 * ```
 */
export function packageDirectory(packageName: string, root = repositoryRoot): string {
  return join(root, 'packages', packageName.replace(/^@dl\//u, ''));
}

/**
 * Comments, then quoted strings and template literals, leftmost first: a `//` inside a string
 * stays part of the string and a quote inside a comment stays part of the comment.
 */
const lexemes = /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\[\s\S])*`/gu;

/**
 * Blanks comments out of `source` (as spaces, keeping line breaks), and replaces string
 * literals by `''` when `strings` is true, so that later regexes only see code. Template
 * literals keep their `${…}` expressions (one level). Regex literals are left alone; one that
 * contains `//` hides the rest of its line.
 *
 * @example
 * ```ts
 * maskSource("f('a // b'); // g()", true).trimEnd(); // "f('');"
 * ```
 */
export function maskSource(source: string, strings: boolean): string {
  return source.replace(lexemes, (lexeme) => {
    if (lexeme.startsWith('/')) return lexeme.replace(/[^\n]/gu, ' ');
    if (!strings) return lexeme;
    if (lexeme.startsWith('`')) return ` ${[...lexeme.matchAll(/\$\{([^}]*)\}/gu)].map((match) => match[1]).join(', ')} `;
    return "''";
  });
}

/** Value names in an `{ a, type B, c as d }` list: the exported (`as`) names, without type-only ones. */
function exportList(list: string): string[] {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !/^type\s/u.test(part))
    .map((part) => part.split(/\s+as\s+/u).pop()!.trim());
}

/**
 * The value names a module exports: `export { … }` lists (with or without `from`), `export
 * const|let|function|class` declarations, and whatever relative `export * from './x.js'`
 * modules export, followed recursively. Type-only exports are left out: a verification
 * link names something a test can call.
 *
 * @param file - absolute path of the module (`.ts`).
 * @param read - how to read a module; `export *` targets are read as `<specifier minus .js>.ts`.
 * @returns the names; empty when `file` cannot be read.
 */
export function exportedNames(file: string, read: ReadSource = readFromDisk, seen = new Set<string>()): Set<string> {
  const names = new Set<string>();
  const raw = seen.has(file) ? undefined : read(file);
  if (raw === undefined) return names;
  seen.add(file);
  const source = maskSource(raw, false);
  for (const match of source.matchAll(/\bexport\s*\{([^}]*)\}/gu)) for (const name of exportList(match[1]!)) names.add(name);
  for (const match of source.matchAll(/\bexport\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:(?:const|let|var|class)\s+|function\s*\*?\s*)([\w$]+)/gu)) {
    names.add(match[1]!);
  }
  for (const match of source.matchAll(/\bexport\s*\*\s*from\s*(['"])(\.[^'"\n]+)\1/gu)) {
    const target = resolve(dirname(file), match[2]!.replace(/\.js$/u, '.ts'));
    for (const name of exportedNames(target, read, seen)) names.add(name);
  }
  return names;
}

/** One name an import statement binds: `imported` is the exported name, or `'*'` for a namespace import. */
export interface ImportBinding {
  readonly imported: string;
  readonly local: string;
  readonly specifier: string;
}

/** `import a, { b, c as d } from 'x'` or `import * as n from 'x'` (one or more lines); never `import type`. */
const importStatement = /(?<![\w$.])import\s+(?!type\s)((?:[\w$]+\s*,\s*)?(?:\{[^}]*\}|\*\s*as\s+[\w$]+)|[\w$]+)\s*from\s*(['"])([^'"\n]+)\2\s*;?/gu;

/** The value bindings of one import clause (`a, { b, type C, d as e }` or `* as n`). */
function importBindings(clause: string, specifier: string): ImportBinding[] {
  const namespace = /\*\s*as\s+([\w$]+)/u.exec(clause);
  if (namespace) return [{ imported: '*', local: namespace[1]!, specifier }];
  const named = /\{([^}]*)\}/u.exec(clause)?.[1] ?? '';
  const defaultName = /^\s*([\w$]+)/u.exec(clause)?.[1];
  const bindings = named
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && !/^type\s/u.test(part))
    .map((part) => {
      const [imported, local = imported] = part.split(/\s+as\s+/u).map((name) => name.trim());
      return { imported: imported!, local: local!, specifier };
    });
  return defaultName === undefined ? bindings : [{ imported: 'default', local: defaultName, specifier }, ...bindings];
}

/** A test file split into what it imports and the code after its imports (comments and strings blanked). */
export interface ModuleCode {
  readonly imports: readonly ImportBinding[];
  readonly body: string;
}

/**
 * Splits TypeScript source into its import bindings and the rest of its code.
 *
 * @example
 * ```ts
 * readModuleCode("import { a as b } from './x.js';\nb(1); // a()").imports;
 * // [{ imported: 'a', local: 'b', specifier: './x.js' }]
 * ```
 */
export function readModuleCode(source: string): ModuleCode {
  const imports: ImportBinding[] = [];
  const rest = maskSource(source, false).replace(importStatement, (_statement, clause: string, _quote: string, specifier: string) => {
    imports.push(...importBindings(clause, specifier));
    return '';
  });
  return { imports, body: maskSource(rest, true) };
}

const escapeName = (name: string): string => name.replace(/\$/gu, '\\$');

/**
 * Whether `body` uses an imported binding as a value: a call, `new`, a member access, an
 * argument or an assignment. Not counted: property names of something else (`tf.softmax`,
 * `{ softmax: … }`) and type positions after `as`, `typeof`, `satisfies`, `extends`,
 * `implements` or `keyof`. A namespace binding counts when `ns.<exportName>` is used.
 */
export function usesBinding(body: string, binding: ImportBinding, exportName: string): boolean {
  const name = binding.imported === '*' ? `${escapeName(binding.local)}\\s*\\.\\s*${escapeName(exportName)}` : escapeName(binding.local);
  const typePosition = '\\b(?:as|typeof|satisfies|extends|implements|keyof)\\s+';
  return new RegExp(`(?<![\\w$.])(?<!${typePosition})${name}(?![\\w$]|\\s*:(?!:))`, 'u').test(body);
}

/** Whether `specifier`, imported from `fromFile`, names `packageName` itself, one of its subpaths, or a relative path inside its directory. */
export function isFromPackage(specifier: string, packageName: string, fromFile: string, root = repositoryRoot): boolean {
  if (specifier === packageName || specifier.startsWith(`${packageName}/`)) return true;
  if (!specifier.startsWith('.')) return false;
  const inside = relative(packageDirectory(packageName, root), resolve(dirname(fromFile), specifier));
  return inside !== '' && !inside.startsWith('..');
}

/**
 * What is wrong with a test file as evidence for `link`: it must import `link.export` from
 * `link.package` (by name or relatively inside that package) and use it.
 *
 * @param source - the test file's text.
 * @param testFile - its absolute path (relative imports are resolved from it).
 * @returns human-readable problems; empty when the test imports and uses the export.
 */
export function testFileProblems(source: string, testFile: string, link: Pick<Verification, 'package' | 'export'>, root = repositoryRoot): string[] {
  const { imports, body } = readModuleCode(source);
  const bindings = imports.filter(
    (binding) => (binding.imported === link.export || binding.imported === '*') && isFromPackage(binding.specifier, link.package, testFile, root),
  );
  if (bindings.length === 0) return [`does not import ${link.export} from ${link.package} (by name or a relative path inside the package)`];
  if (!bindings.some((binding) => usesBinding(body, binding, link.export))) return [`imports ${link.export} but never calls or uses it`];
  return [];
}

/**
 * Everything that keeps `link` from being `verified`: a missing export, a missing test file,
 * or a test file that does not import and use the export ({@link testFileProblems}).
 *
 * @returns problems; empty when the link holds.
 */
export function linkProblems(link: Verification, root = repositoryRoot, read: ReadSource = readFromDisk): string[] {
  const index = join(packageDirectory(link.package, root), 'src', 'index.ts');
  const problems = exportedNames(index, read).has(link.export) ? [] : [`${link.export} is not exported from ${relative(root, index)}`];
  const testFile = join(root, link.test);
  const source = read(testFile);
  if (source === undefined) return [...problems, `test file ${link.test} does not exist`];
  return [...problems, ...testFileProblems(source, testFile, link, root).map((problem) => `${link.test} ${problem}`)];
}
