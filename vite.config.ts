/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vite';
import { appShellPlugin } from './src/build/app-shell.ts';
import { contentPlugin } from './src/build/content-plugin.ts';
import { firstScreen } from './src/build/first-screen.ts';
import { cspPlugin, syncOrigin } from './src/build/csp.ts';
import { inlineCssPlugin } from './src/build/inline-css.ts';
import { dropPrerenderChunkPlugin } from './src/build/prerender-chunk.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const prerenderScript = fileURLToPath(new URL('./src/prerender.tsx', import.meta.url));
const boot = firstScreen(fileURLToPath(new URL('./src/boot.tsx', import.meta.url)));
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
// The update test builds a second version of the app; APP_VERSION_SUFFIX tells the two apart.
// A sync server on another origin than the app's (see the README's operators' notes).
const sync = syncOrigin(process.env.SYNC_URL);
const version = pkg.version + (process.env.APP_VERSION_SUFFIX ? `-${process.env.APP_VERSION_SUFFIX}` : '');

export default defineConfig({
  publicDir: 'src/pwa/public',
  define: { __APP_VERSION__: JSON.stringify(version), __SYNC_ORIGIN__: JSON.stringify(sync) },
  plugins: [
    preact({
      // Our zustand binding uses Preact hooks directly, so nothing needs the React aliases.
      reactAliasesEnabled: false,
      prerender: {
        enabled: true,
        renderTarget: '#app',
        prerenderScript,
      },
    }),
    contentPlugin(root),
    boot.plugin,
    cspPlugin(sync),
    inlineCssPlugin(),
    dropPrerenderChunkPlugin(prerenderScript),
    // After inlineCssPlugin: the app shell is a copy of the finished index.html.
    appShellPlugin(),
    VitePWA({
      registerType: 'prompt',
      // Registration comes from src/pwa/register.ts through the virtual module: no inline script.
      injectRegister: null,
      // Everything, icons included, is precached by globPatterns below; listing them again would duplicate them.
      includeAssets: [],
      includeManifestIcons: false,
      manifest: {
        id: '/',
        name: 'Power Shifting',
        short_name: 'Power Shifting',
        description:
          'Deal cards from the Power Shifting Card Deck and keep a log of the actions you take and what you learn. Works offline; your notes stay on your device.',
        lang: 'en-GB',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        theme_color: '#1f4f8f',
        background_color: '#f6f1e7',
        categories: ['education', 'productivity'],
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-512-maskable.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // Our own service worker (src/pwa/sw): it also streams big exports to the downloads folder.
      strategies: 'injectManifest',
      srcDir: 'src/pwa/sw',
      filename: 'sw.ts',
      injectManifest: {
        // The plugin adds the web manifest itself.
        globPatterns: ['**/*.{html,js,css,svg,png,json}'],
        // index.html is for the network; navigations get the app shell (see src/pwa/sw/sw.ts).
        globIgnores: ['index.html'],
      },
    }),
  ],
  worker: {
    // The worker is built on its own and kept its dependencies' tree-shaking notes: bytes for nothing.
    rolldownOptions: { output: { comments: { legal: true, annotation: false, jsdoc: false } } },
  },
  build: {
    target: 'es2022',
    rolldownOptions: {
      // lib0 (Yjs's toolkit) builds its runtime type checks at module level; nothing here uses
      // them, but the calls kept them all in the sync code. Saying the builders are pure lets
      // unused ones go.
      treeshake: { manualPureFunctions: ['$custom', '$literal', '$union', '$constructedBy', '$instanceOf'] },
      output: {
        // Everything the first screen needs in one chunk: fewer fetches between the entry and
        // the first card, which matters most on an offline reload through the service worker.
        codeSplitting: {
          groups: [{ name: 'first-screen', includeDependenciesRecursively: false, test: boot.test }],
        },
      },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
  },
  test: {
    restoreMocks: true,
    // Some tests build logbooks of thousands of entries: room for a busy machine.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        // Checks of the production build in dist/ (run after `vite build`).
        test: { name: 'build', environment: 'node', include: ['tests/build/**/*.test.ts'] },
      },
      {
        extends: true,
        // The sync server (built to dist-server/ first) with Node clients, and the sync library.
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          globalSetup: ['tests/server/build-server.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/component/setup.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
