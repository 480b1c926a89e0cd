// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Architecture doors: content → domain → storage → state → ui → pwa. */
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const no = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['dist/', 'dist-server/', 'data/', 'node_modules/', 'test-results/', 'playwright-report/', 'bench-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Node scripts run at build time.
    files: ['**/*.mjs'],
    languageOptions: {
      globals: { URL: 'readonly', Buffer: 'readonly', process: 'readonly', console: 'readonly', fetch: 'readonly', setTimeout: 'readonly', window: 'readonly', document: 'readonly', performance: 'readonly', requestAnimationFrame: 'readonly', MutationObserver: 'readonly', navigator: 'readonly', location: 'readonly', Event: 'readonly' },
    },
  },
  {
    // The benchmark's job is to print a report.
    files: ['tests/bench/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src/content/**'],
    rules: restrict([
      no(['**/domain/**', '**/storage/**', '**/state/**', '**/ui/**', '**/pwa/**'], 'Content is data and its contract only.'),
      no(['dexie', 'zustand', 'zustand/*', 'preact', 'preact/*'], 'Content is data and its contract only.'),
    ]),
  },
  {
    files: ['src/domain/**'],
    rules: restrict([
      no(['**/storage/**', '**/state/**', '**/ui/**', '**/pwa/**'], 'Domain logic is pure: no storage, state or UI.'),
      no(['dexie', 'zustand', 'zustand/*', 'preact', 'preact/*'], 'Domain logic is pure: no storage, state or UI.'),
    ]),
  },
  {
    files: ['src/storage/**'],
    rules: restrict([
      no(['**/state/**', '**/ui/**', '**/pwa/**'], 'Storage knows nothing of state or UI.'),
      no(['zustand', 'zustand/*', 'preact', 'preact/*'], 'Storage knows nothing of state or UI.'),
    ]),
  },
  {
    files: ['src/state/**'],
    rules: restrict([
      no(['**/ui/**', '**/pwa/**'], 'State does not reach up into the UI.'),
      no(['dexie'], 'Only src/storage imports Dexie.'),
      no(['preact', 'preact/*'], 'State is framework-free apart from zustand (and bind-store.ts).'),
    ]),
  },
  {
    files: ['src/state/bind-store.ts'],
    rules: restrict([no(['**/ui/**', 'dexie'], 'The binding only joins zustand to Preact hooks.')]),
  },
  {
    files: ['src/sync/**'],
    rules: restrict([
      no(['**/storage/**', '**/state/**', '**/ui/**', '**/pwa/**', '**/build/**'], 'The sync library knows nothing of storage, state or UI: the app hands it what it needs.'),
      no(['dexie', 'zustand', 'zustand/*', 'preact', 'preact/*'], 'The sync library knows nothing of storage, state or UI: the app hands it what it needs.'),
      no(['ws'], 'Browsers have WebSocket; Node callers pass ws in.'),
    ]),
  },
  {
    // The server shares the protocol and pure logic with the app, nothing else.
    files: ['server/**'],
    rules: restrict([
      { regex: '(^|/)src/(?!domain/)', message: 'The server imports only src/domain from the app.' },
      no(['dexie', 'zustand', 'zustand/*', 'preact', 'preact/*', '@hocuspocus/provider'], 'The server imports only src/domain from the app.'),
    ]),
  },
  {
    files: ['src/ui/**', 'src/pwa/**', 'src/main.tsx'],
    rules: restrict([
      no(['dexie'], 'Only src/storage imports Dexie.'),
      no(['zustand', 'zustand/*'], 'Only src/state imports zustand.'),
      no(['**/storage/**'], 'The UI reaches storage through src/state.'),
      no(['**/build/**'], 'Build code runs in Node only.'),
    ]),
  },
);
