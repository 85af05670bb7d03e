import { FEED_FORMATS, type FeedFormat, type FeedSubject, feedUrl } from '../../http/siteUrls.js';
import type { FeedLink } from '../components/Layout.js';

const FORMAT_NAMES: Readonly<Record<FeedFormat, string>> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };
// The bare media types: a rel=alternate link names the format, not the charset.
const FORMAT_TYPES: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

/** The rel=alternate links of a page that a feed mirrors, one per format: "Broadsheet: World (RSS)". */
export function feedLinks(subject: FeedSubject, name: string): FeedLink[] {
  return FEED_FORMATS.map((format) => ({
    type: FORMAT_TYPES[format],
    format: FORMAT_NAMES[format],
    title: `${name} (${FORMAT_NAMES[format]})`,
    href: feedUrl(subject, format),
  }));
}
