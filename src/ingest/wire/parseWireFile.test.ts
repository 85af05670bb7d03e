import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_WIRE_BYTES, parseWireFile } from './parseWireFile.js';
import type { WireParseResult } from './wireItem.js';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function refused(result: WireParseResult): string {
  assert.equal(result.ok, false, 'the file should have been refused');
  return result.ok ? '' : result.reason;
}

const ITEM = (body: string): string =>
  `<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:test:1" version="1"><itemMeta><versionCreated>2024-03-01T10:00:00Z</versionCreated></itemMeta><contentMeta><headline>Test</headline></contentMeta><contentSet><inlineXML contenttype="application/xhtml+xml">${body}</inlineXML></contentSet></newsItem>`;

describe('parseWireFile: hostile and broken files', () => {
  it('refuses billion laughs without expanding anything', () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE lolz [',
      '<!ENTITY lol "lol">',
      ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
      ']>',
      '<newsItem><contentMeta><headline>&lol9;</headline></contentMeta></newsItem>',
    ].join('\n');
    assert.match(refused(parseWireFile(utf8(lol), 'lol.xml')), /DTD internal subset|entity/i);
  });

  it('refuses an external entity and never reads the file it names', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><newsItem><contentMeta><headline>&xxe;</headline></contentMeta></newsItem>`;
    const reason = refused(parseWireFile(utf8(xxe), 'xxe.xml'));
    assert.match(reason, /entity/i);
    assert.doesNotMatch(reason, /root:/);
  });

  it('refuses an undeclared entity reference as malformed', () => {
    assert.match(refused(parseWireFile(utf8(ITEM('<p>&xxe;</p>')), 'x.xml')), /malformed/i);
  });

  it('refuses a 50 MB file on its size alone', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    big.set(utf8('<newsItem>'), 0);
    const reason = refused(parseWireFile(big, 'big.xml'));
    assert.match(reason, new RegExp(`at most ${MAX_WIRE_BYTES} bytes`));
  });

  it('refuses a file of more than 1,000 items in any format, before reading them; takes 1,000', () => {
    const rss = (n: number) =>
      `<rss version="2.0"><channel><title>Feed</title>${'<item><guid>g</guid><title>t</title></item>'.repeat(n)}</channel></rss>`;
    const atom = (n: number) =>
      `<feed xmlns="http://www.w3.org/2005/Atom">${'<entry><id>e</id><title>t</title></entry>'.repeat(n)}</feed>`;
    const ninjs = (n: number) => JSON.stringify(Array.from({ length: n }, (_, i) => ({ uri: `u${i}`, headline: 't' })));
    const g2 = (n: number) =>
      `<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><itemSet>${`<newsItem guid="g" version="1"><contentMeta><headline>t</headline></contentMeta></newsItem>`.repeat(n)}</itemSet></newsMessage>`;
    const newsml12 = (n: number) =>
      `<NewsML>${'<NewsItem><Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><DateId>20240301</DateId><NewsItemId>1</NewsItemId><RevisionId>1</RevisionId></NewsIdentifier></Identification><NewsComponent><NewsLines><HeadLine>t</HeadLine></NewsLines></NewsComponent></NewsItem>'.repeat(n)}</NewsML>`;
    for (const [format, file] of Object.entries({ rss, atom, ninjs, g2, newsml12 })) {
      assert.match(
        refused(parseWireFile(utf8(file(1001)), format)),
        /carries 1001 items; one file may carry at most 1000/,
      );
      const taken = parseWireFile(utf8(file(1000)), format);
      assert.ok(taken.ok, `${format}: ${taken.ok ? '' : taken.reason}`);
      assert.equal(taken.items.length, 1000, format);
    }
  });

  it('refuses invalid UTF-8', () => {
    const bytes = utf8(ITEM('<p>caf\u00e9</p>'));
    const broken = new Uint8Array([...bytes.subarray(0, 200), 0xc3, 0x28, ...bytes.subarray(200)]);
    assert.match(refused(parseWireFile(broken, 'bad.xml')), /not valid UTF-8/);
    assert.match(refused(parseWireFile(new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), 'bad.json')), /not valid UTF-8/);
  });

  it('refuses deeply nested XML instead of overflowing the stack', () => {
    const deep = `${'<div>'.repeat(100_000)}x${'</div>'.repeat(100_000)}`;
    assert.match(refused(parseWireFile(utf8(ITEM(deep)), 'deep.xml')), /nests deeper/);
  });

  it('refuses deeply nested JSON and HTML bodies with absurd amounts of markup before parsing them', () => {
    assert.match(
      refused(parseWireFile(utf8(`${'['.repeat(100_000)}${']'.repeat(100_000)}`), 'deep.json')),
      /nests deeper than 64/,
    );
    const ninjs = JSON.stringify({ uri: 'urn:test:2', headline: 'Deep', body_html: `${'<div>'.repeat(100_000)}x` });
    assert.match(refused(parseWireFile(utf8(ninjs), 'deep.json')), /more than 20000 tags/);
    const quoted = JSON.stringify({ uri: 'urn:test:3', headline: '[[[[', body_text: '{'.repeat(1000) });
    assert.ok(parseWireFile(utf8(quoted), 'brackets.json').ok, 'brackets inside strings are text, not nesting');
  });

  it('refuses malformed XML, malformed JSON and files of neither kind', () => {
    assert.match(refused(parseWireFile(utf8('<newsItem><headline>x</newsItem>'), 'x.xml')), /malformed/i);
    assert.match(refused(parseWireFile(utf8('{"uri": "x",'), 'x.json')), /JSON is malformed/);
    assert.match(refused(parseWireFile(utf8('Hello, newsroom'), 'x.txt')), /neither JSON/);
    assert.match(refused(parseWireFile(utf8('[1, 2]'), 'x.json')), /expected a JSON object/);
  });

  it('refuses an encoding it does not read', () => {
    assert.match(refused(parseWireFile(utf8('<?xml version="1.0" encoding="EBCDIC-US"?><nitf/>'), 'x.xml')), /EBCDIC/i);
  });

  it('reads real Latin-1 when the file declares it', () => {
    const head = utf8('<?xml version="1.0" encoding="ISO-8859-1"?>');
    // One byte per character, as Latin-1 writes it: é is the single byte 0xE9, not valid UTF-8.
    const latin = new Uint8Array([...head, ...Array.from(ITEM('<p>Caf\u00e9</p>'), (c) => c.charCodeAt(0))]);
    const result = parseWireFile(latin, 'latin.xml');
    assert.ok(result.ok);
    assert.deepEqual(result.items[0]?.body, [{ type: 'paragraph', text: 'Café' }]);
  });

  it('drops scripts, event handlers, frames and javascript: links from bodies', () => {
    const hostile = ITEM(
      '<p onclick="steal()">Safe <a href="javascript:alert(1)">bad link</a> and <a href="https://example.com/ok" onmouseover="x()">good link</a>.</p>' +
        '<script>alert("x")</script><style>p{}</style><iframe src="https://evil.example/"></iframe>' +
        '<p><img src="javascript:alert(2)" onerror="alert(3)"/>Picture</p>',
    );
    const result = parseWireFile(utf8(hostile), 'x.xml');
    assert.ok(result.ok);
    const item = result.items[0];
    assert.deepEqual(item?.body, [
      {
        type: 'paragraph',
        text: 'Safe bad link and good link.',
        marks: [{ kind: 'link', start: 18, end: 27, href: 'https://example.com/ok' }],
      },
      { type: 'paragraph', text: 'Picture' },
    ]);
    assert.equal(item?.images[0]?.href, null);
    const everything = JSON.stringify(item);
    for (const bad of ['script', 'alert', 'onclick', 'onerror', 'iframe', 'evil'])
      assert.ok(!everything.includes(bad), bad);
  });

  it('drops scripts and javascript: links from ninjs HTML bodies', () => {
    const ninjs = JSON.stringify({
      uri: 'urn:test:ninjs',
      headline: 'Test',
      body_html:
        '<p>One <a href="JaVaScRiPt:alert(1)">two</a><script>alert(1)</script></p><img src=x onerror=alert(1)>',
    });
    const result = parseWireFile(utf8(ninjs), 'x.json');
    assert.ok(result.ok);
    assert.deepEqual(result.items[0]?.body, [{ type: 'paragraph', text: 'One two' }]);
    assert.ok(!JSON.stringify(result).includes('alert'));
  });
});
