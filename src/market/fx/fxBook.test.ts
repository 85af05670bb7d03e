import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FxRateView } from '../book/marketSnapshot.js';
import { paisa } from '../money/money.js';
import { FxBook } from './fxBook.js';

// Karachi dates: 2023-01-30T12:00Z is 17:00 on 30 Jan; 2023-01-30T20:00Z is already 31 Jan.
const monday = new Date('2023-01-30T12:00:00Z');
const tuesdayMorning = new Date('2023-01-31T05:00:00Z');
const tuesdayEvening = new Date('2023-01-31T12:00:00Z');

const usdInterbank: FxRateView = {
  pair: 'USD/PKR',
  market: 'interbank',
  buying: paisa(26_861),
  selling: paisa(26_861),
  previousBuying: paisa(26_900),
  previousSelling: paisa(26_900),
  source: 'SBP',
  time: monday,
};

const interbank = (rate: number, time: Date) => ({
  pair: 'USD/PKR',
  market: 'interbank' as const,
  buying: paisa(rate),
  selling: paisa(rate),
  time,
});

describe('FxBook', () => {
  test('previous rates roll to the last rate of the day before', () => {
    const book = new FxBook([usdInterbank]);
    assert.deepEqual(book.update(interbank(26_850, new Date('2023-01-30T12:30:00Z'))), { ok: true });
    assert.equal(book.rate('USD/PKR', 'interbank')?.previousBuying, 26_900, 'same day: previous close kept');
    assert.ok(book.update(interbank(26_800, tuesdayMorning)).ok);
    assert.equal(book.rate('USD/PKR', 'interbank')?.previousBuying, 26_850, 'new day: yesterday’s last update');
    assert.ok(book.update(interbank(26_789, tuesdayEvening)).ok);
    const rate = book.rate('USD/PKR', 'interbank');
    assert.equal(rate?.buying, 26_789);
    assert.equal(rate?.previousBuying, 26_850);
    assert.equal(rate?.source, 'SBP');
  });

  test('daily history: the last update of each day wins; change against the day before', () => {
    const book = new FxBook([usdInterbank]);
    book.update(interbank(26_850, new Date('2023-01-30T12:30:00Z')));
    book.update(interbank(26_789, tuesdayEvening));
    book.update(interbank(26_800, tuesdayMorning)); // late: history only
    assert.equal(book.rate('USD/PKR', 'interbank')?.buying, 26_789);
    assert.deepEqual(
      book.history('USD/PKR', 'interbank').map((d) => [d.date, d.buying]),
      [
        ['2023-01-30', 26_850],
        ['2023-01-31', 26_789],
      ],
    );
    const change = book.dailyChange('USD/PKR', 'interbank', '2023-01-31');
    // −61 paisa on 268.50: −0.2272 % → −0.23 %.
    assert.equal(change?.buyingChange, -61);
    assert.equal(change?.buyingChangePercent, -0.23);
    assert.equal(book.dailyChange('USD/PKR', 'interbank', '2023-01-30')?.previous, null);
    assert.equal(book.dailyChange('USD/PKR', 'interbank', '2023-02-01'), null);
  });

  test('validation: positive, buying ≤ selling, interbank one rate, known pairs', () => {
    const book = new FxBook();
    const open = { pair: 'EUR/PKR', market: 'open' as const, time: monday, source: 'ECAP' };
    assert.equal(book.update({ ...open, buying: paisa(29_200), selling: paisa(29_000) }).ok, false);
    assert.equal(book.update({ ...open, buying: paisa(0), selling: paisa(29_000) }).ok, false);
    assert.equal(book.update({ ...interbank(1, monday), selling: paisa(2) }).ok, false);
    assert.equal(book.update({ ...open, pair: 'JPY/PKR', buying: paisa(190), selling: paisa(195) }).ok, false);
    assert.equal(book.update({ ...open, pair: 'CNY/PKR', buying: paisa(3_900), selling: paisa(4_000) }).ok, true);
    assert.deepEqual(
      new FxBook([], ['JPY/PKR']).update({ ...open, pair: 'JPY/PKR', buying: paisa(190), selling: paisa(195) }),
      {
        ok: true,
      },
    );
  });
});
