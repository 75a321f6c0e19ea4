import { randomFillSync } from 'node:crypto';
import { validate as uuidValidate, version as uuidVersion } from 'uuid';

/**
 * Time-ordered UUIDv7 (RFC 9562): sorts by creation time, so cursors and indexes stay cheap.
 *
 * 48 bits of Unix milliseconds, then a 42-bit counter (the 12 `rand_a` bits and the first 30 bits
 * of `rand_b`, method 1 of RFC 9562 §6.2) started at a random value each millisecond and counted up
 * within it, so ids made by this process only ever grow; the last 32 bits are random. Random bytes
 * come from a pool refilled 4 KiB at a time: an order placement makes a dozen ids, and asking the
 * system for 16 bytes each time cost more than the rest of making them.
 */
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const COUNTER_SPAN = 2 ** 42;

let lastMs = -1;
let counter = 0;

function randomBytes(n: number): number {
  if (poolAt + n > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const at = poolAt;
  poolAt += n;
  return at;
}

export function newId(): string {
  let ms = Date.now();
  if (ms > lastMs) {
    const at = randomBytes(5);
    // A random start in the lower half of the counter's range leaves room to count up.
    counter = (pool.readUInt32BE(at) * 256 + pool[at + 4]) % (COUNTER_SPAN / 2);
    lastMs = ms;
  } else {
    ms = lastMs;
    counter++;
    if (counter >= COUNTER_SPAN) {
      // 2^41 ids in one millisecond cannot happen; should it, borrow the next millisecond.
      lastMs = ++ms;
      counter = 0;
    }
  }
  const tail = randomBytes(4);
  const hi = Math.floor(counter / 2 ** 30); // 12 bits
  const lo = counter % 2 ** 30; // 30 bits
  const b = [
    Math.floor(ms / 2 ** 40) & 0xff,
    Math.floor(ms / 2 ** 32) & 0xff,
    (ms >>> 24) & 0xff,
    (ms >>> 16) & 0xff,
    (ms >>> 8) & 0xff,
    ms & 0xff,
    0x70 | (hi >>> 8),
    hi & 0xff,
    0x80 | (lo >>> 24),
    (lo >>> 16) & 0xff,
    (lo >>> 8) & 0xff,
    lo & 0xff,
    pool[tail],
    pool[tail + 1],
    pool[tail + 2],
    pool[tail + 3],
  ];
  return (
    `${HEX[b[0]]}${HEX[b[1]]}${HEX[b[2]]}${HEX[b[3]]}-${HEX[b[4]]}${HEX[b[5]]}-${HEX[b[6]]}${HEX[b[7]]}-` +
    `${HEX[b[8]]}${HEX[b[9]]}-${HEX[b[10]]}${HEX[b[11]]}${HEX[b[12]]}${HEX[b[13]]}${HEX[b[14]]}${HEX[b[15]]}`
  );
}

export const isUuid = (value: string): boolean => uuidValidate(value) && uuidVersion(value) >= 1;
