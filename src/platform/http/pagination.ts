import { z } from 'zod';
import { badRequest } from '../lib/errors';

/** Query parameters every list accepts. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Page size (1–500).'),
  cursor: z.string().max(500).optional().describe('Opaque cursor from the previous page’s `nextCursor`.'),
};

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/** Keyset cursor: the sort key and id of the last row of the previous page. */
export function encodeCursor(values: Array<string | number | null>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string, arity: number): Array<string | number | null> {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === arity &&
      parsed.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return parsed;
    }
  } catch {
    // fall through to the error below
  }
  throw badRequest('invalid_cursor', {}, [
    { field: 'querystring.cursor', code: 'invalid_cursor', message: 'invalid cursor' },
  ]);
}

/** Given rows fetched with `limit + 1`, return the page and the cursor for the next one. */
export function paginate<T>(rows: T[], limit: number, keyOf: (row: T) => Array<string | number | null>) {
  const items = rows.slice(0, limit);
  const nextCursor =
    rows.length > limit && items.length ? encodeCursor(keyOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}
