// A small HTTP service on Node.js's own http module: GET / greets, GET /health answers for the
// container's health check. An Express application runs the same way (`node server.js`, port 3000,
// /health); this example has no dependencies so that its tests run anywhere without installing any.
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';

export function handle(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET') {
    res.writeHead(405, { 'content-type': 'application/json', allow: 'GET' });
    res.end(JSON.stringify({ error: 'method not allowed' }));
    return;
  }
  if (url.pathname === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: 'ok' }));
    return;
  }
  if (url.pathname === '/') {
    const name = url.searchParams.get('name') ?? 'world';
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: `Hello, ${name}!` }));
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'not found' }));
}

export function start(port = Number(process.env.PORT ?? 3000)) {
  const server = createServer(handle);
  server.listen(port, '0.0.0.0');
  // docker stop sends SIGTERM: finish the requests in flight, then exit.
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
  return server;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = start();
  server.on('listening', () => console.log(`listening on http://0.0.0.0:${server.address().port}`));
}
