/** The server tests run the server as people do, built: build it from the current source first. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function setup(): void {
  if (!existsSync('dist/index.html')) throw new Error('The app is not built: run npm run build before npm run test:server.');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'server/vite.config.ts'], { stdio: 'inherit' });
}
