// Lists a package's browser entry points from its package.json `exports`, as a bundler that
// targets browsers (Vite: conditions browser, module, import, default) resolves them.

/** Conditions a browser bundler matches; `node` and `require` are not among them. */
const browserConditions = new Set(['browser', 'module', 'import', 'default', 'production', 'development']);

/** True when some branch of an `exports` target resolves under the browser conditions. */
function reachableInBrowser(target) {
  if (typeof target === 'string') return true;
  if (Array.isArray(target)) return target.some(reachableInBrowser);
  if (target === null || typeof target !== 'object') return false;
  return Object.entries(target).some(([condition, value]) => browserConditions.has(condition) && reachableInBrowser(value));
}

/**
 * The import specifiers of a package's browser entry points: every `exports` subpath but
 * `./package.json`, patterns, the `/node` subpaths, and those reachable only under `node`.
 *
 * @example
 * browserEntryPoints({ name: '@dl/core', exports: { '.': { default: './dist/index.js' }, './node': { default: './dist/node/index.js' } } });
 * // ['@dl/core']
 */
export function browserEntryPoints(manifest) {
  const exports = typeof manifest.exports === 'object' && manifest.exports !== null && !Array.isArray(manifest.exports) && Object.keys(manifest.exports).every((key) => key.startsWith('.'))
    ? manifest.exports
    : { '.': manifest.exports ?? manifest.module ?? manifest.main ?? './index.js' };
  return Object.entries(exports)
    .filter(([subpath, target]) => subpath !== './package.json' && !subpath.includes('*') && !/(^|\/)node$/.test(subpath) && reachableInBrowser(target))
    .map(([subpath]) => (subpath === '.' ? manifest.name : `${manifest.name}/${subpath.slice(2)}`));
}
