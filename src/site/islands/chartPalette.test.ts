import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chartPalette, withAlpha } from './chartPalette.js';

describe('chart palette', () => {
  test('hex colours take an opacity; other colour text is kept', () => {
    assert.equal(withAlpha('#0b4f8a', 0.25), 'rgba(11, 79, 138, 0.25)');
    assert.equal(withAlpha(' #8EC5FF ', 0.02), 'rgba(142, 197, 255, 0.02)');
    assert.equal(withAlpha('#fff', 0.5), 'rgba(255, 255, 255, 0.5)');
    assert.equal(withAlpha('rgb(1, 2, 3)', 0.5), 'rgb(1, 2, 3)');
  });

  test('the palette is drawn from the page tokens, as the dark scheme sets them', () => {
    const dark: Record<string, string> = {
      '--colour-ink': ' #e8e6e1',
      '--colour-ink-muted': '#b9b5ac',
      '--colour-paper': '#141414',
      '--colour-paper-tint': '#211f1b',
      '--colour-brand': '#f2a7b2',
      '--colour-link': '#8ec5ff',
      '--colour-up': '#6fdc8c',
      '--colour-down': '#ff9a90',
    };
    const palette = chartPalette((name) => dark[name] ?? '');
    assert.deepEqual(palette, {
      text: '#e8e6e1',
      background: '#141414',
      grid: '#211f1b',
      line: '#8ec5ff',
      areaTop: 'rgba(142, 197, 255, 0.25)',
      areaBottom: 'rgba(142, 197, 255, 0.02)',
      up: '#6fdc8c',
      down: '#ff9a90',
      baseline: '#b9b5ac',
      lines: ['#8ec5ff', '#f2a7b2', '#6fdc8c', '#b9b5ac'],
    });
  });

  test('a missing token falls back to the light one, never to nothing', () => {
    const palette = chartPalette(() => '');
    assert.equal(palette.background, '#ffffff');
    assert.equal(palette.text, '#1a1a1a');
    assert.equal(palette.line, '#0b4f8a');
  });
});
