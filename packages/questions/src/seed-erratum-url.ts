import { ConfigError } from '@dl/errors';

/** Where the bank is published: the `repository` of package.json, without `git+` and `.git`. */
export const REPOSITORY_URL = 'https://github.com/dl-project/dl';

/** Rows of the seed errata (docs/seed-errata.md): a misconception's `erratum` is one of 1..33. */
export const SEED_ERRATA_ROWS = 33;

/**
 * The web address of row `erratum` of the seed errata, the page docs/seed-errata.md (both
 * languages) that a {@link Misconception.erratum} cites: its anchor `#erratum-N`.
 *
 * @param erratum - the row, an integer from 1 to 33.
 * @returns the page's address on the repository's main branch, with the row's anchor.
 * @throws `ConfigError` (from `@dl/errors`) for anything but an integer from 1 to 33.
 * @example
 * ```ts
 * import { getQuestion, seedErratumUrl } from '@dl/questions';
 * seedErratumUrl(1); // 'https://github.com/dl-project/dl/blob/main/docs/seed-errata.md#erratum-1'
 * for (const m of getQuestion('attn-softmax-derivative')?.misconceptions ?? []) {
 *   if (m.erratum !== undefined) console.log(seedErratumUrl(m.erratum));
 * }
 * ```
 */
export function seedErratumUrl(erratum: number): string {
  if (!Number.isInteger(erratum) || erratum < 1 || erratum > SEED_ERRATA_ROWS) {
    throw new ConfigError({ package: 'questions', path: 'erratum', value: erratum, expected: `an errata row, an integer from 1 to ${SEED_ERRATA_ROWS}` });
  }
  return `${REPOSITORY_URL}/blob/main/docs/seed-errata.md#erratum-${erratum}`;
}
