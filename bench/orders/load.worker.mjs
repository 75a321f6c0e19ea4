// Load generator for the order benchmark, in its own thread so the client's work does not run on the
// server's event loop: `clients` keep-alive connections (node:http, an agent with one socket per
// client — `fetch` and its web streams cost the machine's two cores more than the server's own main
// thread per order), each posting one order after another for `seconds`, with a fresh
// Idempotency-Key and channel order number each time. Answers the count, every latency (ms), also by
// outcome, and the outcomes.
import fs from 'node:fs';
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const w = workerData;
let h = w.seed | 0;
const rand = () => {
  h = (h + 0x6d2b79f5) | 0;
  let t = Math.imul(h ^ (h >>> 15), 1 | h);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];

function body(n) {
  const [name, address] = pick(w.consignees);
  const cold = rand() < w.chilledShare;
  const pool = cold ? w.chilled : w.ambient;
  const count = 1 + Math.floor(rand() * 3);
  const codes = new Set();
  while (codes.size < count) codes.add(pick(pool));
  if (!cold && rand() < w.hotShare) codes.add(w.hot);
  return {
    merchantId: w.merchantId,
    channel: 'bench',
    externalNo: `${w.prefix}-${n}`,
    consignee: {
      name,
      // A distinct mobile number per order: no two bench orders look like duplicates.
      phone: `1${3 + (n % 7)}${String((n * 7919 + w.seed) % 1_000_000_000).padStart(9, '0')}`,
      address,
    },
    lines: [...codes].map((skuCode) => ({
      skuCode,
      qty: skuCode === w.hot ? 1 : 1 + Math.floor(rand() * 3),
      unitPriceFen: 990 + Math.floor(rand() * 20_000),
    })),
    payment: { status: 'paid' },
    serviceType: cold ? 'cold_chain' : 'standard',
  };
}

/** This thread's CPU time (ms), from /proc (0 where there is none). */
function threadCpuMs() {
  try {
    const text = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / w.ticksPerSecond;
  } catch {
    return 0;
  }
}
const cpu0 = threadCpuMs();

const latencies = [];
const outcomes = {};
/** Latencies by outcome (the order's status, or the HTTP status of an error). */
const byOutcome = {};
let errors = 0;
let firstError = null;
let seq = 0;
const until = performance.now() + w.seconds * 1000;
const headers = {
  authorization: `Bearer ${w.token}`,
  'content-type': 'application/json',
  'accept-language': 'zh-CN',
};

const agent = new http.Agent({ keepAlive: true, maxSockets: w.clients });
const target = new URL('/api/orders', w.base);

/** POST one order; answers the status code and the body. */
function post(payload, key) {
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'idempotency-key': key, 'content-length': Buffer.byteLength(payload) },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

await Promise.all(
  Array.from({ length: w.clients }, async () => {
    while (performance.now() < until) {
      const n = seq++;
      const payload = JSON.stringify(body(n));
      const t0 = performance.now();
      try {
        const res = await post(payload, `${w.prefix}-${n}`);
        const text = res.text;
        const ms = performance.now() - t0;
        latencies.push(ms);
        const status = res.status === 201 ? JSON.parse(text).status : String(res.status);
        byOutcome[status] = byOutcome[status] ?? [];
        byOutcome[status].push(ms);
        if (res.status === 201) {
          outcomes[status] = (outcomes[status] ?? 0) + 1;
        } else {
          errors++;
          firstError ??= `${res.status} ${text.slice(0, 300)}`;
        }
      } catch (error) {
        errors++;
        firstError ??= String(error);
      }
    }
  }),
);
agent.destroy();
parentPort.postMessage({
  done: latencies.length,
  latencies,
  byOutcome,
  outcomes,
  errors,
  firstError,
  cpuMs: threadCpuMs() - cpu0,
});
