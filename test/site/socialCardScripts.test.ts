import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import sharp from 'sharp';
import { SocialCards } from '../../src/site/sharing/socialCards.js';
import { requireTools, skipUnlessAvailable } from '../support/environment.js';

const section = { slug: 'pakistan', name: 'Pakistan', position: 1 };

/**
 * The ink of a card's headline area (the band between the section label and the rule): its width and height in
 * pixels, and its left and right edges.
 */
async function headlineInk(headline: string): Promise<{ width: number; height: number; left: number; right: number }> {
  const cards = new SocialCards({ siteName: 'Broadsheet', maxCards: 1 });
  const card = await cards.card({ id: 1, headline, section });
  const band = { top: 170, height: 350 };
  const { data, info } = await sharp(card.png)
    .extract({ left: 0, top: band.top, width: 1200, height: band.height })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  // Ink: pixels well darker than the card's paper (#f4f1ea); the headline is near-black.
  let [left, right, top, bottom] = [info.width, -1, info.height, -1];
  for (let y = 0; y < info.height; y++) {
    for (let x = 0; x < info.width; x++) {
      if ((data[(y * info.width + x) * info.channels] ?? 255) > 128) continue;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  assert.ok(right >= 0, `no ink in the headline band of the card for ${JSON.stringify(headline)}`);
  return { width: right - left + 1, height: bottom - top + 1, left, right };
}

// A missing glyph is drawn as a "tofu" box of the same size whatever the letter; real Urdu letters differ widely:
// ہ (heh goal, U+06C1) is small, ے (yeh barree, U+06D2) long with a tail sweeping back. DejaVu has neither.
describe('Urdu headlines on social cards', { skip: skipUnlessAvailable(['urdu-font']) }, () => {
  before(() => requireTools(['urdu-font']));

  test('ہ and ے are drawn as their own letters, not as boxes of one size', async () => {
    const heh = await headlineInk('ہ');
    const yeh = await headlineInk('ے');
    assert.ok(
      yeh.width > heh.width * 1.5,
      `ے should be much wider than ہ; got ${yeh.width} px and ${heh.width} px (boxes for missing glyphs?)`,
    );
  });

  test('the letters of a word join: the word is narrower than its letters set apart', async () => {
    const word = 'پاکستان';
    const joined = await headlineInk(word);
    // A zero-width non-joiner between letters stops them joining, so each takes its isolated form.
    const apart = await headlineInk([...word].join('\u200c'));
    assert.ok(joined.width < apart.width, `joined ${joined.width} px, apart ${apart.width} px`);
  });

  test('a right-to-left headline is set flush right', async () => {
    const ink = await headlineInk('اسٹیٹ بینک نے شرح سود برقرار رکھی');
    assert.ok(ink.right > 1050, `the line should end near the right margin (1120 px), ends at ${ink.right} px`);
    assert.ok(ink.left > 80, `the line should not start at the left margin, starts at ${ink.left} px`);
  });
});
