import { strFromU8, unzipSync } from 'fflate';
import { Window } from 'happy-dom';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { toDocx } from '../../src/domain/exports/docx';
import { htmlText, toHtml } from '../../src/domain/exports/html';
import { toMarkdown } from '../../src/domain/exports/markdown';
import { ALL_NOTES, madeLine, runningHeader, sessionNotes, type NotesDocument, type SessionBundle } from '../../src/domain/exports/notes-document';
import { toPlainText } from '../../src/domain/exports/plain-text';
import { action, entry, HOSTILE, session } from './notes-fixtures';

const CARD = 'Have open, strengths-based conversations with people and communities, taking a genuine interest.';
const NOW = new Date('2026-03-01T12:00:00Z');

/** A session whose every user-written field holds `text`. */
function hostileBundle(text: string): SessionBundle {
  const e = entry('E1', text, { tags: [text] });
  return {
    number: 1,
    session: session({ title: text, participants: [text], series: text, notes: text, cardNotes: [{ cardId: 'cap-01-public-1', text }] }),
    cards: [{ cardId: 'cap-01-public-1', card: e.card }],
    entries: [{ entry: e, actions: [action('A1', 'E1', text)] }],
    review: [],
  };
}

const headingsOf = (text: string) => [text.replace(/\s*\n\s*/g, ' ').trim(), 'Cards discussed', 'Reflections and actions', CARD, 'Actions', 'Session notes'];

/** A session with private writing, names, line breaks and several cards in a known order. */
function privateBundle(): SessionBundle {
  const e = entry('E1', '', { community: 'Carers in Wigan', reflection: 'Private: I find the panel hard.', notes: '' });
  const second = { ...e.card!, cardId: 'cap-02-public-1', capabilityNumber: 2, capabilityHeading: 'Second', text: 'The second card.' };
  return {
    number: 1,
    session: session({
      notes: 'First line of the notes\nSecond line\nThird line',
      cardNotes: [{ cardId: 'cap-02-public-1', text: 'Group said one\nthen two' }],
    }),
    cards: [
      { cardId: 'cap-01-public-1', card: e.card },
      { cardId: 'cap-02-public-1', card: second },
    ],
    entries: [{ entry: e, actions: [action('A1', 'E1', 'Ask carers what would help', { owner: 'Jo Bloggs', followUp: { happened: '', learned: '' } })] }],
    review: [],
  };
}

describe('notes of a session with a companion deck’s cards', () => {
  it('name each card’s section as its deck does, with its title, and no group for a card that is for everyone', () => {
    const bundle = privateBundle();
    const theme = {
      deckId: 'live-well',
      cardId: 'live-well-1-model-optimism',
      capabilityNumber: 1,
      capabilityHeading: 'Leadership across place',
      groupId: '',
      groupName: '',
      sectionName: 'Theme',
      title: 'Model optimism',
      text: 'Leaders stay hopeful.',
    };
    const text = toPlainText(sessionNotes({ ...bundle, cards: [{ cardId: theme.cardId, card: theme }] }, ALL_NOTES, NOW));
    expect(text).toContain('1. Theme 1: Leadership across place: Model optimism: Leaders stay hopeful.\n');
    expect(text).not.toContain('Capability 1: Leadership');
    expect(text).not.toContain('(for ');
    const dealt = { ...bundle.session, cards: [{ ...bundle.session.cards[0]!, deckId: 'live-well', cardId: theme.cardId }] };
    expect(sessionNotes({ ...bundle, session: dealt, cards: [{ cardId: theme.cardId, card: theme }] }, ALL_NOTES, NOW).deck).toBe('Live Well Leadership Collaborative');
  });
});

describe('notes as HTML for the clipboard', () => {
  const ALLOWED = /<(?!\/?(?:h[1-4]|p|ul|ol|li|strong|em|br)>)/;

  it('escapes every character HTML gives a meaning to', () => {
    expect(htmlText(`a & b < c > d " e ' f`)).toBe('a &amp; b &lt; c &gt; d &quot; e &#39; f');
    expect(htmlText('one\ntwo\r\nthree')).toBe('one<br>two<br>three');
  });

  it('keeps its structure and shows hostile user text as text, line breaks and all', () => {
    const window = new Window();
    for (const text of HOSTILE) {
      const html = toHtml(sessionNotes(hostileBundle(text), ALL_NOTES, NOW));
      // Only the renderer's own tags, none with attributes: nothing the user wrote became markup.
      expect(ALLOWED.test(html), `${text}: ${html}`).toBe(false);
      const body = window.document.createElement('div');
      body.innerHTML = html;
      expect(body.querySelectorAll('script, img, a, [onerror], [style]').length, text).toBe(0);
      expect([...body.querySelectorAll('h1, h2, h3, h4')].map((h) => h.textContent), text).toEqual(headingsOf(text));
      // The session notes come back word for word, one line a line.
      const paragraphs = [...body.querySelectorAll('p')].map((p) => p.innerHTML.split('<br>').map((line) => line.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')).join('\n'));
      expect(paragraphs, text).toContain(text);
      expect(body.querySelectorAll('ol > li').length).toBe(1);
      expect(body.querySelector('ol > li ul li')?.textContent).toBe(`Group notes: ${text.replace(/\n/g, '')}`);
      expect(body.lastElementChild?.textContent).toBe('Made on 1 March 2026.');
    }
    void window.happyDOM.close();
  });

  it('has a plain-text twin with the same words, line breaks kept', () => {
    const text = toPlainText(sessionNotes(privateBundle(), ALL_NOTES, NOW));
    expect(text).toContain('Supervision with A.B.\n=====================');
    expect(text).toContain('First line of the notes\nSecond line\nThird line');
    expect(text).toContain('2. Capability 2: Second: The second card. (for public service leaders)\n   - Group notes: Group said one\n     then two');
    expect(text.indexOf(CARD)).toBeLessThan(text.indexOf('The second card.'));
    expect(text.trimEnd().endsWith('Made on 1 March 2026.')).toBe(true);
  });
});

/** A Word document as mammoth reads it: as HTML, and as its text alone. */
const html = async (doc: NotesDocument) => (await mammoth.convertToHtml({ buffer: Buffer.from(await toDocx(doc)) })).value;
const raw = async (doc: NotesDocument) => (await mammoth.extractRawText({ buffer: Buffer.from(await toDocx(doc)) })).value;
/** Escaped as mammoth writes HTML. */
const mammothText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br />');

describe('notes as a Word document', () => {
  it('has the headings, the user’s words in order with their line breaks, and lists', async () => {
    const out = await html(sessionNotes(privateBundle(), ALL_NOTES, NOW));
    expect([...out.matchAll(/<h(\d)>(.*?)<\/h\1>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      '1 Supervision with A.B.',
      '2 Cards discussed',
      '2 Reflections and actions',
      `3 ${CARD}`,
      '4 Actions',
      '2 Session notes',
    ]);
    expect(out).toContain('<p>First line of the notes<br />Second line<br />Third line</p>');
    expect(out).toMatch(/<ol><li><strong>Capability 1: We get to know our people and communities: <\/strong>Have open.*<\/li><li><strong>Capability 2: Second: <\/strong>The second card\. \(for public service leaders\)<ul><li>Group notes: Group said one<br \/>then two<\/li><\/ul><\/li><\/ol>/);
    expect(out).toContain('<ul><li>Ask carers what would help (Planned, Who: Jo Bloggs, By when: 1 April 2026)</li></ul>');
    expect(out).toContain('<strong>Participants: </strong>A.B., C.D.');
    expect(out).toContain('Private: I find the panel hard.');
    expect(out).toMatch(/<p><em>Made on 1 March 2026\.<\/em><\/p>$/);
  });

  it('leaves out what the options keep private', async () => {
    const text = await raw(sessionNotes(privateBundle(), { ...ALL_NOTES, reflections: false, names: false, notes: false }, NOW));
    expect(text).toContain('Ask carers what would help');
    expect(text).toContain('Carers in Wigan');
    for (const secret of ['Private: I find', 'Jo Bloggs', 'A.B., C.D.', 'First line of the notes', 'Group said one']) expect(text).not.toContain(secret);
  });

  it('keeps hostile text as text, and opens even when the text holds characters XML forbids', async () => {
    for (const text of [...HOSTILE, 'Bell \u0007 and form feed \f gone']) {
      const out = await html(sessionNotes(hostileBundle(text), ALL_NOTES, NOW));
      const expected = text.replace('\u0007', '').replace('\f', '');
      expect(out, text).toContain(`<h1>${mammothText(expected.replace(/\s*\n\s*/g, ' ').trim())}</h1>`);
      expect(out, text).toContain(`<p>${mammothText(expected)}</p>`);
      expect(out).not.toMatch(/<(script|img|a)\b/);
    }
  });

  it('heads every page with the deck, title and day, and numbers the pages "Page N of M"', async () => {
    const files = unzipSync(await toDocx(sessionNotes(privateBundle(), ALL_NOTES, NOW)));
    const header = strFromU8(files['word/header1.xml']!);
    const footer = strFromU8(files['word/footer1.xml']!);
    const texts = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => (m[1] ?? m[2]!).trim());
    expect(texts(header)).toEqual(['Power Shifting Card Deck', 'Supervision with A.B., 1 March 2026']);
    expect(texts(footer)).toEqual(['Page', 'PAGE', 'of', 'NUMPAGES']);
    expect(strFromU8(files['docProps/core.xml']!)).toContain('<dc:title>Supervision with A.B.</dc:title>');
  });
});

describe('who made the notes, and when', () => {
  const doc = (made: Partial<NotesDocument>): NotesDocument => ({ title: 'T', blocks: [{ type: 'heading', level: 1, text: 'T' }], ...made });

  it('is said the same way by every renderer', async () => {
    const made = doc({ madeBy: 'Sam <Lead>', madeAt: '2026-03-01T12:00:00Z' });
    expect(madeLine(made)).toBe('Made by Sam <Lead> on 1 March 2026.');
    expect(madeLine(doc({ madeAt: '2026-03-01T12:00:00Z' }))).toBe('Made on 1 March 2026.');
    expect(madeLine(doc({ madeBy: 'Sam' }))).toBe('Made by Sam.');
    expect(madeLine(doc({}))).toBeUndefined();
    expect(toMarkdown(made)).toContain('Made by Sam \\<Lead\\> on 1 March 2026.');
    expect(toHtml(made)).toContain('<p><em>Made by Sam &lt;Lead&gt; on 1 March 2026.</em></p>');
    expect(toPlainText(made)).toContain('Made by Sam <Lead> on 1 March 2026.');
    expect(await raw(made)).toContain('Made by Sam <Lead> on 1 March 2026.');
    expect(toHtml(doc({}))).toBe('<h1>T</h1>');
  });
});

describe('the top of every page', () => {
  it('names the deck of the session’s cards, and the title and day on one line', () => {
    expect(runningHeader(sessionNotes(hostileBundle('Two\nlines'), ALL_NOTES))).toEqual({ left: 'Power Shifting Card Deck', right: 'Two lines, 1 March 2026' });
    expect(runningHeader({ title: 'Logbook', blocks: [] })).toEqual({ left: 'Power Shifting', right: 'Logbook' });
  });
});
