/** The palette has ten capability colours; decks with more reuse them in turn. */
export function capabilityColour(number: number): string {
  return String(((number - 1) % 10) + 1);
}
