declare module 'virtual:destinations' {
  /** Every deck's destination, validated by the build. Import it lazily: only screens that show one need it. */
  const destinations: import('./schema').Destination[];
  export default destinations;
}

declare module 'virtual:destination-decks' {
  /** The ids of the decks that have a destination. */
  const deckIds: string[];
  export default deckIds;
}
