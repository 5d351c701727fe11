/**
 * The forwarding benchmark's sink, in its own process so that it does not take CPU from the load
 * generator: a Prefect-like `POST /api/events` answering 204, counting events; `GET /count` tells.
 */
import { createServer } from 'node:http';

let events = 0;
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    if (req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ events }));
      return;
    }
    events += (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown[]).length;
    res.writeHead(204);
    res.end();
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.stdout.write('listening\n'));
