import { createPrng } from '../../shared/prng.js';

export const ILLUSTRATION_WIDTH = 1024;
export const ILLUSTRATION_HEIGHT = 576;

/** A palette per section, so a section's pictures look related and the sections apart. */
const PALETTES: Readonly<Record<string, readonly string[]>> = {
  pakistan: ['#0b5d3b', '#2f8f5b', '#e9e4d4', '#c9a227', '#123524'],
  'business-finance': ['#1d3557', '#457b9d', '#a8dadc', '#f1faee', '#e63946'],
  markets: ['#0a2342', '#2ca58d', '#84bc9c', '#fffdf7', '#f46197'],
  world: ['#22223b', '#4a4e69', '#9a8c98', '#c9ada7', '#f2e9e4'],
  sports: ['#003049', '#d62828', '#f77f00', '#fcbf49', '#eae2b7'],
  technology: ['#240046', '#5a189a', '#9d4edd', '#e0aaff', '#10002b'],
  opinion: ['#3d405b', '#e07a5f', '#f4f1de', '#81b29a', '#f2cc8f'],
};
const DEFAULT_PALETTE = ['#264653', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51'];

/**
 * An abstract editorial illustration as SVG, the same for the same seed:
 * a wash of the section's colours, large overlapping discs and bands, and
 * a fine grid, the way papers illustrate stories without a photograph.
 */
export function illustrationSvg(sectionSlug: string, seed: number): string {
  const prng = createPrng(seed);
  const palette = PALETTES[sectionSlug] ?? DEFAULT_PALETTE;
  const pick = () => palette[prng.integer(0, palette.length - 1)] ?? '#888888';
  const [w, h] = [ILLUSTRATION_WIDTH, ILLUSTRATION_HEIGHT];
  const shapes: string[] = [];
  const background = pick();
  const wash = pick();
  for (let i = 0; i < 5; i += 1) {
    const y0 = prng.integer(0, h);
    const y1 = prng.integer(0, h);
    const thickness = prng.integer(40, 160);
    shapes.push(
      `<polygon points="0,${y0} ${w},${y1} ${w},${y1 + thickness} 0,${y0 + thickness}" fill="${pick()}" fill-opacity="${(0.35 + prng.next() * 0.5).toFixed(2)}"/>`,
    );
  }
  for (let i = 0; i < 7; i += 1) {
    shapes.push(
      `<circle cx="${prng.integer(0, w)}" cy="${prng.integer(0, h)}" r="${prng.integer(40, 260)}" fill="${pick()}" fill-opacity="${(0.4 + prng.next() * 0.55).toFixed(2)}"/>`,
    );
  }
  for (let i = 0; i < 3; i += 1) {
    const x = prng.integer(0, w);
    const y = prng.integer(0, h);
    const size = prng.integer(60, 220);
    shapes.push(
      `<rect x="${x}" y="${y}" width="${size}" height="${size}" transform="rotate(${prng.integer(0, 89)} ${x} ${y})" fill="none" stroke="${pick()}" stroke-width="${prng.integer(4, 14)}"/>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs>
<linearGradient id="wash" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${background}"/><stop offset="1" stop-color="${wash}"/></linearGradient>
<pattern id="grid" width="24" height="24" patternUnits="userSpaceOnUse"><path d="M 24 0 L 0 0 0 24" fill="none" stroke="#ffffff" stroke-opacity="0.12" stroke-width="1"/></pattern>
</defs>
<rect width="100%" height="100%" fill="url(#wash)"/>
${shapes.join('\n')}
<rect width="100%" height="100%" fill="url(#grid)"/>
</svg>`;
}
