/**
 * Serves the validated decks as `virtual:decks`, so a content mistake fails the build with a
 * message naming the file and field instead of reaching a user as a broken card.
 */
import type { Plugin } from 'vite';
import { loadDecks } from './load-decks.ts';

const ID = 'virtual:decks';
const RESOLVED = '\0' + ID;

export function contentPlugin(root: string): Plugin {
  return {
    name: 'power-shifting-content',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      if (id !== RESOLVED) return undefined;
      const result = loadDecks(`${root}/content`, root);
      if (!result.ok) {
        this.error(`The deck content is not valid:\n  ${result.errors.join('\n  ')}`);
      }
      for (const file of result.files) this.addWatchFile(file);
      return `export default ${JSON.stringify(result.decks)};`;
    },
  };
}
