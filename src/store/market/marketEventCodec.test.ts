import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Paisa } from '../../market/money/money.js';
import { decodeEvent, encodeEvent } from './marketEventCodec.js';

test('property: a trade is written as JSON.stringify would write it, and read back as it was', () => {
  fc.assert(
    fc.property(
      fc.stringMatching(/^[A-Z0-9][A-Z0-9.-]{0,15}$/),
      fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      fc.option(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })),
      (symbol, price, volume, seq) => {
        const time = new Date('2026-11-25T05:00:00.123Z');
        const trade = { symbol, price: price as Paisa, volume, time, ...(seq === null ? {} : { seq, feed: 'psx' }) };
        const encoded = encodeEvent({ kind: 'trade', trade });
        assert.equal(encoded.bodyJson, JSON.stringify({ symbol, price, volume }));
        const row = {
          kind: encoded.kind,
          feed: encoded.feed,
          seq: encoded.seq,
          body_json: encoded.bodyJson,
          event_time: encoded.eventTime,
        };
        assert.deepEqual(decodeEvent(row), { kind: 'trade', trade });
      },
    ),
  );
});
