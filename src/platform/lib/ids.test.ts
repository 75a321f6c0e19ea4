import { validate, version } from 'uuid';
import { describe, expect, it } from 'vitest';
import { newId } from './ids';

describe('newId', () => {
  it('makes valid, distinct version-7 UUIDs that only ever grow and carry the time', () => {
    const before = Date.now();
    const ids = Array.from({ length: 20_000 }, () => newId());
    const after = Date.now();
    for (const id of ids) {
      expect(validate(id)).toBe(true);
      expect(version(id)).toBe(7);
      // RFC 9562 variant: 10xx in the first bits of the fourth group.
      expect('89ab').toContain(id[19]);
    }
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i] > ids[i - 1]).toBe(true);
    const ms = (id: string) => Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
    expect(ms(ids[0])).toBeGreaterThanOrEqual(before);
    expect(ms(ids[ids.length - 1])).toBeLessThanOrEqual(after + 1);
  });
});
