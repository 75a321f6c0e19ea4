/** Display helpers. Times are shown in the company's zone (Asia/Shanghai) whatever the browser's. */
export const TIME_ZONE = 'Asia/Shanghai';

const partsFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(value: string | Date): Record<string, string> | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return null;
  const out: Record<string, string> = {};
  for (const p of partsFormatter.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** `2026-11-22 14:05:09` in Asia/Shanghai. */
export function formatDateTime(value: string | Date | null | undefined, withSeconds = false): string {
  if (!value) return '';
  const p = parts(value);
  if (!p) return String(value);
  const time = withSeconds ? `${p.hour}:${p.minute}:${p.second}` : `${p.hour}:${p.minute}`;
  return `${p.year}-${p.month}-${p.day} ${time}`;
}

/** `2026-11-22` in Asia/Shanghai. */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  const p = parts(value);
  return p ? `${p.year}-${p.month}-${p.day}` : String(value);
}

/** Hour of day (0–23) in Asia/Shanghai. */
export function shanghaiHour(now: Date): number {
  return Number(parts(now)?.hour ?? now.getHours());
}

/** A long, localised date such as 2026年11月22日星期日 / Sunday 22 November 2026. */
export function formatLongDate(now: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang, {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    weekday: 'long',
  }).format(now);
}

/** Midnight at the start (or end) of a calendar day in Asia/Shanghai, as an ISO UTC string. */
export function shanghaiDayBoundary(ymd: string, end: boolean): string {
  const local = end ? `${ymd}T23:59:59.999+08:00` : `${ymd}T00:00:00.000+08:00`;
  return new Date(local).toISOString();
}

export function formatNumber(value: number, lang: string, maximumFractionDigits = 2): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits }).format(value);
}

interface Units {
  g: string;
  kg: string;
  mm: string;
  cm: string;
}

/** Grams → `850 g` or `1.25 kg`. */
export function formatWeight(grams: number, lang: string, units: Units): string {
  if (Math.abs(grams) < 1000) return `${formatNumber(grams, lang, 0)} ${units.g}`;
  return `${formatNumber(grams / 1000, lang, 3)} ${units.kg}`;
}

/** L×W×H in millimetres → `30 × 20 × 15 cm`, or mm when every side is under 10 cm. */
export function formatDimensions(l: number, w: number, h: number, lang: string, units: Units): string {
  const small = Math.max(l, w, h) < 100;
  const conv = (mm: number) => (small ? formatNumber(mm, lang, 0) : formatNumber(mm / 10, lang, 1));
  return `${conv(l)} × ${conv(w)} × ${conv(h)} ${small ? units.mm : units.cm}`;
}

/** Volume from mm sides → `9 L` or `120 cm³`. */
export function formatVolume(l: number, w: number, h: number, lang: string): string {
  const cm3 = (l * w * h) / 1000;
  if (cm3 >= 1000) return `${formatNumber(cm3 / 1000, lang, 2)} L`;
  return `${formatNumber(cm3, lang, 1)} cm³`;
}
