/** Builds the server (server/*.ts and the src/domain code it shares) into dist-server/ for Node 20. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist-server',
    emptyOutDir: true,
    rolldownOptions: {
      input: { main: 'server/main.ts', backup: 'server/backup.ts' },
      output: { format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name].js' },
    },
  },
});
