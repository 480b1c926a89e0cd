/**
 * Writes app.html: index.html plus the app's boot script, render-blocking, and modulepreload
 * links for what it imports. The service worker answers navigations with it: every file is then
 * already on the device, so they are fetched together and the first frame is the app's own (a
 * returning user's dealt card, not the prerendered deck first). index.html, fetched over the
 * network on a first visit, keeps only what the first paint needs.
 */
import type { Plugin } from 'vite';
import { APP_SHELL } from '../pwa/app-shell-name.ts';

export function appShellPlugin(): Plugin {
  return {
    name: 'power-shifting-app-shell',
    apply: 'build',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const html = bundle['index.html'];
        if (!html || html.type !== 'asset') return;
        const boot = Object.values(bundle).find((c) => c.type === 'chunk' && c.facadeModuleId?.endsWith('/src/boot.tsx'));
        if (!boot || boot.type !== 'chunk') return this.error('No chunk for src/boot.tsx: the app shell cannot preload it.');
        const source = String(html.source);
        const script = `<script type="module" crossorigin blocking="render" src="/${boot.fileName}"></script>`;
        const links = boot.imports
          .filter((file) => !source.includes(`href="/${file}"`))
          .map((file) => `<link rel="modulepreload" crossorigin href="/${file}">`)
          .join('');
        this.emitFile({ type: 'asset', fileName: APP_SHELL, source: source.replace('</head>', `${script}${links}</head>`) });
      },
    },
  };
}
