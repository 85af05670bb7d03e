/**
 * Thrown by a step deep inside a parser when the whole file must be refused
 * (an attack on the parser rather than news copy); parseWireFile turns it
 * into a refusal with this message.
 */
export class WireRefusal extends Error {}

/**
 * Most items one file may carry. Agencies send a story a file, a feed a few
 * hundred at most; tens of thousands of tiny items in one file are an attempt
 * to hold the inbox (each is read, checked and stored in one transaction).
 */
export const MAX_WIRE_ITEMS = 1000;

/** Refuses the whole file, before its items are read, when it carries more than MAX_WIRE_ITEMS. */
export function refuseTooManyItems(count: number): void {
  if (count > MAX_WIRE_ITEMS) {
    throw new WireRefusal(
      `The file carries ${count} items; one file may carry at most ${MAX_WIRE_ITEMS}. Send them in smaller files.`,
    );
  }
}

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
