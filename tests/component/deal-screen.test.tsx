import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { useDealStore } from '../../src/state/deal-store';
import { App } from '../../src/ui/shell/app';
import { WHOLE_DECK } from '../../src/domain/selection';

const dealtCard = () => document.querySelector('article.card');

describe('the deal screen', () => {
  beforeEach(() => {
    useDealStore.getState().choose(WHOLE_DECK);
  });

  it('starts face down and deals a card with Space, focusing it', async () => {
    render(<App />);
    expect(screen.getByTestId('card-back').textContent).toContain('49 cards ready to deal');
    fireEvent.keyDown(document.body, { key: ' ' });
    const card = await screen.findByText('Card 1 of 49', { selector: '.card__caption' });
    expect(card.closest('article')).toBe(document.activeElement);
    expect(location.hash).toMatch(/^#\/card\/cap-\d\d-(public|community)-\d$/);
  });

  it('ignores shortcut keys while the user is typing or a button has focus', async () => {
    render(<App />);
    const field = document.createElement('textarea');
    document.body.append(field);
    fireEvent.keyDown(field, { key: 'ArrowRight' });
    fireEvent.keyDown(field, { key: ' ' });
    fireEvent.keyDown(screen.getByRole('button', { name: 'Choose cards' }), { key: ' ' });
    fireEvent.keyDown(document.body, { key: 'ArrowRight', ctrlKey: true });
    expect(dealtCard()).toBeNull();
    fireEvent.keyDown(document.body, { key: 'PageDown' });
    expect(dealtCard()).not.toBeNull();
    field.remove();
  });

  it('deals only from the chosen capability and group', async () => {
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Choose cards' }));
    fireEvent.click(screen.getByRole('button', { name: 'Clear all' }));
    fireEvent.click(screen.getByRole('checkbox', { name: /^7\./ }));
    fireEvent.click(screen.getByRole('radio', { name: 'Public service leaders' }));
    fireEvent.click(screen.getByRole('button', { name: 'Shuffle and deal' }));
    expect(await screen.findByText('Capability 7 · public service leaders · 3 cards')).toBeTruthy();
    for (let i = 1; i <= 3; i++) {
      const card = await screen.findByText(`Card ${i} of 3`, { selector: '.card__caption' });
      expect(card.closest('article')?.getAttribute('data-card-id')).toMatch(/^cap-07-public-/);
      fireEvent.keyDown(document.body, { key: 'ArrowRight' });
    }
    expect(screen.getByText(/you have dealt all 3 cards/)).toBeTruthy();
  });
});
