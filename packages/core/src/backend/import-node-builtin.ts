/**
 * Imports a Node built-in through a variable specifier, so that browser bundlers (Vite,
 * webpack) neither resolve nor stub it: for code that runs only in Node but lives in an entry
 * point that browsers import too (`@dl/core/testing`). A literal `import('node:fs')` there made
 * Vite externalize it, with a warning, in every browser app that imports the entry.
 *
 * @param specifier - a `node:` module name.
 * @returns the module.
 */
export async function importNodeBuiltin<T>(specifier: `node:${string}`): Promise<T> {
  return (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as T;
}
