// Re-exported from the tfjs-free @dl/errors (the same class, not a copy).
export { ShapeError, type ShapeErrorDetails } from '@dl/errors';
