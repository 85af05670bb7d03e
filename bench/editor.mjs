// The story editor island: its weight (gzip) and the time from opening a
// 3,000-word story to a typed key showing, in Chromium. Run from the project
// root after `npm run build`: node --import tsx bench/editor.mjs
import { readdir, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { addNewsroomUsers, NEWSROOM_PASSWORD } from '../test/browser/newsroomAccounts.ts';
import { startTestApp } from '../test/support/testApp.ts';

const file = (await readdir('public/build')).find((name) => name.startsWith('editor-'));
const bytes = await readFile(`public/build/${file}`);
console.log(
  `editor.js: ${(bytes.length / 1024).toFixed(1)} KB raw, ${(gzipSync(bytes).length / 1024).toFixed(1)} KB gzip`,
);

const site = await startTestApp();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
try {
  await addNewsroomUsers(site, [{ email: 'bench@example.com', name: 'Bench Editor', role: 'editor' }]);
  const page = await browser.newPage();
  await page.goto(site.url('/admin/login'));
  await page.getByLabel('E-mail address').fill('bench@example.com');
  await page.getByLabel('Password').fill(NEWSROOM_PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.pathname === '/admin'),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
  const words = 'The index closed higher as banks and cement makers gained on the day ';
  const paragraph = words.repeat(8).trim(); // 104 words
  const body = Array.from(
    { length: 30 },
    (_, i) => `block-${i}-type=paragraph&block-${i}-text=${encodeURIComponent(paragraph)}`,
  );
  const token = await page.locator('input[name="_csrf"]').first().inputValue();
  await page.goto(site.url('/admin/articles/new'));
  const form = `_csrf=${encodeURIComponent(await page.locator('input[name="_csrf"]').first().inputValue())}&baseRevision=0&blockCount=30&headline=Bench&summary=Bench&sectionSlug=${encodeURIComponent(await page.getByLabel('Section').inputValue())}&byline=Bench+Editor&${body.join('&')}`;
  void token;
  const created = await page.request.post(site.url('/admin/articles'), {
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    data: form,
    maxRedirects: 0,
  });
  const id = /\/admin\/articles\/(\d+)/.exec(created.headers().location ?? '')?.[1];
  if (id === undefined) throw new Error(`no story made: ${created.status()}`);
  // The page's own weight, which machine load does not change: the body is carried once (the plain
  // form's textareas, which the island reads), not twice as when a JSON copy rode in `data-body`.
  const html = await (await page.request.get(site.url(`/admin/articles/${id}`))).text();
  console.log(
    `editor page HTML: ${(Buffer.byteLength(html) / 1024).toFixed(1)} KB; the paragraph text appears ${html.split(paragraph).length - 1} times (30 paragraphs)`,
  );
  const runs = [];
  for (let run = 0; run < 7; run += 1) {
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(site.url(`/admin/articles/${id}`), { waitUntil: 'commit' });
    const surface = page.getByRole('textbox', { name: 'Body' });
    await surface.waitFor();
    const ms = await page.evaluate(async () => {
      const editor = document.querySelector('.editor-text');
      editor.focus();
      const typed = new Promise((resolve) => {
        new MutationObserver(() => {
          if (editor.textContent.includes('Z')) resolve(performance.now());
        }).observe(editor, { subtree: true, characterData: true, childList: true });
      });
      document.execCommand('insertText', false, 'Z');
      return typed;
    });
    runs.push(ms);
    void started;
  }
  runs.sort((a, b) => a - b);
  console.log(
    `3,000-word story, navigation start to a typed key shown: median ${runs[3].toFixed(0)} ms (runs ${runs.map((r) => r.toFixed(0)).join(', ')})`,
  );
} finally {
  await browser.close();
  await site.stop();
}
