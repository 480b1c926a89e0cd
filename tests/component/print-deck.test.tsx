import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Deck } from '../../src/content/schema';
import { DeckPrint } from '../../src/ui/print/print-deck-screen';

/** A deck of someone's own, as the print screen will be given one: two short cards and one far too long. */
const TOO_LONG = `Listen. ${'Ask what matters to people and write it down. '.repeat(40)}`;
const deck: Deck = {
  id: 'my-team-deck',
  language: 'en-GB',
  kind: 'main',
  title: 'Our team deck',
  sectionName: 'Theme',
  groups: [],
  about: { summary: 'Ours.', howToUse: [], source: { title: 'Us', publisher: 'Us' } },
  capabilities: [
    {
      id: 'theme-1',
      number: 1,
      heading: 'Listening',
      tasks: [
        { id: 'theme-1-a', title: 'Short', text: 'Ask one question.' },
        { id: 'theme-1-b', text: TOO_LONG },
      ],
    },
    { id: 'theme-2', number: 2, heading: 'Doing', tasks: [{ id: 'theme-2-a', text: 'Do one thing.' }] },
  ],
};

describe('printing a deck', () => {
  it('prints any deck given to it: fronts, then their backs', () => {
    render(<DeckPrint deck={deck} />);
    expect(screen.getByText('3 cards on 2 pages: 1 sheet of paper, printed on both sides.')).toBeTruthy();
    const [fronts, backs] = screen.getAllByRole('group', { name: /^Page \d of 2/ });
    expect(fronts!.getAttribute('aria-label')).toBe('Page 1 of 2: fronts');
    expect(within(fronts!).getByText('Short')).toBeTruthy();
    expect(within(fronts!).getAllByText('Theme 1')).toHaveLength(2);
    expect(within(backs!).getAllByText('Our team deck')).toHaveLength(3);
  });

  it('says which cards are too long to fit even at the smallest size, and prints their text whole', () => {
    // happy-dom lays nothing out: here a box overflows when it holds the long text.
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(200);
    vi.spyOn(HTMLElement.prototype, 'scrollHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return (this.textContent ?? '').length > 1000 ? 400 : 100;
    });
    render(<DeckPrint deck={deck} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('One card is too long to fit');
    expect(alert.textContent).toContain('7.5 pt');
    expect(within(alert).getByText(/^Listen\. Ask what matters/)).toBeTruthy();
    const place = document.querySelector('[data-too-long] [data-card-id="theme-1-b"]');
    expect(place?.textContent).toContain(TOO_LONG.trim());
    expect((place?.querySelector('[data-fit]') as HTMLElement).style.getPropertyValue('--fit')).toBe('7.5pt');
    expect((document.querySelector('[data-fit="theme-1-a"]') as HTMLElement).style.getPropertyValue('--fit')).toBe('14pt');
  });
});
