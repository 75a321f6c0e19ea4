import pg from 'pg';

/**
 * A pg client that prepares each parameterised statement once per connection — a named statement
 * keyed by its text, as postgres.js and JDBC drivers do — instead of sending it to be parsed and
 * planned on every execution. The server then parses it once and, after a few runs, keeps a
 * generic plan when that is as good: for the short statements an order placement is made of,
 * planning cost more than running them.
 *
 * Statements without parameters (DDL, migrations, `begin`/`commit`) keep the simple protocol.
 * Texts with many parameters (multi-row inserts, long `in` lists — their text changes with the row
 * count) are not named, and at most `MAX_NAMED` texts are per process, so memory stays bounded on
 * both sides. Bulk work — an array parameter of more than `MAX_ARRAY` elements, as imports pass —
 * runs unnamed, planned for its actual values, since a generic plan cannot know the array's size. When a table changes under a prepared statement so that its result type changes
 * (a migration by another process), PostgreSQL refuses to run it: that statement fails once and
 * its text is never prepared again.
 */
const MAX_NAMED = 2000;
const MAX_PARAMS = 96;
const MAX_TEXT = 16_384;
const RESULT_TYPE_CHANGED = 'cached plan must not change result type';

const names = new Map<string, string>();
const unprepared = new Set<string>();
let counter = 0;

/** Bulk work (an array parameter of many elements) is planned for its actual values every time. */
const MAX_ARRAY = 50;
const isBulk = (values: unknown[]) => values.some((v) => Array.isArray(v) && v.length > MAX_ARRAY);

function nameFor(text: string, values: unknown[]): string | null {
  if (isBulk(values)) return null;
  const known = names.get(text);
  if (known) return known;
  if (values.length > MAX_PARAMS || text.length > MAX_TEXT || names.size >= MAX_NAMED || unprepared.has(text))
    return null;
  const name = `wl_${(counter++).toString(36)}`;
  names.set(text, name);
  return name;
}

type QueryArgs = Parameters<pg.Client['query']>;

export class PreparingClient extends pg.Client {
  // pg's query has many overloads: this one wraps them all.
  override query(...args: any[]): any {
    const [text, values] = args;
    const name =
      args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length
        ? nameFor(text, values)
        : null;
    if (!name) return super.query(...(args as QueryArgs));
    const result = super.query({ name, text, values } as never) as unknown as Promise<unknown>;
    return result.catch((error: unknown) => {
      if ((error as Error)?.message?.includes(RESULT_TYPE_CHANGED)) {
        names.delete(text);
        unprepared.add(text);
      }
      throw error;
    });
  }
}
