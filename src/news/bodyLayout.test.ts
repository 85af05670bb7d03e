import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Block } from './article.js';
import { type BodyItem, interleaveRelated } from './bodyLayout.js';

const p = (n: number): Block => ({ type: 'paragraph', text: `p${n}` });
const paragraphs = (count: number) => Array.from({ length: count }, (_, i) => p(i + 1));

/** Compact picture of a layout: "p1 p2 p3 [A] p4". */
function shape(items: BodyItem<Block, string>[]): string {
  return items
    .map((item) => {
      if (item.kind === 'related') return `[${item.article}]`;
      return item.block.type === 'paragraph' ? item.block.text : item.block.type;
    })
    .join(' ');
}

describe('interleaveRelated', () => {
  test('puts a link after paragraphs 3, 6 and 9', () => {
    const items = interleaveRelated(paragraphs(10), ['A', 'B', 'C', 'D']);
    assert.equal(shape(items), 'p1 p2 p3 [A] p4 p5 p6 [B] p7 p8 p9 [C] p10');
  });

  test('never after the last paragraph', () => {
    assert.equal(shape(interleaveRelated(paragraphs(6), ['A', 'B'])), 'p1 p2 p3 [A] p4 p5 p6');
    assert.equal(shape(interleaveRelated(paragraphs(3), ['A'])), 'p1 p2 p3');
  });

  test('never before the first paragraph, even with every = 1', () => {
    const items = interleaveRelated(paragraphs(3), ['A', 'B', 'C'], { every: 1 });
    assert.equal(shape(items), 'p1 [A] p2 [B] p3');
  });

  test('runs out of related stories gracefully', () => {
    assert.equal(shape(interleaveRelated(paragraphs(10), ['A'])), 'p1 p2 p3 [A] p4 p5 p6 p7 p8 p9 p10');
    assert.equal(shape(interleaveRelated(paragraphs(4), [])), 'p1 p2 p3 p4');
  });

  test('counts only paragraphs, not subheadings or quotes', () => {
    const blocks: Block[] = [
      p(1),
      { type: 'subheading', text: 'Outlook' },
      p(2),
      { type: 'quote', text: 'We expect calm.', attribution: 'Analyst' },
      p(3),
      p(4),
    ];
    assert.equal(shape(interleaveRelated(blocks, ['A'])), 'p1 subheading p2 quote p3 [A] p4');
  });

  test('a body whose last paragraph is followed by a quote gets no trailing link', () => {
    const blocks: Block[] = [...paragraphs(3), { type: 'quote', text: 'q' }];
    assert.equal(shape(interleaveRelated(blocks, ['A'])), 'p1 p2 p3 quote');
  });

  test('honours a custom interval and rejects nonsense', () => {
    assert.equal(shape(interleaveRelated(paragraphs(5), ['A', 'B'], { every: 2 })), 'p1 p2 [A] p3 p4 [B] p5');
    assert.throws(() => interleaveRelated(paragraphs(5), ['A'], { every: 0 }), RangeError);
    assert.throws(() => interleaveRelated(paragraphs(5), ['A'], { every: 1.5 }), RangeError);
  });
});
