import { act, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WHOLE_DECK } from '../../src/domain/selection';
import { newTimer, start } from '../../src/domain/workshop/timer';
import { useDealStore } from '../../src/state/deal-store';
import { useWorkshop } from '../../src/state/workshop';
import { TimerDisplay } from '../../src/ui/workshop/timer-display';
import { PresenterScreen } from '../../src/ui/workshop/presenter-screen';

describe('the timer display', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('counts down, changes look when little is left, and says when time is up', async () => {
    render(<TimerDisplay timer={start(newTimer(2), Date.now())} sound={false} />);
    const timer = screen.getByTestId('timer');
    expect(timer.textContent).toContain('2:00');
    await act(async () => void (await vi.advanceTimersByTimeAsync(60_000)));
    expect(timer.textContent).toContain('1:00');
    expect(screen.getByRole('status').textContent).toBe('One minute left.');
    expect(timer.className).not.toContain('timer--low');
    await act(async () => void (await vi.advanceTimersByTimeAsync(35_000)));
    expect(timer.textContent).toContain('0:25');
    expect(timer.className).toContain('timer--low');
    await act(async () => void (await vi.advanceTimersByTimeAsync(30_000)));
    expect(timer.textContent).toContain('0:00');
    expect(timer.className).toContain('timer--done');
    expect(screen.getByRole('status').textContent).toBe('Time is up.');
  });

  it('stands still while paused', async () => {
    render(<TimerDisplay timer={newTimer(5)} sound={false} />);
    await act(async () => void (await vi.advanceTimersByTimeAsync(60_000)));
    expect(screen.getByTestId('timer').textContent).toContain('5:00');
  });
});

describe('presenter key bindings', () => {
  beforeEach(() => {
    useDealStore.getState().choose(WHOLE_DECK);
    useWorkshop.getState().set({ timer: newTimer(5), both: false, note: null });
  });

  const press = (key: string) => act(() => void fireEvent.keyDown(document.body, { key }));

  it('deals with → Space and Page Down, goes back with ← and Page Up', async () => {
    render(<PresenterScreen />);
    await press('PageDown');
    const first = useDealStore.getState().deal.order[0];
    expect(document.querySelector('article.card')?.getAttribute('data-card-id')).toBe(first);
    await press(' ');
    await press('ArrowRight');
    expect(useDealStore.getState().deal.position).toBe(2);
    await press('PageUp');
    await press('ArrowLeft');
    expect(useDealStore.getState().deal.position).toBe(0);
  });

  it('drives the timer, both groups and the help overlay', async () => {
    render(<PresenterScreen />);
    await press('n');
    await press('t');
    expect(useWorkshop.getState().timer.endsAt).not.toBeNull();
    await press('t');
    expect(useWorkshop.getState().timer.endsAt).toBeNull();
    await press('m');
    expect(useWorkshop.getState().timer.remainingMs).toBeGreaterThan(5 * 60_000);
    await press('0');
    expect(useWorkshop.getState().timer.remainingMs).toBe(5 * 60_000);
    await press('b');
    expect(useWorkshop.getState().both).toBe(true);
    expect(document.querySelector('.spread')).not.toBeNull();
    await press('?');
    expect(screen.getByRole('dialog', { hidden: true }).textContent).toContain('Keys for the presenter view');
    // While the help is open, card keys do nothing.
    await press('ArrowRight');
    expect(useDealStore.getState().deal.position).toBe(0);
  });
});
