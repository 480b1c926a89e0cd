/**
 * What a deck calls its sections ("Capability", "Theme", "Question area"), in the forms the
 * screens and exports need: the deck file gives only the singular.
 */
export function sectionLabel(sectionName: string, number: number): string {
  return `${sectionName} ${number}`;
}

/** "Capabilities", "Themes", "Question areas". */
export function sectionsPlural(sectionName: string): string {
  return /[^aeiou]y$/i.test(sectionName) ? `${sectionName.slice(0, -1)}ies` : `${sectionName}s`;
}

/** "10 capabilities", "1 theme", "4 question areas". */
export function countOfSections(sectionName: string, count: number): string {
  return `${count} ${(count === 1 ? sectionName : sectionsPlural(sectionName)).toLowerCase()}`;
}
