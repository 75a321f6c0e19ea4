import { describe, expect, it } from 'vitest';
import { readSheet } from './sheet';

describe('readSheet', () => {
  it('drops NUL characters from CSV cells (PostgreSQL cannot store them)', async () => {
    const sheet = await readSheet(Buffer.from('code,name\nA\u00001,苹\u0000果\n'), 'csv', 10, { codes: 'x' });
    expect(sheet.header).toEqual(['code', 'name']);
    expect(sheet.rows).toEqual([{ rowNumber: 2, cells: ['A1', '苹果'] }]);
  });
});
