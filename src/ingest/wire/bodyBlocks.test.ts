import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapBody, plainTextBlocks } from './bodyBlocks.js';
import { parseHtmlFragment } from './htmlTree.js';
import { parseXmlTree } from './xmlTree.js';

function xml(markup: string) {
  const tree = parseXmlTree(`<body>${markup}</body>`);
  assert.ok(tree.ok);
  return mapBody(tree.root.children);
}

describe('mapBody', () => {
  it('maps paragraphs, subheadings, quotes with credit, and lists', () => {
    const { blocks } = xml(
      '<p>First  paragraph\n  here.</p><hl2>Section</hl2><h3>Another</h3>' +
        '<bq><block><p>Quoted words.</p></block><credit>— A minister</credit></bq>' +
        '<blockquote><p>Plain quote.</p></blockquote>' +
        '<ol><li>One</li><li><p>Two</p></li></ol><ul><li>Bullet</li></ul>',
    );
    assert.deepEqual(blocks, [
      { type: 'paragraph', text: 'First paragraph here.' },
      { type: 'subheading', text: 'Section' },
      { type: 'subheading', text: 'Another' },
      { type: 'quote', text: 'Quoted words.', attribution: 'A minister' },
      { type: 'quote', text: 'Plain quote.' },
      { type: 'list', ordered: true, items: [{ text: 'One' }, { text: 'Two' }] },
      { type: 'list', ordered: false, items: [{ text: 'Bullet' }] },
    ]);
  });

  it('lays bold, italic and safe links over the text by UTF-16 offset', () => {
    const { blocks } = xml(
      '<p>A <b>bold</b> <em>ĝö</em> 😀 <a href="https://example.com/x"><strong>link</strong></a></p>',
    );
    assert.deepEqual(blocks, [
      {
        type: 'paragraph',
        text: 'A bold ĝö 😀 link',
        marks: [
          { kind: 'bold', start: 2, end: 6 },
          { kind: 'italic', start: 7, end: 9 },
          { kind: 'bold', start: 13, end: 17 },
          { kind: 'link', start: 13, end: 17, href: 'https://example.com/x' },
        ],
      },
    ]);
  });

  it('keeps a link’s text but not the link when the target is unsafe or nested', () => {
    const { blocks } = xml(
      '<p><a href="data:text/html,x">data</a> <a href="//evil.example">proto</a> <a href="/markets">ours</a></p>',
    );
    assert.deepEqual(blocks, [
      { type: 'paragraph', text: 'data proto ours', marks: [{ kind: 'link', start: 11, end: 15, href: '/markets' }] },
    ]);
  });

  it('turns loose text and line breaks at the top level into paragraphs, and breaks inside one into spaces', () => {
    const { blocks } = xml('Line one<br/>Line two<p>In<br/>one</p>');
    assert.deepEqual(blocks, [
      { type: 'paragraph', text: 'Line one' },
      { type: 'paragraph', text: 'Line two' },
      { type: 'paragraph', text: 'In one' },
    ]);
  });

  it('keeps the text of unknown elements and drops scripts, styles, frames and forms with theirs', () => {
    const { blocks } = xml(
      '<p>Shares of <org>Acme</org> rose <num>3</num> percent<script>x()</script><style>p{}</style></p><iframe>frame text</iframe><form><input/>form</form><object>obj</object>',
    );
    assert.deepEqual(blocks, [{ type: 'paragraph', text: 'Shares of Acme rose 3 percent' }]);
  });

  it('collects pictures (img, figure, NITF media) without putting them in the text', () => {
    const { blocks, images } = xml(
      '<p>Before<img src="https://img.example.com/a.jpg" alt=" A  picture " width="640" height="480" onerror="x()"/></p>' +
        '<figure><img src="b.jpg"/><figcaption>Caption B</figcaption></figure>' +
        '<media media-type="image"><media-reference source="c.jpg" alternate-text="Alt C"/><media-caption>Caption C</media-caption><media-producer>Agency</media-producer></media>' +
        '<media media-type="video"><media-reference source="v.mp4"/></media>',
    );
    assert.deepEqual(blocks, [{ type: 'paragraph', text: 'Before' }]);
    assert.deepEqual(images, [
      {
        href: 'https://img.example.com/a.jpg',
        caption: null,
        credit: null,
        altText: 'A picture',
        width: 640,
        height: 480,
      },
      { href: 'b.jpg', caption: 'Caption B', credit: null, altText: null, width: null, height: null },
      { href: 'c.jpg', caption: 'Caption C', credit: 'Agency', altText: 'Alt C', width: null, height: null },
    ]);
  });

  it('maps HTML parsed by parse5 the same way, decoding its character references', () => {
    const { nodes } = parseHtmlFragment('<p>Fish &amp; chips&nbsp;&#169; <i>now</i></p><h2>Next</h2>');
    assert.deepEqual(mapBody(nodes).blocks, [
      { type: 'paragraph', text: 'Fish & chips\u00a0© now', marks: [{ kind: 'italic', start: 15, end: 18 }] },
      { type: 'subheading', text: 'Next' },
    ]);
  });

  it('cuts HTML nested absurdly deep, with a warning', () => {
    const parsed = parseHtmlFragment(`${'<span>'.repeat(500)}deep${'</span>'.repeat(500)}<p>kept</p>`);
    assert.match(parsed.warnings[0] ?? '', /nested deeper/);
    assert.deepEqual(mapBody(parsed.nodes).blocks, [{ type: 'paragraph', text: 'kept' }]);
  });
});

describe('plainTextBlocks', () => {
  it('splits on blank lines, or on line breaks when there are none', () => {
    assert.deepEqual(plainTextBlocks('One\n  two\n\nThree'), [
      { type: 'paragraph', text: 'One two' },
      { type: 'paragraph', text: 'Three' },
    ]);
    assert.deepEqual(plainTextBlocks('One\r\nTwo'), [
      { type: 'paragraph', text: 'One' },
      { type: 'paragraph', text: 'Two' },
    ]);
    assert.deepEqual(plainTextBlocks('  '), []);
  });
});
