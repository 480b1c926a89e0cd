import { render } from '@testing-library/preact';
import { options } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WHOLE_DECK } from '../../src/domain/selection';
import { useActiveSession } from '../../src/state/active-session';
import { useDealStore } from '../../src/state/deal-store';
import { logbook, selectDatabase } from '../../src/state/logbook';
import { startSession } from '../../src/state/sessions';
import { App } from '../../src/ui/shell/app';

const pause = (ms: number) => new Promise((settle) => setTimeout(settle, ms));
let n = 0;
const frames = options.requestAnimationFrame;

beforeEach(() => {
  selectDatabase(`session-recording-test-${++n}`);
  useDealStore.getState().choose(WHOLE_DECK);
});
afterEach(() => {
  options.requestAnimationFrame = frames;
  useActiveSession.setState({ active: undefined });
});

describe('a running session', () => {
  it('records a card dealt just before the screen is left, before the next frame', async () => {
    const session = await startSession({ kind: 'supervision', title: 'Recording test', date: '2026-11-23', participants: [], series: '' });
    const view = render(<App />);
    // The next frame never comes: what waits for it (Preact's plain effects) does not run, as on
    // a busy machine when the next key leaves the screen at once.
    options.requestAnimationFrame = () => undefined;
    const drawn = new Promise<string | null>((resolve) => {
      const observer = new MutationObserver(() => {
        const card = document.querySelector('article.card');
        if (!card) return;
        observer.disconnect();
        resolve(card.getAttribute('data-card-id'));
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    const key = (name: string) => document.body.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true }));
    key(' ');
    const dealt = await drawn;
    expect(dealt).toMatch(/^cap-/);
    // Straight on to writing about it, as a quick keyboard user does.
    key('w');
    for (let i = 0; i < 100 && !location.hash.startsWith('#/logbook/'); i++) await pause(10);
    expect(location.hash).toMatch(/^#\/logbook\/new/);
    view.unmount();

    let cards: string[] = [];
    for (let i = 0; i < 100 && cards.length === 0; i++) {
      await pause(10);
      cards = ((await logbook().sessions.get(session.id))?.cards ?? []).map((c) => c.cardId);
    }
    expect(cards).toEqual([dealt]);
  });
});
