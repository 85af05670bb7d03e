import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paisa } from '../../market/money/money.js';
import { type BoxQuote, marketsBoxParts, QUIET_MOVERS_TEXT } from './marketsBoxParts.js';

const quote = (symbol: string, last: number, changePercent: number): BoxQuote => ({
  symbol,
  last: paisa(last),
  changePercent,
  direction: changePercent > 0 ? 'up' : changePercent < 0 ? 'down' : 'unchanged',
});

describe('the markets box parts', () => {
  test('three gainers then three losers, two decimals always, thousands grouped', () => {
    const parts = marketsBoxParts(
      [
        quote('A', 123456, 2),
        quote('B', 100, 2.17),
        quote('C', 100, 0.5),
        quote('D', 100, 0.1),
        quote('E', 100, -1),
        quote('F', 100, 0),
      ],
      [],
    );
    assert.equal(parts.movers.kind, 'rows');
    if (parts.movers.kind !== 'rows') return;
    assert.deepEqual(
      parts.movers.rows.map((row) => `${row.symbol} ${row.last} ${row.percent} ${row.figureClass} ${row.href}`),
      [
        'B 1.00 +2.17% figure--up /markets/stocks/B',
        'A 1,234.56 +2.00% figure--up /markets/stocks/A',
        'C 1.00 +0.50% figure--up /markets/stocks/C',
        'E 1.00 -1.00% figure--down /markets/stocks/E',
      ],
    );
    assert.equal(parts.dollar, null);
  });

  test('listed stocks that have not moved are a quiet part; no stocks at all is none', () => {
    assert.deepEqual(marketsBoxParts([quote('A', 100, 0)], []).movers, { kind: 'quiet' });
    assert.deepEqual(marketsBoxParts([], []).movers, { kind: 'none' });
    assert.match(QUIET_MOVERS_TEXT, /No stock has moved/);
  });

  test('the dollar: interbank selling coloured by its move, open market buying/selling, other pairs left out', () => {
    const rate = (market: 'interbank' | 'open', buying: number, selling: number, previousSelling: number) => ({
      pair: 'USD/PKR',
      market,
      buying: paisa(buying),
      selling: paisa(selling),
      previousSelling: paisa(previousSelling),
    });
    assert.deepEqual(
      marketsBoxParts(
        [],
        [
          rate('interbank', 27840, 27840, 27900),
          rate('open', 27800, 28050, 28050),
          { ...rate('interbank', 1, 1, 1), pair: 'EUR/PKR' },
        ],
      ).dollar,
      { interbank: { text: '278.40', figureClass: 'figure--down' }, open: '278.00/280.50' },
    );
    assert.deepEqual(marketsBoxParts([], [rate('open', 27800, 28050, 28050)]).dollar, {
      interbank: null,
      open: '278.00/280.50',
    });
  });
});
