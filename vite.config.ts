/// <reference types="vitest/config" />
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vite';
import { contentPlugin } from './src/build/content-plugin.ts';
import { cspPlugin } from './src/build/csp.ts';

const root = fileURLToPath(new URL('.', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  publicDir: 'src/pwa/public',
  define: { __APP_VERSION__: JSON.stringify(version) },
  plugins: [
    preact(),
    contentPlugin(root),
    cspPlugin(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: null,
      includeAssets: ['favicon.svg'],
      manifest: {
        id: '/',
        name: 'Power Shifting',
        short_name: 'Power Shifting',
        description: 'Deal cards from the Power Shifting Card Deck and keep a log of actions and learning.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f4f8f',
        background_color: '#f6f1e7',
        icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,css,svg,png,webmanifest,json}'],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2020',
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
  },
  test: {
    restoreMocks: true,
    server: { deps: { inline: ['zustand'] } },
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'happy-dom',
          include: ['tests/component/**/*.test.tsx'],
          setupFiles: ['tests/component/setup.ts'],
        },
      },
    ],
  },
});
