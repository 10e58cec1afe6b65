import { useBackend, type BackendReport } from '@dl/core';

/**
 * Registers tfjs's WebGPU backend in Node on Dawn (npm `webgpu`) over Mesa's GL driver: the
 * README's recipe, exactly. Needs Debian's `libegl-dev` (Dawn loads the unversioned `libEGL.so`).
 * Leaves the cpu backend active (with dl's kernels): the parity checks switch between the two.
 * Idempotent.
 */
export function registerNodeWebGpu(): Promise<BackendReport> {
  registration ??= register();
  return registration;
}

let registration: Promise<BackendReport> | undefined;

/** One Dawn instance per process: a second one on the same GL driver crashes Mesa. */
async function register(): Promise<BackendReport> {
  process.env.EGL_PLATFORM ??= 'surfaceless'; // read by Mesa when Dawn initializes EGL
  const { create, globals } = await import('webgpu');
  Object.assign(globalThis, globals);
  const dawn = create(['backend=opengl']);
  // Mesa's GL driver offers only a compatibility adapter: ask for one.
  const gpu = {
    requestAdapter: (options: Record<string, unknown> = {}) => dawn.requestAdapter({ ...options, featureLevel: 'compatibility' } as never),
    getPreferredCanvasFormat: () => 'rgba8unorm',
    wgslLanguageFeatures: new Set<string>(),
  };
  const report = await useBackend('webgpu', { gpu });
  await useBackend('cpu'); // with dl's kernels: tfjs's own cpu BatchMatMul is wrong on broadcast batches
  return report;
}
