/**
 * Where to send someone after signing in: only a path inside the newsroom, so
 * a crafted link cannot bounce a fresh session to another site (CWE-601).
 */
export function safeNext(next: unknown): string | null {
  if (typeof next !== 'string' || next.length > 2000) return null;
  if (!/^\/admin(?:[/?#]|$)/.test(next)) return null;
  // Backslashes and control characters are read as "//" or dropped by some browsers.
  if (next.includes('\\') || next.includes('//') || hasControlCharacter(next)) return null;
  return next;
}

function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) < 0x20 || text.charCodeAt(i) === 0x7f) return true;
  return false;
}
