import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shareTargets } from './shareTargets.js';

test('share links carry the story’s address and headline, encoded, to five services and e-mail', () => {
  const targets = shareTargets('https://paper.example/news/7/rupee-gains?x=1&y=2', 'Rupee gains & stocks rise: 2%');
  assert.deepEqual(
    targets.map((target) => target.name),
    ['X', 'Facebook', 'WhatsApp', 'LinkedIn', 'Email'],
  );
  const encodedUrl = encodeURIComponent('https://paper.example/news/7/rupee-gains?x=1&y=2');
  for (const target of targets) {
    assert.ok(target.href.includes(encodedUrl), target.name);
    // An unencoded "&" from the headline or the address would cut the shared text short.
    assert.doesNotMatch(target.href, /rupee-gains\?x=1&y=2|gains & stocks/, target.name);
    assert.match(target.href, /^(https:\/\/|mailto:)/, target.name);
  }
  assert.match(targets[0]?.href ?? '', /text=Rupee%20gains%20%26%20stocks%20rise%3A%202%25/);
  assert.equal(targets[4]?.href.startsWith('mailto:?subject=Rupee'), true);
});
