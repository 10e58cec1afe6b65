import { defineConfig } from 'vite';

export default defineConfig({
  // tfjs-backend-wasm is loaded at run time from public/wasm (see prepare-assets.mjs).
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  preview: { port: 4173, strictPort: true },
});
