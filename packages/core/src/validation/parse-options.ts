// Option parsing lives in the tfjs-free @dl/errors; core re-exports it unchanged.
export { parseOptions, type ParseOptionsContext } from '@dl/errors';
