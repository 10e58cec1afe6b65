// Re-exported from the tfjs-free @dl/errors (the same class, not a copy).
export { BackendError, type BackendErrorDetails } from '@dl/errors';
