/**
 * Third-party content an article may point at. Only these providers, only
 * over HTTPS, and only as a plain link card: no third-party script is ever
 * loaded, so the site's Content-Security-Policy stays `script-src 'self'`.
 */
export type EmbedProvider = 'youtube' | 'x' | 'datawrapper';

export const EMBED_PROVIDERS: readonly EmbedProvider[] = ['youtube', 'x', 'datawrapper'];

const HOSTS: Record<EmbedProvider, readonly string[]> = {
  youtube: ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be'],
  x: ['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
  datawrapper: ['datawrapper.dwcdn.net', 'www.datawrapper.de', 'datawrapper.de'],
};

/** What readers are told the link opens. */
export const EMBED_LABELS: Record<EmbedProvider, string> = {
  youtube: 'Watch on YouTube',
  x: 'View the post on X',
  datawrapper: 'View the interactive chart',
};

/** The provider of an allowed embed URL, or null (not HTTPS, credentials in it, or a host not on the list). */
export function embedProviderOf(url: string): EmbedProvider | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '' || parsed.port !== '') {
    return null;
  }
  const host = parsed.hostname.toLowerCase();
  return EMBED_PROVIDERS.find((provider) => HOSTS[provider].includes(host)) ?? null;
}
