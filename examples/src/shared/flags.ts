/**
 * Command-line flags of the example scripts, written `--name=value` (`--name` alone for a
 * switch). A malformed value stops the script with a message naming the flag.
 */

function rawFlag(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/**
 * `--name=N` as an integer >= `min` (default 1), or `fallback` when the flag is absent.
 *
 * @example
 * ```ts
 * const epochs = integerFlag('epochs', 12); // `--epochs=3` gives 3
 * const limit = integerFlag('limit', undefined); // number | undefined
 * ```
 */
export function integerFlag<T extends number | undefined>(name: string, fallback: T, min = 1): number | T {
  const raw = rawFlag(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(value) || value < min) throw new Error(`--${name} must be an integer >= ${min}, got '${raw}'`);
  return value;
}

/**
 * `--name=x` as a finite number >= `min` (default 0), or `fallback` when the flag is absent.
 *
 * @example
 * ```ts
 * const noise = numberFlag('noise', 0.1); // `--noise=0.25` gives 0.25
 * ```
 */
export function numberFlag(name: string, fallback: number, min = 0): number {
  const raw = rawFlag(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number >= ${min}, got '${raw}'`);
  return value;
}

/**
 * `--name=text`, or `fallback` when the flag is absent.
 *
 * @example
 * ```ts
 * const out = textFlag('out', 'shapes-detector');
 * const dir = textFlag('classifier', undefined); // string | undefined
 * ```
 */
export function textFlag<T extends string | undefined>(name: string, fallback: T): string | T {
  return rawFlag(name) ?? fallback;
}

/**
 * Whether the switch `--name` is given.
 *
 * @example
 * ```ts
 * const withTorch = switchFlag('torch');
 * ```
 */
export function switchFlag(name: string): boolean {
  return process.argv.includes(`--${name}`);
}
