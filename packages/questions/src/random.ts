/**
 * mulberry32: a tiny, fast 32-bit PRNG. Good enough to shuffle a quiz, not for cryptography.
 *
 * @param seed - any number; only its low 32 bits are used.
 * @returns a function giving floats in [0, 1), the same sequence for the same seed.
 * @example
 * ```ts
 * const next = mulberry32(42);
 * next(); // 0.6011037519201636
 * ```
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Turns a seed given by a person (a number or any string) into a 32-bit unsigned integer.
 * Integers pass through unchanged modulo 2^32, so `quiz.seed` can be fed back as is;
 * other values are hashed (FNV-1a over the string).
 *
 * @example
 * ```ts
 * seedToUint32(7); // 7
 * seedToUint32('monday'); // a fixed 32-bit number
 * ```
 */
export function seedToUint32(seed: number | string): number {
  if (typeof seed === 'number' && Number.isInteger(seed)) return seed >>> 0;
  let hash = 0x811c9dc5;
  for (const char of String(seed)) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A shuffled copy of `items` (Fisher-Yates driven by `random`).
 *
 * @example
 * ```ts
 * shuffled([1, 2, 3, 4], mulberry32(1)); // the same permutation on every run
 * ```
 */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
