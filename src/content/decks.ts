/** The decks, validated by the build (see src/build/content-plugin.ts). */
import decks from 'virtual:decks';
import type { Deck } from './schema';

export const DECKS: readonly Deck[] = decks;
