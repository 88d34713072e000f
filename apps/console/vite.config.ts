// Builds the console (README "Console") into dist/console, served by the API at /console
// (apps/api/src/http/console.ts). `npm run build:console`; `npm start` runs it first (prestart).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  base: '/console/',
  // No public/ directory: everything the page needs is imported by src/main.ts.
  publicDir: false,
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    // ECharts alone is ~600 kB minified: one bundle is fine for an intranet console.
    chunkSizeWarningLimit: 1500,
    // Source maps for auditors' browsers are not needed; keeps dist small.
    sourcemap: false,
  },
  server: {
    // `npx vite --config apps/console/vite.config.ts` during development: the API on :3000 answers /api.
    proxy: { '/api': 'http://localhost:3000', '/docs': 'http://localhost:3000' },
  },
});
