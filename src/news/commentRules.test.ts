import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  COMMENT_MAX_CHARS,
  type CommentField,
  codePointLength,
  commentBodyLength,
  NAME_MAX_CHARS,
  validateComment,
} from './commentRules.js';

const good = { name: 'Ayesha Siddiqui', email: 'ayesha@example.com', body: 'Sensible analysis.' };

function errorFields(input: { name: unknown; email: unknown; body: unknown }): CommentField[] {
  const result = validateComment(input);
  return result.ok ? [] : result.errors.map((e) => e.field);
}

function bodyError(body: string): string | undefined {
  const result = validateComment({ ...good, body });
  return result.ok ? undefined : result.errors.find((e) => e.field === 'body')?.message;
}

describe('validateComment: body length', () => {
  test('limits are the published ones', () => {
    assert.equal(COMMENT_MAX_CHARS, 1000);
    assert.equal(NAME_MAX_CHARS, 80);
  });

  test('999 and 1000 code points pass, 1001 fails', () => {
    assert.equal(validateComment({ ...good, body: 'a'.repeat(999) }).ok, true);
    assert.equal(validateComment({ ...good, body: 'a'.repeat(1000) }).ok, true);
    assert.equal(bodyError('a'.repeat(1001)), 'Comment must be at most 1000 characters (you wrote 1001).');
  });

  test('an emoji counts as one character', () => {
    const thousand = '📈'.repeat(1000);
    assert.equal(thousand.length, 2000); // UTF-16 units would wrongly reject it
    assert.equal(validateComment({ ...good, body: thousand }).ok, true);
    assert.equal(bodyError('📈'.repeat(1001)), 'Comment must be at most 1000 characters (you wrote 1001).');
  });

  test('length is counted after trimming', () => {
    const padded = `   ${'b'.repeat(1000)}\n\n  `;
    const result = validateComment({ ...good, body: padded });
    assert.ok(result.ok);
    assert.equal(result.value.body, 'b'.repeat(1000));
  });

  test('the message reports how much was written', () => {
    assert.equal(bodyError('x'.repeat(1012)), 'Comment must be at most 1000 characters (you wrote 1012).');
  });
});

describe('validateComment: body content', () => {
  test('whitespace-only and missing bodies are rejected', () => {
    assert.deepEqual(errorFields({ ...good, body: ' \n\t ' }), ['body']);
    assert.deepEqual(errorFields({ ...good, body: undefined }), ['body']);
    assert.deepEqual(errorFields({ ...good, body: 42 }), ['body']);
  });

  test('control characters are removed, newline and tab kept, CRLF normalised', () => {
    const result = validateComment({ ...good, body: 'a\u0000b\u0007c\r\nd\te\u009Bf\u007F' });
    assert.ok(result.ok);
    assert.equal(result.value.body, 'abc\nd\tef');
  });

  test('a body of control characters only is empty', () => {
    assert.deepEqual(errorFields({ ...good, body: '\u0001\u0002' }), ['body']);
  });

  test('markup characters are kept verbatim as plain text', () => {
    const body = '<script>alert("x")</script> & “quotes” 🚀';
    const result = validateComment({ ...good, body });
    assert.ok(result.ok);
    assert.equal(result.value.body, body);
  });
});

describe('validateComment: name', () => {
  test('80 characters pass, 81 fail', () => {
    assert.equal(validateComment({ ...good, name: 'n'.repeat(80) }).ok, true);
    const result = validateComment({ ...good, name: 'n'.repeat(81) });
    assert.ok(!result.ok);
    assert.deepEqual(result.errors, [{ field: 'name', message: 'Name must be at most 80 characters (you wrote 81).' }]);
  });

  test('is trimmed and put on one line', () => {
    const result = validateComment({ ...good, name: '  Bilal \n  Ahmed  ' });
    assert.ok(result.ok);
    assert.equal(result.value.name, 'Bilal Ahmed');
  });

  test('empty or non-string names are rejected', () => {
    assert.deepEqual(errorFields({ ...good, name: '   ' }), ['name']);
    assert.deepEqual(errorFields({ ...good, name: null }), ['name']);
  });
});

describe('validateComment: e-mail', () => {
  const bad = [
    '',
    'plainaddress',
    'two@@example.com',
    'a@b@example.com',
    '@example.com',
    'name@',
    'name@localhost',
    'name@.example.com',
    'name@example..com',
    'name@example.com.',
    'na me@example.com',
    'name@exa mple.com',
    'name@example.com<script>',
    `${'l'.repeat(65)}@example.com`,
    `a@${'d'.repeat(250)}.com`,
  ];
  for (const email of bad) {
    test(`rejects ${JSON.stringify(email.slice(0, 40))}`, () => {
      assert.deepEqual(errorFields({ ...good, email }), ['email']);
    });
  }

  test('accepts ordinary addresses and trims them', () => {
    for (const email of ['a@b.co', 'first.last+news@mail.example.com.pk', ' x@y.org ']) {
      const result = validateComment({ ...good, email });
      assert.ok(result.ok, email);
      assert.equal(result.value.email, email.trim());
    }
  });

  test('accepts 254 characters, rejects 255', () => {
    const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.${'g'.repeat(48)}.com`; // 235
    const at254 = `${'l'.repeat(254 - domain.length - 1)}@${domain}`;
    assert.equal(at254.length, 254);
    assert.equal(validateComment({ ...good, email: at254 }).ok, true);
    assert.deepEqual(errorFields({ ...good, email: `l${at254}` }), ['email']);
  });
});

describe('validateComment: several errors', () => {
  test('reports every bad field at once, in form order', () => {
    const result = validateComment({ name: '', email: 'nope', body: '' });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => e.field),
      ['name', 'email', 'body'],
    );
    for (const error of result.errors) assert.match(error.message, /^[A-Z].*\.$/);
  });
});

test('codePointLength counts astral characters once', () => {
  assert.equal(codePointLength('a😀b'), 3);
  assert.equal(codePointLength(''), 0);
});

describe('commentBodyLength: the live counter counts as the server does', () => {
  test('an emoji is one character, so 1000 emoji fit and 1001 do not', () => {
    const thumbs = '\u{1F44D}';
    assert.equal(commentBodyLength(thumbs.repeat(500)), 500);
    assert.equal(commentBodyLength(thumbs.repeat(1000)), 1000);
    assert.equal(validateComment({ ...good, body: thumbs.repeat(1000) }).ok, true);
    assert.equal(validateComment({ ...good, body: thumbs.repeat(1001) }).ok, false);
  });

  test('a line break is one character whether typed as LF or sent as CRLF', () => {
    assert.equal(commentBodyLength('a\r\nb'), 3);
    assert.equal(commentBodyLength('a\nb'), 3);
  });

  test('outer spaces and unseen control characters do not count', () => {
    assert.equal(commentBodyLength('  ab\u0007c \n'), 3);
  });

  test('Urdu letters count one each', () => {
    assert.equal(commentBodyLength('شکریہ'), 5);
  });

  test('for any text, the counter is within the limit exactly when the server accepts the body', () => {
    const texts = fc.string({ unit: 'binary', maxLength: 1100 });
    const padded = fc.tuple(texts, fc.integer({ min: 990, max: 1010 })).map(([text, length]) => {
      const filler = [...text].join('') || '\u{1F600}';
      return [...filler.repeat(Math.ceil(length / Math.max(1, [...filler].length)))].slice(0, length).join('');
    });
    fc.assert(
      fc.property(fc.oneof(texts, padded), (body) => {
        const length = commentBodyLength(body);
        const accepted = validateComment({ ...good, body }).ok;
        assert.equal(accepted, length > 0 && length <= COMMENT_MAX_CHARS, `length ${length}`);
      }),
    );
  });
});
