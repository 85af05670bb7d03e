import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkImageSize,
  renditionHeight,
  renditionWidths,
  sniffImageFormat,
  validateMediaDescription,
} from './media.js';
import { embedProviderOf } from './mediaEmbed.js';

describe('sniffImageFormat', () => {
  test('knows JPEG, PNG and WebP by their first bytes', () => {
    assert.equal(sniffImageFormat(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0])), 'jpeg');
    assert.equal(sniffImageFormat(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'png');
    assert.equal(sniffImageFormat(Buffer.from('RIFF\u0000\u0000\u0000\u0000WEBPVP8 ', 'latin1')), 'webp');
  });

  test('refuses text, GIF, SVG and truncated headers whatever the name says', () => {
    assert.equal(sniffImageFormat(Buffer.from('hello, this is not a picture')), null);
    assert.equal(sniffImageFormat(Buffer.from('GIF89a......')), null);
    assert.equal(sniffImageFormat(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')), null);
    assert.equal(sniffImageFormat(Uint8Array.from([0xff, 0xd8])), null);
    assert.equal(sniffImageFormat(Buffer.from('RIFF\u0000\u0000\u0000\u0000WAVE', 'latin1')), null);
  });
});

describe('renditionWidths', () => {
  test('never scales up: a small picture gets the standard widths below it plus its own', () => {
    assert.deepEqual(renditionWidths(800), [320, 640, 800]);
    assert.deepEqual(renditionWidths(200), [200]);
    assert.deepEqual(renditionWidths(640), [320, 640]);
    assert.deepEqual(renditionWidths(4000), [320, 640, 1024, 1600]);
  });

  test('heights keep the proportions', () => {
    assert.equal(renditionHeight({ width: 1600, height: 900 }, 320), 180);
  });
});

describe('validateMediaDescription', () => {
  test('alt text is required; empty caption and credit become null', () => {
    const missing = validateMediaDescription({ alt: '   ', caption: '', credit: undefined });
    assert.equal(missing.ok, false);
    assert.deepEqual(missing.ok ? [] : missing.errors.map((error) => error.field), ['alt']);
    const ok = validateMediaDescription({ alt: ' Traders at\nthe exchange ', caption: '', credit: 'AFP' });
    assert.deepEqual(ok, { ok: true, value: { alt: 'Traders at the exchange', caption: null, credit: 'AFP' } });
  });

  test('over-long fields are refused by name', () => {
    const result = validateMediaDescription({ alt: 'x', caption: 'c'.repeat(601), credit: 'd'.repeat(121) });
    assert.deepEqual(result.ok ? [] : result.errors.map((error) => error.field), ['caption', 'credit']);
  });

  test('tiny and gigantic pictures are refused', () => {
    assert.notEqual(checkImageSize({ width: 10, height: 500 }), null);
    assert.notEqual(checkImageSize({ width: 20_000, height: 500 }), null);
    assert.equal(checkImageSize({ width: 1200, height: 800 }), null);
  });
});

describe('embedProviderOf', () => {
  test('allows the listed providers over HTTPS only', () => {
    assert.equal(embedProviderOf('https://www.youtube.com/watch?v=abc'), 'youtube');
    assert.equal(embedProviderOf('https://youtu.be/abc'), 'youtube');
    assert.equal(embedProviderOf('https://x.com/broadsheet/status/1'), 'x');
    assert.equal(embedProviderOf('https://datawrapper.dwcdn.net/AbCd/1/'), 'datawrapper');
  });

  test('refuses other hosts, look-alikes, plain HTTP, credentials and scripts', () => {
    for (const url of [
      'http://www.youtube.com/watch?v=abc',
      'https://youtube.com.evil.example/x',
      'https://user:pw@x.com/a',
      'javascript:alert(1)',
      'https://example.com/',
      'not a url',
    ]) {
      assert.equal(embedProviderOf(url), null, url);
    }
  });
});
