import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvText } from './csvText.js';

test('writes RFC 4180 CSV, quoting where needed and defusing formulas', () => {
  assert.equal(
    csvText(
      ['Symbol', 'Name', 'Close'],
      [
        ['DGKC', 'D.G. Khan Cement, Ltd', '41.34'],
        ['X', 'Say "hi"', -1.5],
        ['Y', '=HYPERLINK("x")', '-0.02'],
      ],
    ),
    'Symbol,Name,Close\r\nDGKC,"D.G. Khan Cement, Ltd",41.34\r\nX,"Say ""hi""",-1.5\r\nY,"\'=HYPERLINK(""x"")",-0.02\r\n',
  );
});
