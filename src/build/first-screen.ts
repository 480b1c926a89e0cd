/**
 * The first screen's code, as one chunk: everything src/boot.tsx imports statically, found by
 * walking the module graph rather than listed by hand. (boot.tsx itself stays a small chunk of
 * its own: it draws the app when it runs, which the build-time prerender must not do.) Whatever a screen imports
 * lazily (`import()`) stays out of it; importing something statically from a first-screen
 * module brings it in, and the bundle-size check in tests/build makes that visible.
 */
import type { Plugin } from 'vite';

/** Vite's own helpers, which the entry script needs before the first-screen chunk arrives. */
const ENTRY_HELPERS = /preload-helper|modulepreload-polyfill/;

export function firstScreen(entry: string): { plugin: Plugin; test: (id: string) => boolean } {
  const members = new Set<string>();
  const plugin: Plugin = {
    name: 'power-shifting-first-screen',
    apply: 'build',
    buildEnd() {
      members.clear();
      const walk = (id: string) => {
        if (members.has(id) || ENTRY_HELPERS.test(id)) return;
        members.add(id);
        for (const next of this.getModuleInfo(id)?.importedIds ?? []) walk(next);
      };
      for (const id of this.getModuleInfo(entry)?.importedIds ?? []) walk(id);
      if (members.size < 2) this.error(`The first screen's entry ${entry} was not found in the build.`);
    },
  };
  return { plugin, test: (id) => members.has(id) };
}
