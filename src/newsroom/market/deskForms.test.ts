import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PSX_CALENDAR } from '../../market/sessions/tradingCalendar.js';
import { readAmendmentForm, readCorporateActionForm, readFxForm, readListingForm } from './deskForms.js';

test('a listing form reads percentages as basis points and rupees as paisa, with PSX defaults', () => {
  const read = readListingForm({
    symbol: ' newco ',
    name: 'New Company Limited',
    sector: 'Textile',
    sharesOutstanding: '1,300,000,000',
    freeFloat: '12.5',
    ldcp: '64.80',
    tickSize: '',
    lotSize: '',
  });
  assert.deepEqual(read, {
    ok: true,
    value: {
      instrument: {
        symbol: 'NEWCO',
        name: 'New Company Limited',
        sector: 'Textile',
        sharesOutstanding: 1_300_000_000,
        freeFloat: 1250,
        tickSize: 1,
        lotSize: 1,
      },
      ldcp: 6480,
    },
  });
});

test('every wrong field of a form is reported at once, by field', () => {
  const read = readListingForm({
    symbol: 'A B',
    name: '',
    sector: 'x'.repeat(81),
    sharesOutstanding: '1,30',
    freeFloat: '100.001',
    ldcp: '10.05',
    tickSize: '0.10',
  });
  assert.equal(read.ok, false);
  assert.deepEqual(!read.ok && read.problems.map((p) => p.field), [
    'symbol',
    'name',
    'sector',
    'sharesOutstanding',
    'freeFloat',
    'ldcp',
  ]);
  const amendment = readAmendmentForm({ name: 'X', sector: 'Y', sharesOutstanding: '0', freeFloat: '101' });
  assert.deepEqual(!amendment.ok && amendment.problems.map((p) => p.field), ['sharesOutstanding', 'freeFloat']);
});

test('a corporate action form reads only the chosen kind and needs its fields', () => {
  assert.deepEqual(
    readCorporateActionForm({
      type: 'right',
      symbol: 'HUBC',
      exDate: '2023-02-01',
      rightPercent: '20',
      subscriptionPrice: '10',
      bonusPercent: 'ignored',
    }),
    {
      ok: true,
      value: { type: 'right', symbol: 'HUBC', exDate: '2023-02-01', rightBasisPoints: 2000, subscriptionPrice: 1000 },
    },
  );
  const split = readCorporateActionForm({
    type: 'split',
    symbol: 'HUBC',
    exDate: '2023-02-01',
    sharesBefore: '1',
    sharesAfter: '1',
  });
  assert.deepEqual(!split.ok && split.problems.map((p) => p.field), ['sharesAfter']);
  const unknown = readCorporateActionForm({ type: 'merger', symbol: 'HUBC', exDate: '2023-02-31' });
  assert.deepEqual(!unknown.ok && unknown.problems.map((p) => p.field), ['type', 'exDate']);
});

test('an FX form: interbank selling defaults to buying, time is Karachi wall-clock', () => {
  const read = readFxForm(
    {
      pair: 'USD/PKR',
      market: 'interbank',
      buying: '267.89',
      selling: '',
      date: '2023-01-31',
      time: '16:05',
      source: 'SBP',
    },
    PSX_CALENDAR,
  );
  assert.ok(read.ok);
  assert.equal(read.value.selling, 26_789);
  assert.equal(read.value.time.toISOString(), '2023-01-31T11:05:00.000Z');
  const open = readFxForm(
    {
      pair: 'USD/PKR',
      market: 'open',
      buying: '270.00',
      selling: '',
      date: '2023-01-31',
      time: '16:05',
      source: 'ECAP',
    },
    PSX_CALENDAR,
  );
  assert.deepEqual(!open.ok && open.problems.map((p) => p.field), ['selling']);
  const interbank = readFxForm(
    {
      pair: 'USD/PKR',
      market: 'interbank',
      buying: '270.00',
      selling: '271.00',
      date: '2023-01-31',
      time: '24:00',
      source: 'SBP',
    },
    PSX_CALENDAR,
  );
  assert.deepEqual(!interbank.ok && interbank.problems.map((p) => p.field), ['time', 'selling']);
});
