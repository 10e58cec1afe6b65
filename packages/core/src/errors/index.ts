export { BackendError, type BackendErrorDetails } from './backend-error.js';
export { ConfigError, describeValue, type ConfigErrorDetails } from './config-error.js';
export { DlError, type DlErrorOptions } from './dl-error.js';
export { ShapeError, type ShapeErrorDetails } from './shape-error.js';
