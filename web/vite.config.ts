import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The console. `npm run dev:web` serves it on :5173 and proxies /api to the server on :3000;
 * `npm run build:web` writes web/dist, which the server serves (with an SPA fallback to index.html).
 */
const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  publicDir: 'public',
  plugins: [react()],
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // antd and echarts are large by nature; pages are lazy-loaded so each stays in its own chunk.
    chunkSizeWarningLimit: 1500,
  },
});
