/**
 * Consignee phone numbers (信息校验 of the contact). Mainland mobiles are 11 digits starting 1[3-9];
 * landlines are an area code (0 + 2–3 digits: 010, 021, 0571 …) and a 7–8 digit number, written
 * 区号-号码, optionally with an extension. Platforms' privacy numbers (隐私号) are a mobile plus a
 * 4-digit extension ("13800138000-1234" or "…转1234") and count as mobiles.
 */
export type PhoneKind = 'mobile' | 'landline' | 'invalid';

export interface CheckedPhone {
  kind: PhoneKind;
  /** Normalised: 13812341234, 13812341234-5678, 021-62345678, 0571-8765432-12; the input trimmed if invalid. */
  normalised: string;
  /** Last four digits of the subscriber number (for the consumer's tracking lookup). */
  last4: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
const MOBILE_EXT = /^(1[3-9]\d{9})(?:-|转|#|,)(\d{1,6})$/;
/** Two-digit area codes (010 Beijing, 02x big cities) take 8-digit numbers; three-digit ones 7 or 8. */
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))-?([2-9]\d{6,7})(?:(?:-|转|#)(\d{1,6}))?$/;

export function checkPhone(raw: string): CheckedPhone {
  const text = raw
    .normalize('NFKC')
    .trim()
    .replace(/[\s()（）]/g, (c) => (c === '(' || c === ')' || c === '（' || c === '）' ? '-' : ''))
    .replace(/^-+/, '')
    .replace(/--+/g, '-')
    .replace(/^(\+?86-?|0086-?)(?=1[3-9]\d{9})/, '');
  if (MOBILE.test(text)) return { kind: 'mobile', normalised: text, last4: text.slice(-4) };
  const ext = MOBILE_EXT.exec(text);
  if (ext) return { kind: 'mobile', normalised: `${ext[1]}-${ext[2]}`, last4: ext[1].slice(-4) };
  const land = LANDLINE.exec(text.replace(/^(\+?86-?|0086-?)(?=[1-9])/, '0'));
  if (land) {
    const [, area, number, extension] = land;
    if (area.length === 3 && number.length !== 8) return invalid(raw);
    const normalised = `${area}-${number}${extension ? `-${extension}` : ''}`;
    return { kind: 'landline', normalised, last4: number.slice(-4) };
  }
  return invalid(raw);
}

const invalid = (raw: string): CheckedPhone => {
  const trimmed = raw.trim().slice(0, 40);
  const digits = trimmed.replace(/\D/g, '');
  return { kind: 'invalid', normalised: trimmed, last4: digits.slice(-4) };
};

/** 138****1234 for mobiles, 021-****5678 for landlines: enough to recognise, not to call. */
export function maskPhone(phone: CheckedPhone | string): string {
  const p = typeof phone === 'string' ? checkPhone(phone) : phone;
  if (p.kind === 'mobile') {
    const main = p.normalised.slice(0, 11);
    return `${main.slice(0, 3)}****${main.slice(7)}`;
  }
  if (p.kind === 'landline') {
    const [area, number] = p.normalised.split('-');
    return `${area}-${'*'.repeat(Math.max(0, number.length - 4))}${number.slice(-4)}`;
  }
  return p.last4 ? `****${p.last4}` : '****';
}
