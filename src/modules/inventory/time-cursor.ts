import { decodeCursor } from '../../platform/http/pagination';
import { badRequest } from '../../platform/lib/errors';

/** A keyset cursor of (timestamp, id), refused as `invalid_cursor` (400) when malformed. */
export function decodeTimeCursor(cursor: string): [Date, string] {
  const [at, id] = decodeCursor(cursor, 2);
  const when = typeof at === 'string' ? new Date(at) : null;
  if (!when || Number.isNaN(when.getTime()) || typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id))
    throw badRequest('invalid_cursor', {}, [
      { field: 'querystring.cursor', code: 'invalid_cursor', message: 'invalid cursor' },
    ]);
  return [when, id];
}
