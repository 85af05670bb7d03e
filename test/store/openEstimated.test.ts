import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type { ClosingRow } from '../../src/market/endOfDay/closingFileDay.js';
import { paisa } from '../../src/market/money/money.js';
import { HistoryTable } from '../../src/site/markets/HistoryTable.js';
import type { HistoryBar } from '../../src/store/market/marketHistory.js';
import { openTestStore, sqliteBackend } from './storeBackends.js';

// A traded row whose OPEN the exchange's file left at 0: the import estimates it, and says so down to the page.
const row = (symbol: string, openEstimated: boolean): ClosingRow => ({
  line: 1,
  date: '2024-08-05',
  symbol,
  sector: '0807',
  name: symbol,
  open: paisa(8420),
  high: paisa(8500),
  low: paisa(8400),
  close: paisa(8450),
  volume: 1000,
  ldcp: paisa(8420),
  ...(openEstimated ? { openEstimated: true as const } : {}),
});

describe('an estimated open is kept with its day and marked on the page', async () => {
  const backend = await sqliteBackend();
  after(() => backend.dispose());

  test('stored with the bar, read back, and starred in the history table', async () => {
    const opened = await openTestStore(await backend.freshTarget());
    try {
      await opened.market.saveClosingRows([row('HBL', true), row('MCB', false)], Date.now());
      const [hbl] = await opened.market.listBarsSince('HBL', null);
      const [mcb] = await opened.market.listBarsSince('MCB', null);
      assert.equal(hbl?.openEstimated, true);
      assert.equal(mcb?.openEstimated, undefined);
      // A later import with the exchange's own open clears the mark.
      await opened.market.saveClosingRows([row('HBL', false)], Date.now());
      assert.equal((await opened.market.listBarsSince('HBL', null))[0]?.openEstimated, undefined);

      const table = (bars: readonly (HistoryBar | undefined)[]) =>
        renderToString(
          h(HistoryTable, {
            caption: 'c',
            label: 'l',
            bars: bars.filter((bar): bar is HistoryBar => bar !== undefined),
            days: 5,
            csvUrl: '/x',
          }),
        );
      assert.match(table([hbl]), /84\.20<abbr class="figure-mark" title="estimated open">\*<\/abbr>/);
      assert.match(table([hbl]), /Estimated open/);
      assert.doesNotMatch(table([mcb]), /Estimated open|figure-mark/);
    } finally {
      await opened.close();
    }
  });
});
