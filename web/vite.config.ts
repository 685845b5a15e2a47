import { defineConfig } from 'vitest/config';

// The dev server forwards API and health requests to a running stack, so
// `npm run dev` behaves like the nginx setup. CONDUIT_DEV_BACKEND overrides
// the default local-stack address.
const backend = process.env.CONDUIT_DEV_BACKEND ?? 'http://127.0.0.1:8000';

export default defineConfig({
  build: {
    outDir: 'dist',
    assetsDir: 'assets',
    // Assets are always emitted as files, because inlined data URLs for
    // fonts or scripts would need a looser Content-Security-Policy.
    assetsInlineLimit: 0,
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/api': backend,
      '/healthz': backend,
    },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
