import { type StorageClass, ZONES_FOR_CLASS } from '../inventory';

/** Temperature range in tenths of a degree Celsius; a null bound is open. */
export interface TempRange {
  minDc: number | null;
  maxDc: number | null;
}

/** Storage classes whose goods must arrive cold: arrival temperature is checked at receiving. */
export const COLD_CHAIN_CLASSES: readonly StorageClass[] = ['chilled', 'frozen'];

/**
 * Fallback ranges when the warehouse has no zone of the class with a range: chilled 0–8 °C,
 * frozen −18 °C or colder (GB/T 24616 cold-chain practice).
 */
export const DEFAULT_COLD_RANGES: Partial<Record<StorageClass, TempRange>> = {
  chilled: { minDc: 0, maxDc: 80 },
  frozen: { minDc: null, maxDc: -180 },
};

export const needsArrivalTemperature = (cls: StorageClass) => COLD_CHAIN_CLASSES.includes(cls);

/**
 * The range goods of class `cls` must arrive within at a warehouse: the envelope of the ranges of
 * the zones that may store them (ZONES_FOR_CLASS), or the default for the class. Null when the class
 * is not cold-chain.
 */
export function arrivalRange(
  cls: StorageClass,
  zones: ReadonlyArray<{ storageClass: StorageClass; tempMinDc: number | null; tempMaxDc: number | null }>,
): TempRange | null {
  if (!needsArrivalTemperature(cls)) return null;
  const fitting = zones.filter((z) => ZONES_FOR_CLASS[cls].includes(z.storageClass));
  const mins = fitting.map((z) => z.tempMinDc);
  const maxs = fitting.map((z) => z.tempMaxDc);
  if (!fitting.length || (mins.every((m) => m === null) && maxs.every((m) => m === null)))
    return DEFAULT_COLD_RANGES[cls] ?? null;
  return {
    minDc: mins.some((m) => m === null) ? null : Math.min(...(mins as number[])),
    maxDc: maxs.some((m) => m === null) ? null : Math.max(...(maxs as number[])),
  };
}

export const withinRange = (range: TempRange, tempDc: number) =>
  (range.minDc === null || tempDc >= range.minDc) && (range.maxDc === null || tempDc <= range.maxDc);

/** `-18.0 °C` style text of a tenths-of-a-degree value, for messages. */
export const formatDc = (dc: number | null) => (dc === null ? '—' : `${(dc / 10).toFixed(1)} °C`);
