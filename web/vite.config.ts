/**
 * Builds the web reader (web/) into dist-web/ at the repository root: one hashed script and one
 * stylesheet, everything bundled (no CDN), no inline script so the server's CSP can forbid it.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const webFolder = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webFolder,
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../dist-web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The preload polyfill is a script of its own; the reader is one entry and needs none.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
