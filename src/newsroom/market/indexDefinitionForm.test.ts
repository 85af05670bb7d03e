import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readConstituentsForm, readIndexDefinitionForm, readMembersText } from './indexDefinitionForm.js';

test('the members box takes a symbol alone or with shares and free float, numbering problems by its own lines', () => {
  const read = readMembersText('ogdc\n\nHUBC, 1297154388, 37.5\r\nppl,,20\n');
  assert.deepEqual(read.problems, []);
  assert.deepEqual(read.members, [
    { line: 1, symbol: 'OGDC' },
    { line: 3, symbol: 'HUBC', shares: 1_297_154_388, freeFloat: 3750 },
    { line: 4, symbol: 'PPL', freeFloat: 2000 },
  ]);
  const bad = readMembersText('OGDC\nbad symbol!\nHUBC, -5');
  assert.deepEqual(
    bad.problems.map((p) => p.message.slice(0, 8)),
    ['Line 2: ', 'Line 3: '],
  );
});

test('shares written with commas are refused, not read as other figures', () => {
  const read = readMembersText('OGDC, 4,300,928,600, 15');
  assert.equal(read.members.length, 0);
  assert.match(read.problems[0]?.message ?? '', /^Line 1: .*without commas/);
  const quoted = readMembersText('OGDC, "4,300,928,600", 15');
  assert.deepEqual(quoted.members, [{ line: 1, symbol: 'OGDC', shares: 4_300_928_600, freeFloat: 1500 }]);
});

test('a box that starts with its own header keeps it, and line numbers still match the box', () => {
  const read = readMembersText('Symbol,Free float\nOGDC,15\nxx yy,1');
  assert.deepEqual(read.members, [{ line: 2, symbol: 'OGDC', freeFloat: 1500 }]);
  assert.match(read.problems[0]?.message ?? '', /^Line 3: /);
});

test('a definition reads levels in hundredths and the cap in basis points; every problem is named', () => {
  const read = readIndexDefinitionForm({
    code: 'br10',
    name: 'Broadsheet 10',
    weighting: 'full-cap',
    returnType: 'total',
    baseDate: '2020-01-01',
    baseValue: '1,000',
    startLevel: '40673.12',
    maxWeight: '12.5',
    constituents: 'OGDC\nHUBC',
  });
  assert.deepEqual(read, {
    ok: true,
    value: {
      spec: {
        code: 'BR10',
        name: 'Broadsheet 10',
        weighting: 'full-cap',
        returnType: 'total',
        baseDate: '2020-01-01',
        baseValue: 100_000,
        startLevel: 4_067_312,
        maxWeightBasisPoints: 1250,
      },
      members: [
        { line: 1, symbol: 'OGDC' },
        { line: 2, symbol: 'HUBC' },
      ],
    },
  });
  const refused = readIndexDefinitionForm({ code: '', name: 'X', weighting: 'equal', baseValue: '0', baseDate: '' });
  assert.equal(refused.ok, false);
  assert.deepEqual(refused.ok ? [] : refused.problems.map((p) => p.field), [
    'code',
    'weighting',
    'returnType',
    'baseValue',
  ]);
});

test('new constituents need a member; the date and the starting level are optional', () => {
  assert.deepEqual(readConstituentsForm({ constituents: '', effective: '' }), {
    ok: false,
    problems: [{ field: 'constituents', message: 'Name at least one member.' }],
  });
  assert.deepEqual(readConstituentsForm({ constituents: 'OGDC', effective: '2023-02-01', startLevel: '' }), {
    ok: true,
    value: { members: [{ line: 1, symbol: 'OGDC' }], effective: '2023-02-01' },
  });
});
