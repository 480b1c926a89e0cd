import { useEffect, useRef, useState } from 'preact/hooks';
import { currentCardId } from '../../domain/deal';
import type { Command } from '../../domain/workshop/messages';
import { useRecordCard } from '../sessions/use-record-card';
import type { Deck } from '../../content/schema';
import { findCard } from '../../domain/catalog';
import { useDealStore } from '../../state/deal-store';
import { applyCommand, openChannel, presenterState, useWorkshop, type Channel } from '../../state/workshop';
import { CapabilitySpread } from '../cards/capability-spread';
import { DeckLoading } from '../cards/deck-loading';
import { useDeck } from '../cards/use-deck';
import { TaskCard } from '../cards/task-card';
import { paths } from '../routing/routes';
import { useKeys } from '../shell/use-keys';
import { lockNow, useLockStatus } from '../../state/lock-status';
import { HelpOverlay } from './help-overlay';
import { TimerDisplay } from './timer-display';
import { useFitText } from './use-fit-text';
import { KEY_COMMANDS } from './workshop-keys';
import '../styles/workshop.css';

const FACILITATOR_WINDOW = 'power-shifting-facilitator';
/** The tool buttons fade after this long without the pointer moving or a key being pressed. */
const IDLE_MS = 3000;

/** True after `ms` without a pointer move, touch or key press. */
function useIdle(ms: number): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let timer = setTimeout(() => setIdle(true), ms);
    const wake = () => {
      setIdle(false);
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), ms);
    };
    const events = ['pointermove', 'pointerdown', 'keydown'] as const;
    for (const type of events) window.addEventListener(type, wake);
    return () => {
      clearTimeout(timer);
      for (const type of events) window.removeEventListener(type, wake);
    };
  }, [ms]);
  return idle;
}

/** One card filling the shared screen, run from the keyboard, a clicker or the facilitator window. */
export function PresenterScreen() {
  const { deck, status } = useDeck(useDealStore((s) => s.deckId));
  return deck ? <Presenter deck={deck} /> : <DeckLoading status={status} />;
}

function Presenter({ deck }: { deck: Deck }) {
  const { deckId, deal } = useDealStore();
  const { timer, sound, both, note: shownNote } = useWorkshop();
  // A locked logbook puts nothing written on the wall, a note shown from it included.
  const locked = useLockStatus((s) => s.status === 'locked');
  const note = locked ? null : shownNote;
  const cardId = currentCardId(deal);
  const card = cardId ? findCard(deckId, cardId) : undefined;
  const [help, setHelp] = useState(false);
  const channel = useRef<Channel | null>(null);
  const cardRef = useRef<HTMLElement>(null);
  const fitBox = useRef<HTMLDivElement>(null);
  const idle = useIdle(IDLE_MS);
  useFitText(cardRef, fitBox, `${card?.id ?? ''}:${both}:${note ?? ''}`);

  const run = (command: Command) => applyCommand(command);

  useEffect(() => {
    channel.current = openChannel((message) => {
      if (message.type === 'command') applyCommand(message);
      if (message.type === 'hello' || message.type === 'command') channel.current?.post({ type: 'state', state: presenterState() });
    });
    channel.current.post({ type: 'state', state: presenterState() });
    const bye = () => channel.current?.post({ type: 'bye' });
    window.addEventListener('pagehide', bye);
    return () => {
      bye();
      window.removeEventListener('pagehide', bye);
      channel.current?.close();
    };
  }, []);

  // Tell the facilitator window about every change, whichever window caused it.
  useEffect(() => {
    channel.current?.post({ type: 'state', state: presenterState() });
  }, [deal, timer, sound, both, note]);

  useRecordCard(card, 'workshop');
  useEffect(() => {
    if (card) cardRef.current?.focus();
  }, [card?.id]);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };

  const keys: Record<string, () => void> = { f: toggleFullscreen, l: () => void lockNow(), '?': () => setHelp(!help) };
  for (const [key, command] of Object.entries(KEY_COMMANDS)) keys[key] = () => run({ type: 'command', command });
  useKeys(keys, !help);

  const openFacilitator = () => {
    window.open(`${location.pathname}${paths.facilitate()}`, FACILITATOR_WINDOW, 'popup,width=960,height=760');
  };

  return (
    <section class={`presenter ${idle ? 'presenter--idle' : ''}`} aria-labelledby="presenter-title">
      <h1 id="presenter-title" class="visually-hidden">
        Presenter view
      </h1>
      <div class="presenter__stage">
        <div class="presenter__fit" ref={fitBox}>
          {!card ? (
            <div class="presenter__start card card--back">
              <p class="card-back__title">{deck.title}</p>
              <p class="card-back__count">Press → or Space to deal the first card</p>
            </div>
          ) : both ? (
            <div ref={cardRef as never} tabIndex={-1} class="presenter__spread">
              <CapabilitySpread deck={deck} capability={card.capability} highlight={card.id} />
            </div>
          ) : (
            <TaskCard card={card} size="present" cardRef={cardRef} key={card.id} />
          )}
        </div>
        {note && (
          <aside class="presenter__note" aria-label="Note from the facilitator">
            <p class="pre-line">{note}</p>
          </aside>
        )}
      </div>
      <div class="presenter__bar">
        <TimerDisplay timer={timer} sound={sound} size="large" />
        <p class="presenter__progress" role="status">
          {card ? `Card ${deal.position + 1} of ${deal.order.length}` : `${deal.order.length} cards ready`}
        </p>
        <div class="presenter__tools">
          <button type="button" class="button button--small" onClick={openFacilitator}>
            Open facilitator window
          </button>
          <button type="button" class="button button--small" onClick={toggleFullscreen}>
            Full screen
          </button>
          <button type="button" class="button button--small" onClick={() => setHelp(true)} aria-keyshortcuts="?">
            Keys
          </button>
          <a class="button button--small" href={paths.deal()}>
            Leave
          </a>
        </div>
      </div>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
    </section>
  );
}
