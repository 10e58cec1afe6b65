import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root directory, with a trailing slash. */
export const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * examples/results (created if missing): where the example scripts write their JSON results.
 *
 * @example
 * ```ts
 * writeFileSync(`${resultsDir()}/fashion-mnist.json`, json);
 * ```
 */
export function resultsDir(): string {
  const dir = `${repositoryRoot}examples/results`;
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * docs/guides/figures (created if missing): where the example scripts write the guides' PNGs.
 *
 * @example
 * ```ts
 * await writePng(`${figuresDir()}/shapes-detector.png`, grid);
 * ```
 */
export function figuresDir(): string {
  const dir = `${repositoryRoot}docs/guides/figures`;
  mkdirSync(dir, { recursive: true });
  return dir;
}
