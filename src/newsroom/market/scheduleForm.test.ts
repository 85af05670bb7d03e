import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSpecialSchedule } from './scheduleForm.js';

test('a Ramadan-style day: pre-open, trading, post-close', () => {
  const read = readSpecialSchedule({
    date: '2024-03-12',
    preOpenStart: '09:15',
    openStart: '09:30',
    closeAt: '13:30',
    postCloseStart: '13:35',
    postCloseEnd: '13:50',
  });
  assert.deepEqual(read, {
    date: '2024-03-12',
    schedule: {
      periods: [
        { phase: 'pre-open', start: '09:15', end: '09:30' },
        { phase: 'open', start: '09:30', end: '13:30' },
        { phase: 'post-close', start: '13:35', end: '13:50' },
      ],
    },
  });
});

test('a break splits trading in two, as on Fridays', () => {
  const read = readSpecialSchedule({
    date: '2024-03-15',
    openStart: '09:17',
    breakStart: '12:00',
    breakEnd: '14:32',
    closeAt: '16:30',
  });
  assert.ok('schedule' in read, JSON.stringify(read));
  assert.deepEqual(
    read.schedule.periods.map((p) => `${p.phase} ${p.start}-${p.end}`),
    ['open 09:17-12:00', 'break 12:00-14:32', 'open 14:32-16:30'],
  );
});

test('every problem is named on its field; half a break or post-close is refused', () => {
  const read = readSpecialSchedule({ date: '2024-02-30', openStart: '9:30', closeAt: '', breakStart: '12:00' });
  assert.ok('problems' in read);
  assert.deepEqual(
    read.problems.map((p) => p.field),
    ['date', 'openStart', 'closeAt'],
  );
  const half = readSpecialSchedule({ date: '2024-03-12', openStart: '09:30', closeAt: '13:30', postCloseEnd: '14:00' });
  assert.ok('problems' in half);
  assert.deepEqual(half.problems, [
    { field: 'postCloseStart', message: 'A post-close session needs both its start and its end.' },
  ]);
  const noBreakEnd = readSpecialSchedule({
    date: '2024-03-12',
    openStart: '09:30',
    breakStart: '12:00',
    closeAt: '13:30',
  });
  assert.ok('problems' in noBreakEnd);
  assert.equal(noBreakEnd.problems[0]?.field, 'breakEnd');
});
