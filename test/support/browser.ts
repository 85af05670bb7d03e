import { type Browser, chromium } from 'playwright-core';
import { CHROMIUM_PATH } from './environment.js';

// Flags for a quiet, reproducible headless run: no sandbox (containers, CI),
// no background traffic to Google services that could slow or flake a test.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Debian's Chromium driven by playwright-core; close it in `after`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
