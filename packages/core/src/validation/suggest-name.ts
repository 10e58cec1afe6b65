// Re-exported from the tfjs-free @dl/errors.
export { suggestName } from '@dl/errors';
