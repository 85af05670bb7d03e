import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { parseWireFile } from '../../src/ingest/wire/parseWireFile.js';
import type { WireItem } from '../../src/ingest/wire/wireItem.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';
import { CONFORMANCE_DIR, validateXml } from '../support/xmlSchemas.js';

// Handwritten agency files (our own text) for the formats IPTC ships no examples of here,
// and for the ways real agency files bend their schemas.
const fixture = (name: string): Uint8Array => readFileSync(new URL(`fixtures/wire/${name}`, import.meta.url));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function items(bytes: Uint8Array): readonly WireItem[] {
  const result = parseWireFile(bytes, 'fixture');
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.items;
}

const only = (bytes: Uint8Array): WireItem => {
  const all = items(bytes);
  assert.equal(all.length, 1);
  return all[0] as WireItem;
};

describe('wire fixtures', () => {
  it('reads an AFP-style NewsML 1.2 item with its NITF body, ignoring the external DTD', () => {
    const item = only(fixture('afp-newsml12.xml'));
    assert.equal(item.format, 'newsml-1.2');
    assert.equal(item.agency, 'AFP');
    assert.equal(item.agencyId, 'urn:newsml:afp.com:20240301:TX-PAR-FXR42');
    assert.equal(item.version, 2);
    assert.equal(item.status, 'usable');
    assert.equal(item.headline, 'Rupee firms as central bank holds rates');
    assert.equal(item.slugline, 'Pakistan-economy-currency');
    assert.deepEqual(item.bylines, ['Sana Qureshi']);
    assert.deepEqual(item.dateline, { place: 'Karachi', at: null, text: 'KARACHI, March 1 (AFP) -' });
    assert.equal(item.firstCreated?.toISOString(), '2024-03-01T09:30:00.000Z');
    assert.equal(item.versionCreated?.toISOString(), '2024-03-01T10:00:00.000Z');
    assert.deepEqual(item.subjects, [
      { scheme: 'subj', code: '04000000', name: null },
      { scheme: 'subj', code: '04006000', name: null },
    ]);
    assert.deepEqual(item.keywords, ['currency', 'interest rates']);
    assert.equal(item.language, 'en');
    assert.equal(item.urgency, 2);
    assert.deepEqual(item.body, [
      {
        type: 'paragraph',
        text: 'The rupee gained against the dollar on Friday after the central bank left its policy rate unchanged, dealers said.',
        marks: [{ kind: 'bold', start: 56, end: 68 }],
      },
      { type: 'subheading', text: 'Dealers cautious' },
      {
        type: 'paragraph',
        text: 'Trading was thin, with importers holding back orders. Rate history click',
        marks: [
          { kind: 'italic', start: 23, end: 32 },
          { kind: 'link', start: 54, end: 66, href: 'https://example.com/rates' },
        ],
      },
      { type: 'quote', text: 'We expect the currency to stay in a narrow band.', attribution: 'A Karachi dealer' },
      { type: 'list', ordered: false, items: [{ text: 'Interbank: 279.10' }, { text: 'Open market: 280.50' }] },
    ]);
    assert.deepEqual(item.images, [
      {
        href: 'https://photos.example.com/afp/fxr42-hi.jpg',
        caption: null,
        credit: null,
        altText: null,
        width: 2048,
        height: 1365,
      },
    ]);
    assert.ok(item.warnings.some((warning) => warning.includes('DOCTYPE was ignored')));
  });

  it('reads a NewsML 1.2 withdrawal and several items in one file', () => {
    const text = new TextDecoder().decode(fixture('afp-newsml12.xml'));
    const killed = text
      .replace('<Status FormalName="Usable"/>', '<Status FormalName="Withheld"/>')
      .replace('>2</RevisionId>', '>3</RevisionId>');
    const item = only(utf8(killed));
    assert.equal(item.status, 'withdrawn');
    assert.equal(item.version, 3);
    const news = killed.slice(killed.indexOf('<NewsItem>'), killed.indexOf('</NewsItem>') + '</NewsItem>'.length);
    const twice = killed.replace('</NewsML>', `${news.replace('TX-PAR-FXR42', 'TX-PAR-FXR43')}</NewsML>`);
    assert.deepEqual(
      items(utf8(twice)).map((each) => each.agencyId),
      ['urn:newsml:afp.com:20240301:TX-PAR-FXR42', 'urn:newsml:afp.com:20240301:TX-PAR-FXR43'],
    );
  });

  it('reads a standalone NITF 3.6 document', () => {
    const item = only(fixture('app-nitf.xml'));
    assert.equal(item.format, 'nitf');
    assert.equal(item.agency, 'APP');
    assert.equal(item.agencyId, 'APP-20240302-0117');
    assert.equal(item.version, 3);
    assert.equal(item.headline, 'Cotton exports rise in February');
    assert.equal(item.slugline, 'cotton-exports');
    assert.deepEqual(item.bylines, ['Imran Malik']);
    assert.deepEqual(item.dateline, {
      place: 'FAISALABAD',
      at: new Date('2024-03-02T03:00:00.000Z'),
      text: 'FAISALABAD, March 2',
    });
    assert.equal(item.firstCreated?.toISOString(), '2024-03-02T03:15:00.000Z');
    assert.equal(item.versionCreated?.toISOString(), '2024-03-02T03:30:00.000Z');
    assert.deepEqual(item.subjects, [{ scheme: 'subj', code: '04001000', name: 'agriculture' }]);
    assert.deepEqual(item.keywords, ['cotton', 'exports']);
    assert.equal(item.urgency, 4);
    assert.equal(item.language, 'en');
    assert.equal(item.summary, 'Shipments of raw cotton grew for a third month.');
    assert.deepEqual(item.body, [
      {
        type: 'paragraph',
        text: 'Exporters shipped more raw cotton in February than a year earlier, trade figures showed on Saturday.',
      },
      {
        type: 'list',
        ordered: true,
        items: [
          { text: 'Raw cotton: up 12 percent' },
          { text: 'Yarn: flat', marks: [{ kind: 'italic', start: 6, end: 10 }] },
        ],
      },
      { type: 'paragraph', text: 'Mill owners welcomed the figures & said energy costs remained a concern.' },
    ]);
    assert.deepEqual(item.images, [
      {
        href: 'https://photos.example.com/app/cotton.jpg',
        caption: 'Bales of cotton wait for loading at a mill.',
        credit: 'APP',
        altText: 'Bales of cotton at a mill',
        width: 1600,
        height: 900,
      },
    ]);
    assert.deepEqual(item.warnings, []);
  });

  it('reads each RSS 2.0 item as one wire item, HTML bodies sanitised', () => {
    const [first, second] = items(fixture('feed-rss.xml'));
    assert.ok(first !== undefined && second !== undefined);
    assert.equal(first.format, 'rss');
    assert.equal(first.agency, 'APP');
    assert.equal(first.agencyId, 'app-biz-20240304-01');
    assert.equal(first.headline, 'Textile mills seek gas tariff relief');
    assert.deepEqual(first.bylines, ['Nadia Hussain']);
    assert.equal(first.versionCreated?.toISOString(), '2024-03-04T04:30:00.000Z');
    assert.deepEqual(first.subjects, [
      { scheme: 'section', code: null, name: 'Business' },
      { scheme: 'category', code: null, name: 'Energy' },
    ]);
    assert.equal(first.summary, 'Mill owners asked for lower gas prices.');
    assert.deepEqual(first.body, [
      {
        type: 'paragraph',
        text: 'Mill owners asked the government on Monday for lower gas prices.',
        marks: [{ kind: 'bold', start: 47, end: 63 }],
      },
      { type: 'subheading', text: 'Costs' },
      {
        type: 'paragraph',
        text: 'They said energy made up a third of costs.',
        marks: [{ kind: 'italic', start: 25, end: 32 }],
      },
    ]);
    assert.equal(first.images[0]?.href, 'https://photos.example.com/app/mill.jpg');
    assert.ok(!JSON.stringify(first).includes('evil'));
    assert.equal(second.agencyId, 'https://wire.example.com/biz/02');
    assert.equal(second.headline, 'Stocks end higher & volumes improve');
    assert.deepEqual(second.bylines, ['Market Desk']);
    assert.equal(second.firstCreated?.toISOString(), '2024-03-04T16:05:00.000Z');
    assert.deepEqual(second.body, [
      { type: 'paragraph', text: 'The benchmark index closed up 0.8 percent.' },
      { type: 'paragraph', text: 'Banks led gains.' },
    ]);
  });

  it('reads an RSS item whose prefixes were never declared, with a warning', () => {
    const feed = new TextDecoder().decode(fixture('feed-rss.xml')).replace(/ xmlns:(dc|content)="[^"]*"/g, '');
    const [first] = items(utf8(feed));
    assert.deepEqual(first?.bylines, ['Nadia Hussain']);
    assert.equal(first?.body.length, 3);
    assert.match(first?.warnings.join('\n') ?? '', /prefix "dc:" is used without being declared/);
    assert.match(first?.warnings.join('\n') ?? '', /prefix "content:" is used without being declared/);
  });

  it('reads each Atom entry as one wire item, html and xhtml content alike', () => {
    const [oil, gold] = items(fixture('feed-atom.xml'));
    assert.ok(oil !== undefined && gold !== undefined);
    assert.equal(oil.format, 'atom');
    assert.equal(oil.agency, 'Reuters');
    assert.equal(oil.agencyId, 'tag:wire.example.com,2024:markets-0305-1');
    assert.equal(oil.headline, 'Oil steadies after two-day fall');
    assert.deepEqual(oil.bylines, ['Omar Siddiqui']);
    assert.equal(oil.firstCreated?.toISOString(), '2024-03-05T11:00:00.000Z');
    assert.equal(oil.versionCreated?.toISOString(), '2024-03-05T11:45:00.000Z');
    assert.deepEqual(oil.subjects, [
      { scheme: 'https://wire.example.com/sections', code: 'commodities', name: 'Commodities' },
    ]);
    assert.equal(oil.language, 'en');
    assert.deepEqual(oil.body, [
      { type: 'paragraph', text: 'Crude prices held steady on Tuesday.' },
      { type: 'quote', text: 'Supply is tight.', attribution: 'An analyst' },
    ]);
    assert.deepEqual(oil.images[0], {
      href: 'https://photos.example.com/oil.jpg',
      caption: 'An oil terminal',
      credit: null,
      altText: null,
      width: null,
      height: null,
    });
    assert.equal(gold.headline, 'Gold edges up');
    assert.equal(gold.firstCreated?.toISOString(), '2024-03-05T12:00:00.000Z');
    assert.deepEqual(gold.body, [
      { type: 'paragraph', text: 'Gold rose slightly in Asian trade.', marks: [{ kind: 'bold', start: 10, end: 18 }] },
      { type: 'list', ordered: true, items: [{ text: 'Spot: up' }, { text: 'Futures: flat' }] },
    ]);
  });

  it('reads a G2 item with no namespace, an odd zone and unpadded dates, with warnings', () => {
    const item = only(fixture('lenient-g2.xml'));
    assert.equal(item.agency, 'AFP');
    assert.equal(item.version, 2);
    assert.equal(item.headline, 'Wheat procurement target raised');
    assert.deepEqual(item.bylines, ['Ayesha Rana']);
    assert.deepEqual(item.dateline, { place: 'Lahore', at: null, text: 'LAHORE, March 6 (AFP)' });
    assert.equal(item.versionCreated?.toISOString(), '2024-03-06T05:00:00.000Z');
    assert.equal(item.firstCreated?.toISOString(), '2024-03-06T09:05:00.000Z');
    assert.equal(item.urgency, 3);
    assert.deepEqual(item.body, [{ type: 'paragraph', text: 'The province raised its wheat target.' }]);
    assert.equal(item.warnings.length, 3);
    assert.match(item.warnings.join('\n'), /namespace is missing/);
    assert.match(item.warnings.join('\n'), /time zone oddly \(\+0500\)/);
    assert.match(item.warnings.join('\n'), /unpadded fields/);
  });

  it('assumes UTC for a G2 time without a zone, and reads kill notices', () => {
    const text = new TextDecoder()
      .decode(fixture('lenient-g2.xml'))
      .replace('<firstCreated>2024-3-6T9:05:00Z</firstCreated>', '')
      .replace('stat:usable', 'stat:canceled');
    const item = only(utf8(text));
    assert.equal(item.firstCreated?.toISOString(), '2024-03-06T08:00:00.000Z');
    assert.match(item.warnings.join('\n'), /no time zone; UTC assumed/);
    assert.equal(item.status, 'canceled');
    const withheld = only(utf8(text.replace('stat:canceled', 'stat:withheld')));
    assert.equal(withheld.status, 'withdrawn');
  });

  it('reads the news items of a NewsML-G2 news message', () => {
    const item = new TextDecoder().decode(fixture('lenient-g2.xml')).replace(/^<\?xml[^>]*>\s*/, '');
    const second = item.replace('LENIENT', 'LENIENT-2').replace('Wheat', 'Rice');
    const message = `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2024-03-06T10:00:00Z</sent></header><itemSet>${item}${second}<newsItem guid="stub"> ... </newsItem></itemSet></newsMessage>`;
    assert.deepEqual(
      items(utf8(message)).map((each) => each.headline),
      ['Wheat procurement target raised', 'Rice procurement target raised'],
    );
  });

  it('reads ninjs that bends its schema: zones, status, urgency, subjects by URI', () => {
    const item = only(
      utf8(
        JSON.stringify({
          uri: 'urn:wire.example.com:ninjs:42',
          type: 'text',
          version: '4',
          pubStatus: 'withheld',
          urgency: 2,
          firstCreated: '2024-03-07T09:00:00',
          versionCreated: '2024-03-07T14:30:00+0500',
          headlines: [{ role: 'main', value: 'Sugar prices ease' }],
          slugline: 'sugar-prices',
          by: 'Hina Akhtar',
          located: 'Multan',
          language: 'en',
          keywords: ['sugar', 'prices'],
          subjects: [{ uri: 'http://cv.iptc.org/newscodes/mediatopic/20000209', name: 'agriculture' }],
          infoSources: [{ name: 'APP' }],
          bodies: [
            {
              role: 'main',
              contentType: 'text/html',
              value: '<p>Prices eased.</p><p>Mills <b>resumed</b> crushing.</p>',
            },
          ],
        }),
      ),
    );
    assert.equal(item.agency, 'APP');
    assert.equal(item.version, 4);
    assert.equal(item.status, 'withdrawn');
    assert.equal(item.urgency, 2);
    assert.equal(item.headline, 'Sugar prices ease');
    assert.deepEqual(item.bylines, ['Hina Akhtar']);
    assert.deepEqual(item.dateline, { place: 'Multan', at: null, text: 'Multan' });
    assert.equal(item.firstCreated?.toISOString(), '2024-03-07T09:00:00.000Z');
    assert.equal(item.versionCreated?.toISOString(), '2024-03-07T09:30:00.000Z');
    assert.deepEqual(item.subjects, [{ scheme: 'medtop', code: '20000209', name: 'agriculture' }]);
    assert.deepEqual(item.keywords, ['sugar', 'prices']);
    assert.deepEqual(item.body, [
      { type: 'paragraph', text: 'Prices eased.' },
      { type: 'paragraph', text: 'Mills resumed crushing.', marks: [{ kind: 'bold', start: 6, end: 13 }] },
    ]);
    assert.match(item.warnings.join('\n'), /no time zone; UTC assumed/);
    assert.match(item.warnings.join('\n'), /time zone oddly/);
  });

  it("refuses IPTC's own ninjs and GeoJSON schema files as JSON Schemas, not as items", () => {
    const dir = new URL('ninjs/schemas/', `file://${CONFORMANCE_DIR}`);
    const names = readdirSync(dir).filter((name) => name.endsWith('.json'));
    assert.ok(names.length >= 16, `only ${names.length} schema files found`);
    for (const name of names) {
      const result = parseWireFile(readFileSync(new URL(name, dir)), name);
      assert.deepEqual(result, { ok: false, reason: 'Not a news item: a JSON Schema.' }, name);
    }
  });

  it('reads a ninjs 2.x/3.x dateline as written, with its place and time, beside or without located', () => {
    const story = (fields: Record<string, unknown>): WireItem =>
      only(
        utf8(
          JSON.stringify({
            uri: 'urn:wire.example.com:ninjs:43',
            type: 'text',
            headline: 'Cotton arrivals up',
            ...fields,
          }),
        ),
      );
    const listed = story({
      located: 'Multan',
      datelines: [
        { role: 'alternative', value: 'ملتان' },
        { role: 'main', value: 'MULTAN, March 7', date: '2024-03-07T09:00:00+05:00' },
      ],
    });
    assert.equal(listed.dateline?.text, 'MULTAN, March 7');
    assert.equal(listed.dateline?.place, 'Multan', 'the item located names the place');
    assert.equal(listed.dateline?.at?.toISOString(), '2024-03-07T04:00:00.000Z');
    const alone = story({ datelines: [{ value: 'KARACHI, Jan 31 (APP)' }] });
    assert.deepEqual(alone.dateline, { place: 'KARACHI', at: null, text: 'KARACHI, Jan 31 (APP)' });
    const ownPlace = story({ datelines: [{ value: 'Lahore, March 8', located: { name: 'Lahore, Pakistan' } }] });
    assert.equal(ownPlace.dateline?.place, 'Lahore, Pakistan');
    const plain = story({ dateline: 'QUETTA, March 9' });
    assert.deepEqual(plain.dateline, { place: 'QUETTA', at: null, text: 'QUETTA, March 9' });
    const badTime = story({ datelines: [{ value: 'SUKKUR', date: 'yesterday' }] });
    assert.deepEqual(badTime.dateline, { place: 'SUKKUR', at: null, text: 'SUKKUR' });
    assert.match(badTime.warnings.join('\n'), /dateline date "yesterday" is not a readable time/);
    assert.equal(story({ datelines: [{ role: 'main' }, 42, ''] }).dateline, null, 'nothing to read is no dateline');
  });
});

describe('wire fixtures against the official schemas', { skip: skipUnlessAvailable(['xmllint']) }, () => {
  it('the NITF fixture is valid NITF 3.6 and the Atom fixture valid Atom, so the parsers are tested on real shapes', () => {
    requireTools(['xmllint']);
    const nitf = validateXml(new TextDecoder().decode(fixture('app-nitf.xml')), 'nitf');
    assert.ok(nitf.valid, nitf.messages);
    const atom = validateXml(new TextDecoder().decode(fixture('feed-atom.xml')), 'atom');
    assert.ok(atom.valid, atom.messages);
  });
});
