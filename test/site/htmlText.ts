/** The text a reader sees in an HTML fragment: tags dropped (blocks end in a space), entities decoded, spaces collapsed. */
export function visibleText(html: string): string {
  return html
    .replace(/<\/(li|p|h[1-6]|div|td|th)>/g, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Every href in the document. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1] ?? '');
}

/** Retries `check` until it stops throwing or `timeoutMs` passes (for pages re-rendered in the background). */
export async function eventually(check: () => Promise<void>, timeoutMs = 6000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
