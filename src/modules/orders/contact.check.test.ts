import { describe, expect, it } from 'vitest';
import { checkPhone, maskPhone } from './contact.check';

describe('checkPhone', () => {
  it.each([
    ['13812345678', 'mobile', '13812345678', '5678'],
    ['+86 138 1234 5678', 'mobile', '13812345678', '5678'],
    ['0086-13812345678', 'mobile', '13812345678', '5678'],
    ['８６１９９１２３４５６７８', 'mobile', '19912345678', '5678'],
    ['13812345678-1234', 'mobile', '13812345678-1234', '5678'],
    ['13812345678转1234', 'mobile', '13812345678-1234', '5678'],
    ['021-62345678', 'landline', '021-62345678', '5678'],
    ['(021)62345678', 'landline', '021-62345678', '5678'],
    ['010 8888 6666', 'landline', '010-88886666', '6666'],
    ['0571-8765432', 'landline', '0571-8765432', '5432'],
    ['0571-87654321-808', 'landline', '0571-87654321-808', '4321'],
    ['+86 21 6234 5678', 'landline', '021-62345678', '5678'],
  ])('%s is a %s', (raw, kind, normalised, last4) => {
    expect(checkPhone(raw)).toEqual({ kind, normalised, last4 });
  });

  it.each([
    '12812345678', // no 12x mobiles
    '1381234567', // 10 digits
    '138123456789', // 12 digits
    '021-6234567', // 7 digits after a two-digit area code
    '021-02345678', // numbers do not start with 0
    '62345678', // no area code
    'abc',
    '',
    '110',
  ])('%s is invalid', (raw) => {
    expect(checkPhone(raw).kind).toBe('invalid');
  });
});

describe('maskPhone', () => {
  it('keeps the first three and last four digits of a mobile', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('13812341234-5678')).toBe('138****1234');
  });
  it('keeps the area code and last four digits of a landline', () => {
    expect(maskPhone('021-62345678')).toBe('021-****5678');
    expect(maskPhone('0571-8765432')).toBe('0571-***5432');
  });
  it('shows no more than four digits of anything else', () => {
    expect(maskPhone('99887766554433')).toBe('****4433');
  });
});
