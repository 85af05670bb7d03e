import assert from 'node:assert/strict';
import { test } from 'node:test';
import sharp from 'sharp';
import { escapeXml, socialCardSvg } from './socialCardSvg.js';
import { SocialCards } from './socialCards.js';

const section = { slug: 'business', name: 'Business & Finance', position: 1 };

test('the card is a 1200×630 PNG, whatever the headline holds', async () => {
  const cards = new SocialCards({ siteName: 'Broadsheet', maxCards: 10 });
  const headlines = [
    'KSE-100 gains 801 points',
    '</script><script>alert("x")</script> & <b>"quoted"</b> \u0000\uffff',
    'پاکستان کی معیشت میں بہتری کے آثار، اسٹیٹ بینک نے شرح سود برقرار رکھی',
    'word '.repeat(200),
  ];
  for (const [index, headline] of headlines.entries()) {
    const card = await cards.card({ id: index + 1, headline, section });
    const metadata = await sharp(card.png).metadata();
    assert.equal(metadata.format, 'png');
    assert.equal(metadata.width, 1200);
    assert.equal(metadata.height, 630);
  }
});

test('a card is drawn once per version and again when the headline changes', async () => {
  const cards = new SocialCards({ siteName: 'Broadsheet', maxCards: 2 });
  const first = await cards.card({ id: 1, headline: 'Rupee firms', section });
  assert.equal(await cards.card({ id: 1, headline: 'Rupee firms', section }), first);
  const edited = await cards.card({ id: 1, headline: 'Rupee firms against dollar', section });
  assert.notEqual(edited.version, first.version);
  assert.notDeepEqual(edited.png, first.png);
});

test('the SVG escapes the story text and is well-formed enough for the renderer', async () => {
  const svg = socialCardSvg({ headline: 'A <tag> & "x"', sectionName: 'R&D', siteName: 'Broadsheet' });
  assert.ok(svg.includes('A &lt;tag&gt; &amp; &quot;x&quot;'));
  assert.ok(svg.includes('R&amp;D'));
  assert.equal(escapeXml('a\u0001b\ud800c'), 'abc');
  // librsvg refuses malformed XML, so a successful render is the well-formedness check.
  assert.equal((await sharp(Buffer.from(svg)).metadata()).width, 1200);
});

test('the publisher logo is a 600×60 PNG', async () => {
  const logo = await new SocialCards({ siteName: 'Broadsheet', maxCards: 1 }).publisherLogo();
  const metadata = await sharp(logo).metadata();
  assert.deepEqual([metadata.format, metadata.width, metadata.height], ['png', 600, 60]);
});
