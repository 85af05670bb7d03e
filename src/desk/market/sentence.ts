/** The engine's and the importers' reasons are phrases ("unknown symbol X"); the desk shows sentences. */
export function sentence(reason: string): string {
  const text = reason.charAt(0).toUpperCase() + reason.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
