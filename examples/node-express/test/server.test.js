import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { handle } from '../server.js';

async function get(path, method = 'GET') {
  const server = createServer(handle).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${server.address().port}${path}`, { method });
    return { status: res.status, body: await res.json() };
  } finally {
    server.close();
  }
}

test('GET / greets the world, or the name given', async () => {
  assert.deepEqual(await get('/'), { status: 200, body: { message: 'Hello, world!' } });
  assert.deepEqual(await get('/?name=slipway'), { status: 200, body: { message: 'Hello, slipway!' } });
});

test('GET /health answers ok for the health check', async () => {
  assert.deepEqual(await get('/health'), { status: 200, body: { status: 'ok' } });
});

test('other paths and methods are refused', async () => {
  assert.equal((await get('/nope')).status, 404);
  assert.equal((await get('/', 'POST')).status, 405);
});
