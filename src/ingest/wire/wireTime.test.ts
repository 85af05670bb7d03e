import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseWireTime } from './wireTime.js';

function read(raw: string, options = {}): { at: string | null; warnings: string[] } {
  const warnings: string[] = [];
  const date = parseWireTime(raw, warnings, 'time', options);
  return { at: date?.toISOString() ?? null, warnings };
}

describe('parseWireTime', () => {
  it('reads RFC 3339 times without a warning', () => {
    assert.deepEqual(read('2024-03-01T10:00:00Z'), { at: '2024-03-01T10:00:00.000Z', warnings: [] });
    assert.deepEqual(read(' 2018-10-21T16:25:32-05:00\n '), { at: '2018-10-21T21:25:32.000Z', warnings: [] });
    assert.deepEqual(read('2018-10-19T11:17:00.150Z'), { at: '2018-10-19T11:17:00.150Z', warnings: [] });
  });

  it('reads a zone without its colon, with a warning', () => {
    const { at, warnings } = read('2024-03-01T15:00:00+0500');
    assert.equal(at, '2024-03-01T10:00:00.000Z');
    assert.match(warnings[0] ?? '', /time zone oddly/);
  });

  it('assumes UTC when the zone is missing, with a warning', () => {
    const { at, warnings } = read('2024-03-01T10:00:00');
    assert.equal(at, '2024-03-01T10:00:00.000Z');
    assert.match(warnings[0] ?? '', /no time zone; UTC assumed/);
  });

  it('pads unpadded fields, with a warning', () => {
    const { at, warnings } = read('2024-3-1T9:05:00Z');
    assert.equal(at, '2024-03-01T09:05:00.000Z');
    assert.match(warnings[0] ?? '', /unpadded/);
    assert.equal(read('2024-3-1').at, '2024-03-01T00:00:00.000Z');
  });

  it('reads the compact NewsML 1.2 form, warning only where it is not the format’s own', () => {
    assert.deepEqual(read('20240301T100000+0000', { basicIsNative: true }), {
      at: '2024-03-01T10:00:00.000Z',
      warnings: [],
    });
    assert.deepEqual(read('20240301T150000+0500', { basicIsNative: true }).at, '2024-03-01T10:00:00.000Z');
    const elsewhere = read('20240301T100000Z');
    assert.equal(elsewhere.at, '2024-03-01T10:00:00.000Z');
    assert.match(elsewhere.warnings[0] ?? '', /compact basic form/);
  });

  it('reads RFC 822 dates of RSS', () => {
    assert.deepEqual(read('Mon, 04 Mar 2024 09:30:00 +0500'), { at: '2024-03-04T04:30:00.000Z', warnings: [] });
    assert.deepEqual(read('Mon, 04 Mar 2024 16:05:00 GMT').at, '2024-03-04T16:05:00.000Z');
    assert.deepEqual(read('4 Mar 2024 11:05 EST').at, '2024-03-04T16:05:00.000Z');
    assert.match(read('Mon, 04 Mar 24 16:05:00 GMT').warnings[0] ?? '', /two-digit year/);
  });

  it('gives null with a warning for what cannot be a time', () => {
    for (const raw of [
      'yesterday',
      '2024-02-30T10:00:00Z',
      '2024-13-01',
      '2024-03-01T25:00:00Z',
      '2024-03-01T10:00:00+2500',
    ]) {
      const { at, warnings } = read(raw);
      if (raw.endsWith('+2500')) {
        assert.equal(at, '2024-03-01T10:00:00.000Z', raw);
        assert.match(warnings[0] ?? '', /impossible time zone/);
      } else {
        assert.equal(at, null, raw);
        assert.match(warnings.at(-1) ?? '', /not a readable time/, raw);
      }
    }
    assert.deepEqual(read(''), { at: null, warnings: [] });
  });
});
