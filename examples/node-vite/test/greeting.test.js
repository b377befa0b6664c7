import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { greeting } from '../src/greeting.js';

test('greets the world without a name', () => {
  assert.equal(greeting(''), 'Hello, world!');
  assert.equal(greeting(undefined), 'Hello, world!');
  assert.equal(greeting('   '), 'Hello, world!');
});

test('greets a name, trimmed', () => {
  assert.equal(greeting(' slipway '), 'Hello, slipway!');
});

test('the page loads the script the build bundles', () => {
  const html = readFileSync(new URL('../index.html', import.meta.url), 'utf8');
  assert.match(html, /<script type="module" src="\/src\/main\.js"><\/script>/);
  assert.match(html, /id="greeting"/);
});
