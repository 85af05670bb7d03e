/**
 * Thrown by a step deep inside a parser when the whole file must be refused
 * (an attack on the parser rather than news copy); parseWireFile turns it
 * into a refusal with this message.
 */
export class WireRefusal extends Error {}

/** JSON nested deeper than this is not ninjs but an attack on the parser. */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON text nests arrays and objects deeper than `max`, found by one pass over the characters. */
export function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i += 1;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (code === 0x5d || code === 0x7d) depth -= 1;
  }
  return false;
}
