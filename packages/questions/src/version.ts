/** Replaced at build time (tsup) and test time (vitest) with the version in package.json. */
declare const __DL_QUESTIONS_VERSION__: string | undefined;

/**
 * The version of `@dl/questions`, as in its package.json.
 *
 * @example
 * ```ts
 * import { version } from '@dl/questions';
 * version; // '0.1.0'
 * ```
 */
export const version: string = typeof __DL_QUESTIONS_VERSION__ === 'string' ? __DL_QUESTIONS_VERSION__ : '0.0.0-dev';
