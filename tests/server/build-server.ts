/**
 * The server tests run the server as people do, built: build it from the current source first,
 * and the device process (client-process.ts) the durability test kills.
 */
import { existsSync } from 'node:fs';
import { build } from 'vite';

export const CLIENT_PROCESS = 'node_modules/.cache/power-shifting-tests/client-process.mjs';

export default async function setup(): Promise<void> {
  if (!existsSync('dist/index.html')) throw new Error('The app is not built: run npm run build before npm run test:server.');
  await build({ configFile: 'server/vite.config.ts' });
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: 'tests/server/client-process.ts',
      target: 'node20',
      outDir: 'node_modules/.cache/power-shifting-tests',
      emptyOutDir: true,
      rolldownOptions: { output: { format: 'esm', entryFileNames: '[name].mjs' } },
    },
  });
}
