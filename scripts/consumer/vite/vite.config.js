// The consumer Vite project's config: only what a browser app on tfjs needs (top-level await,
// tfjs's bundle above Vite's default chunk-size warning).
import { defineConfig } from 'vite';

export default defineConfig({
  // tfjs-backend-wasm fetches its .wasm files at run time from public/wasm (copied there).
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
});
