declare module 'virtual:decks' {
  const decks: import('./schema').Deck[];
  export default decks;
}
