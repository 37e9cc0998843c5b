import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: [
      {
        // Vite does not resolve chrono-node's wildcard subpath export ("./*"), which Node does.
        find: /^chrono-node\/en$/,
        replacement: fileURLToPath(
          new URL('./node_modules/chrono-node/dist/esm/locales/en/index.js', import.meta.url),
        ),
      },
    ],
  },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'threads',
  },
});
