import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const coreSource = fileURLToPath(new URL('../core/src/', import.meta.url));

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs, read against the page's <base>, which the server sets to the issuer's path.
  base: './',
  resolve: {
    // The shared rules from their source, so the console needs no build of core first.
    alias: [{ find: /^@portcullis\/core\/(.*)$/, replacement: `${coreSource}$1/index.ts` }],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: Object.fromEntries(
      ['/api', '/oauth', '/.well-known', '/v2', '/health'].map((path) => [
        path,
        process.env.PORTCULLIS_URL ?? 'http://127.0.0.1:8080',
      ]),
    ),
  },
});
