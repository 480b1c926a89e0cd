/**
 * Recovery codes: 130 random bits written as 26 letters and digits in groups of four or two,
 * from an alphabet without look-alikes (no I, L, O or U), so a code copied by hand reads back.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 26;

export function newRecoveryCode(): string {
  const values = crypto.getRandomValues(new Uint8Array(LENGTH));
  // 256 is a multiple of 32, so each byte's low five bits are uniform.
  const chars = Array.from(values, (v) => ALPHABET[v & 31]!).join('');
  return chars.match(/.{1,4}/g)!.join('-');
}

/**
 * A code as typed, in the one form it was wrapped under: case, spaces and dashes ignored, and
 * the letters people misread for digits read as those digits. Undefined when it cannot be a code.
 */
export function normaliseRecoveryCode(typed: string): string | undefined {
  const chars = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (chars.length !== LENGTH || [...chars].some((c) => !ALPHABET.includes(c))) return undefined;
  return chars.match(/.{1,4}/g)!.join('-');
}
