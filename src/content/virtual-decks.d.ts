declare module 'virtual:deck-index' {
  /** Every deck's summary, in the order the app lists them: small enough for the first screen. */
  const index: import('./deck-summary').DeckSummary[];
  export default index;
}

declare module 'virtual:default-deck' {
  /** The first deck, dealt until someone chooses another: the only deck in the first screen. */
  const deck: import('./schema').Deck;
  export default deck;
}

declare module 'virtual:deck-loaders' {
  /** Every other deck, each loaded when used (and precached for offline use). */
  const loaders: Record<string, () => Promise<import('./schema').Deck>>;
  export default loaders;
}
