/**
 * Node-only helpers: saving and loading models to directories without tfjs-node, and a
 * terminal progress bar for training.
 *
 * @packageDocumentation
 */
export { createFileSystemHandler, fileSystemHandler, type FileSystem } from './file-system-handler.js';
export { ProgressBar, type EpochStats, type ProgressBarOptions } from './progress-bar.js';
export { loadModel, saveModel } from './save-load.js';
