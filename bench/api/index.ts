/**
 * API throughput: requests per second and latency for an authenticated read (bearer token, SKU list)
 * and for idempotent writes (POST with a fresh Idempotency-Key each time, and replays of one key).
 *
 *   npm run bench -- api [--seconds 10] [--connections 16]
 *
 * Uses DATABASE_URL when set, else an in-memory PGlite. Prints a Markdown table and a RESULT line.
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createSystem } from '../../src/app/system';
import { loadConfig } from '../../src/platform/config/config';

const { values } = parseArgs({
  options: { seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '16' } },
});
const seconds = Number(values.seconds);
const connections = Number(values.connections);

const config = loadConfig({
  ...process.env,
  WAYLINE_DEMO: '1',
  WAYLINE_LOG_LEVEL: 'silent',
  ...(process.env.DATABASE_URL ? {} : { WAYLINE_DATA_DIR: `/tmp/wayline-bench-${process.pid}` }),
});
const system = await createSystem({ config, logger: false, webRoot: null });
await system.app.listen({ port: 0, host: '127.0.0.1' });
const address = system.app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password: 'Wayline2026' }),
});
const cookie = login.headers
  .getSetCookie()
  .map((c) => c.split(';')[0])
  .join('; ');
const { csrfToken } = (await login.json()) as { csrfToken: string };
const tokenRes = await fetch(`${base}/api/org/tokens`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
  body: JSON.stringify({ name: 'bench', permissions: ['catalog.sku.read', 'org.merchant.write'] }),
});
const { token } = (await tokenRes.json()) as { token: string };
const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

type Row = { name: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };
const rows: Row[] = [];

async function run(name: string, opts: Partial<autocannon.Options>) {
  const result = await autocannon({ url: base, connections, duration: seconds, ...opts });
  rows.push({
    name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  });
}

let n = 0;
await run('authenticated read: GET /api/catalog/skus?limit=20', {
  requests: [{ method: 'GET', path: '/api/catalog/skus?limit=20', headers: auth }],
});
await run('idempotent write: POST /api/org/merchants (new key each)', {
  requests: [
    {
      method: 'POST',
      path: '/api/org/merchants',
      setupRequest: (req: autocannon.Request) => {
        n++;
        return {
          ...req,
          headers: { ...auth, 'idempotency-key': `bench-${process.pid}-${n}` },
          body: JSON.stringify({ code: `B${process.pid}X${n}`.slice(0, 30), name: `压测商家 ${n}` }),
        };
      },
    },
  ],
});
await run('idempotent replay: same key and body', {
  requests: [
    {
      method: 'POST',
      path: '/api/org/merchants',
      headers: { ...auth, 'idempotency-key': `bench-replay-${process.pid}` },
      body: JSON.stringify({ code: `R${process.pid}`, name: '重放' }),
    },
  ],
});
await system.close();

console.log(`\nAPI throughput (${system.database.kind}, ${connections} connections, ${seconds} s each)\n`);
console.log('| scenario | req/s | p50 ms | p99 ms | errors | non-2xx |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows)
  console.log(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${r.non2xx} |`);
console.log(
  `\nRESULT api db=${system.database.kind} read_rps=${rows[0].rps} write_rps=${rows[1].rps} replay_rps=${rows[2].rps} read_p99_ms=${rows[0].p99} write_p99_ms=${rows[1].p99}`,
);
process.exit(0);
