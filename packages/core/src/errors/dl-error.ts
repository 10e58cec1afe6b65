// The error classes live in the tfjs-free @dl/errors; core re-exports them (the same classes, so
// `instanceof` holds whichever package a caller imports them from).
export { DlError, type DlErrorOptions } from '@dl/errors';
