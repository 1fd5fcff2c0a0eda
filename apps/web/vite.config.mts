import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The web app builds into dist/web, which the API serves at `/`. `npm run dev:web`
 * serves it with hot reload and sends /api and /health to the API on :3000.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  resolve: {
    alias: {
      // The danger terms the server escalates on: one list, used on both sides.
      '@safety-terms': here('../../libs/incidents/src/escalation/escalation-terms.ts'),
      // The report's categories, places and parts: the lists the API validates against.
      '@incident-constants': here('../../libs/incidents/src/incident.constants.ts'),
      // The live stream's reader: the same code the tests and the benchmark read it with.
      '@sse-reader': here('../../libs/common/src/sse/read-sse.ts'),
    },
  },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://localhost:3000',
      '/health': 'http://localhost:3000',
    },
  },
});
