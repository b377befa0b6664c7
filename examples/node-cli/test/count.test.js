import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countLines } from '../count.js';

test('counts newline-terminated lines', () => {
  assert.equal(countLines('a\nb\n'), 2);
});

test('counts a last line without a newline', () => {
  assert.equal(countLines('a\nb'), 2);
});

test('an empty text has no lines', () => {
  assert.equal(countLines(''), 0);
});
