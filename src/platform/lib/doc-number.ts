import { sql } from 'kysely';
import type { Db, Trx } from '../db/database';
import { businessDayOf } from '../time/calendar';
import { AppError } from './errors';

const PREFIX = /^[A-Z][A-Z0-9]{0,7}$/;

/**
 * The next human document number, e.g. `SO20261122000123`: prefix, the business day in `timeZone`
 * (default Asia/Shanghai) as YYYYMMDD, and a daily sequence of at least 6 digits (it grows to 7 digits
 * past 999,999 documents a day, so numbers stay unique). The counter row is incremented with one
 * atomic upsert inside the caller's transaction: concurrent transactions queue on the row, and a
 * rolled-back document gives its number back (no gaps from failed writes).
 */
export async function nextDocNumber(
  trx: Trx,
  prefix: string,
  now: Date,
  timeZone = 'Asia/Shanghai',
): Promise<string> {
  if (!PREFIX.test(prefix)) throw new AppError('bad_request', 'doc_number.invalid_prefix', { prefix });
  const day = businessDayOf(now, timeZone);
  const { rows } = await sql<{ last_value: number | string }>`
    insert into platform.doc_sequence as s (prefix, day, last_value)
    values (${prefix}, ${day}::date, 1)
    on conflict (prefix, day) do update set last_value = s.last_value + 1
    returning s.last_value
  `.execute(trx);
  return formatDocNumber(prefix, day, Number(rows[0].last_value));
}

/**
 * `count` consecutive numbers at once (bulk imports), with one atomic upsert like `nextDocNumber`:
 * the counter moves by `count` and the numbers are the ones it passed over.
 */
export async function nextDocNumbers(
  trx: Trx,
  prefix: string,
  now: Date,
  count: number,
  timeZone = 'Asia/Shanghai',
): Promise<string[]> {
  if (!PREFIX.test(prefix)) throw new AppError('bad_request', 'doc_number.invalid_prefix', { prefix });
  if (!Number.isSafeInteger(count) || count < 0)
    throw new RangeError(`count must be a non-negative integer, got ${count}`);
  if (count === 0) return [];
  const day = businessDayOf(now, timeZone);
  const { rows } = await sql<{ last_value: number | string }>`
    insert into platform.doc_sequence as s (prefix, day, last_value)
    values (${prefix}, ${day}::date, ${count})
    on conflict (prefix, day) do update set last_value = s.last_value + ${count}
    returning s.last_value
  `.execute(trx);
  const last = Number(rows[0].last_value);
  return Array.from({ length: count }, (_, i) => formatDocNumber(prefix, day, last - count + 1 + i));
}

/**
 * Numbers taken ahead in blocks (per database, prefix and business day), for documents created at a
 * high rate outside any transaction — orders through the API: one counter update (and one commit)
 * per `blockSize` documents instead of per document. Numbers stay unique; they are no longer
 * consecutive in creation order across processes, and numbers of a block a process did not use
 * before it stopped are never used (gaps, as with a failed order).
 */
const blocks = new WeakMap<object, Map<string, Array<[next: number, last: number]>>>();

export async function takeDocNumbers(
  db: Db,
  prefix: string,
  now: Date,
  count: number,
  timeZone = 'Asia/Shanghai',
  blockSize = 32,
): Promise<string[]> {
  if (db.isTransaction) throw new Error('takeDocNumbers runs outside a transaction');
  const day = businessDayOf(now, timeZone);
  const key = `${prefix}|${day}`;
  const byKey = blocks.get(db) ?? new Map<string, Array<[number, number]>>();
  blocks.set(db, byKey);
  const out: string[] = [];
  while (out.length < count) {
    const ranges = byKey.get(key) ?? [];
    const range = ranges[0];
    if (!range) {
      const wanted = Math.max(blockSize, count - out.length);
      // One autocommit statement: the counter row is locked only while it runs.
      const numbers = await nextDocNumbers(db as unknown as Trx, prefix, now, wanted, timeZone);
      const last = Number(numbers[numbers.length - 1].slice(prefix.length + 8));
      // Another caller may have added a range meanwhile: append, never replace.
      const current = byKey.get(key) ?? [];
      current.push([last - wanted + 1, last]);
      byKey.set(key, current);
      // Blocks of earlier days are of no use any more.
      for (const k of byKey.keys()) if (k.startsWith(`${prefix}|`) && k !== key) byKey.delete(k);
      continue;
    }
    out.push(formatDocNumber(prefix, day, range[0]));
    if (range[0] === range[1]) ranges.shift();
    else range[0]++;
  }
  return out;
}

/** `formatDocNumber('SO', '2026-11-22', 123)` → `SO20261122000123`. */
export function formatDocNumber(prefix: string, day: string, sequence: number): string {
  return `${prefix}${day.replaceAll('-', '')}${String(sequence).padStart(6, '0')}`;
}
