// Re-exported from the tfjs-free @dl/errors (the same class, not a copy).
export { ConfigError, describeValue, type ConfigErrorDetails } from '@dl/errors';
