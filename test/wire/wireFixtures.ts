import type { WireItem } from '../../src/news/wireItem.js';

/** A usable item; tests override only what they look at. */
export function wireItem(overrides: Partial<WireItem> = {}): WireItem {
  return {
    agency: 'AFP',
    agencyId: 'urn:newsml:afp.com:20230131:item-1',
    version: 1,
    format: 'ninjs',
    status: 'usable',
    headline: 'Oil prices climb as supply worries return',
    slugline: null,
    bylines: ['Amna Khan'],
    dateline: { place: 'TOKYO', at: null, text: 'TOKYO' },
    firstCreated: new Date('2023-01-31T06:00:00Z'),
    versionCreated: new Date('2023-01-31T06:00:00Z'),
    subjects: [{ scheme: 'medtop', code: '20000346', name: 'Economy' }],
    keywords: ['oil'],
    language: 'en',
    urgency: 4,
    summary: null,
    body: [{ type: 'paragraph', text: 'Brent crude rose on Tuesday as traders weighed output cuts.' }],
    images: [],
    warnings: [],
    ...overrides,
  };
}

/** The same item as ninjs JSON, as an agency would send it. */
export function ninjsJson(overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    uri: 'urn:newsml:afp.com:20230131:item-1',
    version: '1',
    type: 'text',
    provider: { name: 'AFP' },
    headline: 'Oil prices climb as supply worries return',
    byline: 'Amna Khan',
    versioncreated: '2023-01-31T06:00:00Z',
    firstcreated: '2023-01-31T06:00:00Z',
    language: 'en',
    urgency: 4,
    pubstatus: 'usable',
    subject: [{ name: 'Economy', code: '20000346', scheme: 'medtop' }],
    body_html: '<p>Brent crude rose on Tuesday as traders weighed output cuts.</p><p>Prices had fallen for a week.</p>',
    ...overrides,
  });
}
