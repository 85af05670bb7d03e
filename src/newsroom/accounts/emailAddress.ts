/** Something shaped like an address (one @, no spaces, a dot-less domain allowed for intranets), at most 320 characters. */
export function isEmailAddress(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 320 && /^[^\s@]+@[^\s@]+$/.test(trimmed);
}
