import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentPlugin } from '../../src/build/content-plugin';

const repoContent = fileURLToPath(new URL('../../content', import.meta.url));

function runLoad(root: string, id = 'virtual:default-deck'): string {
  const plugin = contentPlugin(root);
  const context = {
    error(message: string): never {
      throw new Error(message);
    },
    addWatchFile() {},
  };
  const resolved = (plugin.resolveId as unknown as (id: string) => string)(id);
  return (plugin.load as unknown as (this: typeof context, id: string) => string).call(context, resolved);
}

describe('the build content plugin', () => {
  it('emits the first deck as a module, and only a summary of the others for the first screen', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
    const code = runLoad(root);
    expect(code.startsWith('export default {')).toBe(true);
    expect(code).toContain('cap-10-community-2');
    expect(code).not.toContain('live-well');
    const index = runLoad(root, 'virtual:deck-index');
    expect(index).toContain('"id":"live-well","title":"Live Well Leadership Collaborative"');
    expect(index).toContain('"sectionName":"Theme","sections":8,"cards":31');
    expect(index).not.toContain('live-well-1-model-optimism');
  });

  it('emits each other deck as a module of its own, imported only by the loaders', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
    expect(runLoad(root, 'virtual:deck-loaders')).toBe(
      'export default {"engagement": () => import("virtual:deck/engagement").then((m) => m.default), "live-well": () => import("virtual:deck/live-well").then((m) => m.default), "our-manchester": () => import("virtual:deck/our-manchester").then((m) => m.default)};',
    );
    const liveWell = runLoad(root, 'virtual:deck/live-well');
    expect(liveWell).toContain('live-well-1-model-optimism');
    expect(liveWell).not.toContain('cap-10-community-2');
    expect(() => runLoad(root, 'virtual:deck/no-such-deck')).toThrow('There is no deck "no-such-deck" in the content.');
  });

  it('in a production build, makes each other deck a data file of its own that the loaders fetch', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
    const plugin = contentPlugin(root);
    (plugin.configResolved as unknown as (config: object) => void)({ command: 'build', base: '/', build: {} });
    const emitted: { fileName: string; source: string }[] = [];
    const context = {
      error(message: string): never {
        throw new Error(message);
      },
      addWatchFile() {},
      emitFile(file: { fileName: string; source: string }) {
        emitted.push(file);
        return file.fileName;
      },
    };
    const resolved = (plugin.resolveId as unknown as (id: string) => string)('virtual:deck-loaders');
    const code = (plugin.load as unknown as (this: typeof context, id: string) => string).call(context, resolved);
    expect(emitted.map((f) => f.fileName)).toEqual([
      expect.stringMatching(/^assets\/deck-engagement-[0-9a-f]{8}\.json$/),
      expect.stringMatching(/^assets\/deck-live-well-[0-9a-f]{8}\.json$/),
      expect.stringMatching(/^assets\/deck-our-manchester-[0-9a-f]{8}\.json$/),
    ]);
    const liveWell = emitted[1]!;
    expect(JSON.parse(liveWell.source)).toMatchObject({ id: 'live-well', sectionName: 'Theme' });
    expect(liveWell.source).toContain('live-well-1-model-optimism');
    expect(code).toContain(`"live-well": () => fetchDeck("/${liveWell.fileName}")`);
    expect(code).not.toContain('import(');
  });

  it('fails the build with a message naming the file and the field', () => {
    const root = mkdtempSync(join(tmpdir(), 'ps-build-'));
    cpSync(repoContent, join(root, 'content'), { recursive: true });
    const file = join(root, 'content/decks/power-shifting/deck.json');
    const deck = JSON.parse(readFileSync(file, 'utf8'));
    delete deck.capabilities[6].framing;
    writeFileSync(file, JSON.stringify(deck));
    expect(() => runLoad(root)).toThrow(
      'The deck content is not valid:\n  content/decks/power-shifting/deck.json: capabilities[6].framing: is missing',
    );
  });

  it('fails the build over a mistake in a companion deck, naming its file and field', () => {
    const root = mkdtempSync(join(tmpdir(), 'ps-build-'));
    cpSync(repoContent, join(root, 'content'), { recursive: true });
    const file = join(root, 'content/decks/live-well/deck.json');
    const deck = JSON.parse(readFileSync(file, 'utf8'));
    deck.capabilities[2].tasks[1].titel = deck.capabilities[2].tasks[1].title;
    delete deck.capabilities[2].tasks[1].title;
    delete deck.capabilities[4].tasks[0].text;
    writeFileSync(file, JSON.stringify(deck));
    // Whichever module the app asks for first: the first screen's own deck is fine, but the build stops.
    for (const id of ['virtual:default-deck', 'virtual:deck-index', 'virtual:deck/live-well']) {
      expect(() => runLoad(root, id)).toThrow(
        'The deck content is not valid:\n  content/decks/live-well/deck.json: capabilities[2].tasks[1].titel: is not a field the format knows (check the spelling)',
      );
    }
    expect(() => runLoad(root)).toThrow('content/decks/live-well/deck.json: capabilities[4].tasks[0].text: is missing');
  });

  it('emits the destinations as a module of their own, and the ids of the decks that have one', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
    const destinations = runLoad(root, 'virtual:destinations');
    expect(destinations.startsWith('export default [')).toBe(true);
    expect(destinations).toContain('power-shifting-destination');
    expect(destinations).not.toContain('cap-10-community-2');
    expect(runLoad(root, 'virtual:destination-decks')).toBe('export default ["power-shifting"];');
  });

  it('fails the build when a destination is not valid', () => {
    const root = mkdtempSync(join(tmpdir(), 'ps-build-'));
    cpSync(repoContent, join(root, 'content'), { recursive: true });
    const file = join(root, 'content/destination/power-shifting.json');
    const destination = JSON.parse(readFileSync(file, 'utf8'));
    delete destination.groups[0].headline;
    writeFileSync(file, JSON.stringify(destination));
    expect(() => runLoad(root, 'virtual:destinations')).toThrow(
      'The destination content is not valid:\n  content/destination/power-shifting.json: groups[0].headline: is missing',
    );
    // The decks alone are still fine.
    expect(runLoad(root)).toContain('cap-10-community-2');
  });
});
