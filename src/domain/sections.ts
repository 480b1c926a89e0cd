/**
 * What a deck calls its sections ("Capability", "Theme", "Question area"), in the forms the
 * screens and exports need: the deck file gives only the singular.
 */
export function sectionLabel(sectionName: string, number: number): string {
  return `${sectionName} ${number}`;
}

/** "10 capabilities", "1 theme", "4 question areas". */
export function countOfSections(sectionName: string, count: number): string {
  const word = sectionName.toLowerCase();
  if (count === 1) return `1 ${word}`;
  return `${count} ${/[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}
