import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { test } from 'node:test';
import { createOriginReader, originOf } from './requestOrigin.js';

/** A request as Node's server hands it over, from `peer`, with these headers. */
function requestFrom(peer: string, headers: Record<string, string>): IncomingMessage {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: peer });
  return { socket, headers } as unknown as IncomingMessage;
}

test('originOf normalises case and default ports, and refuses what is not a host', () => {
  assert.equal(originOf('https', 'News.Example.COM:443'), 'https://news.example.com');
  assert.equal(originOf('http', 'localhost:3000'), 'http://localhost:3000');
  assert.equal(originOf('http', '[::1]:8080'), 'http://[::1]:8080');
  for (const bad of ['', 'evil.com/path', 'a b', 'x"><script>', 'user@host', 'host:99999999', 'a'.repeat(300)]) {
    assert.equal(originOf('http', bad), null, bad);
  }
  assert.equal(originOf('ftp', 'example.com'), null);
  assert.equal(originOf('http', undefined), null);
});

test('without trusted proxies the Host header decides and forwarded headers are ignored', () => {
  const read = createOriginReader([]);
  const request = requestFrom('127.0.0.1', {
    host: 'site.test:8080',
    'x-forwarded-host': 'evil.test',
    'x-forwarded-proto': 'https',
  });
  assert.equal(read(request), 'http://site.test:8080');
});

test('a trusted proxy speaks for the reader with X-Forwarded-Host and -Proto; its last entry wins', () => {
  const read = createOriginReader(['10.0.0.0/8']);
  const headers = {
    host: 'backend:3000',
    'x-forwarded-host': 'spoofed.test, news.example.com',
    'x-forwarded-proto': 'https',
  };
  assert.equal(read(requestFrom('10.1.2.3', headers)), 'https://news.example.com');
  assert.equal(read(requestFrom('::ffff:10.1.2.3', headers)), 'https://news.example.com');
  assert.equal(read(requestFrom('192.0.2.7', headers)), 'http://backend:3000', 'a stranger is not believed');
  assert.equal(read(requestFrom('10.1.2.3', { host: 'backend:3000', 'x-forwarded-proto': 'gopher' })), null);
});
