import type { Lang } from '../../platform/i18n/i18n';
import {
  type SkuInput,
  type SkuRecord,
  STORAGE_CLASSES,
  type StorageClass,
  UNITS,
  type Unit,
} from './sku.schemas';

/**
 * The columns of the SKU import/export sheet. Headers may be the English key or the Chinese
 * header (and a few common variants); values may be English codes or Chinese labels.
 */
export type ColumnKind =
  | 'text'
  | 'optionalText'
  | 'int'
  | 'optionalInt'
  | 'bool'
  | 'list'
  | 'storage'
  | 'unit';

export interface SkuColumn {
  key: string;
  zh: string;
  en: string;
  /** The SKU input field the column fills (`null` for merchant_code, resolved separately). */
  field: keyof SkuInput | null;
  kind: ColumnKind;
  aliases?: string[];
}

export const SKU_COLUMNS: readonly SkuColumn[] = [
  {
    key: 'code',
    zh: '编码',
    en: 'Code',
    field: 'code',
    kind: 'text',
    aliases: ['商品编码', 'SKU', 'SKU编码'],
  },
  {
    key: 'merchant_code',
    zh: '商家编码',
    en: 'Merchant code',
    field: null,
    kind: 'text',
    aliases: ['商家', 'merchant'],
  },
  {
    key: 'name_zh',
    zh: '中文名称',
    en: 'Chinese name',
    field: 'nameZh',
    kind: 'text',
    aliases: ['名称', '商品名称'],
  },
  { key: 'name_en', zh: '英文名称', en: 'English name', field: 'nameEn', kind: 'optionalText' },
  {
    key: 'barcodes',
    zh: '条码',
    en: 'Barcodes',
    field: 'barcodes',
    kind: 'list',
    aliases: ['条形码', 'barcode'],
  },
  { key: 'unit', zh: '单位', en: 'Unit', field: 'unit', kind: 'unit' },
  {
    key: 'weight_g',
    zh: '重量(克)',
    en: 'Weight (g)',
    field: 'weightG',
    kind: 'int',
    aliases: ['重量', '重量(g)'],
  },
  {
    key: 'length_mm',
    zh: '长(毫米)',
    en: 'Length (mm)',
    field: 'lengthMm',
    kind: 'int',
    aliases: ['长', '长(mm)'],
  },
  {
    key: 'width_mm',
    zh: '宽(毫米)',
    en: 'Width (mm)',
    field: 'widthMm',
    kind: 'int',
    aliases: ['宽', '宽(mm)'],
  },
  {
    key: 'height_mm',
    zh: '高(毫米)',
    en: 'Height (mm)',
    field: 'heightMm',
    kind: 'int',
    aliases: ['高', '高(mm)'],
  },
  {
    key: 'storage_class',
    zh: '存储类别',
    en: 'Storage class',
    field: 'storageClass',
    kind: 'storage',
    aliases: ['存储条件'],
  },
  {
    key: 'shelf_life_days',
    zh: '保质期(天)',
    en: 'Shelf life (days)',
    field: 'shelfLifeDays',
    kind: 'optionalInt',
    aliases: ['保质期'],
  },
  {
    key: 'min_remaining_shelf_life_days',
    zh: '最低剩余保质期(天)',
    en: 'Min remaining shelf life (days)',
    field: 'minRemainingShelfLifeDays',
    kind: 'optionalInt',
    aliases: ['最低剩余保质期'],
  },
  { key: 'lot_tracked', zh: '批次管理', en: 'Lot tracked', field: 'lotTracked', kind: 'bool' },
  { key: 'hazard_class', zh: '危险品类别', en: 'Hazard class', field: 'hazardClass', kind: 'optionalText' },
  { key: 'active', zh: '启用', en: 'Active', field: 'active', kind: 'bool', aliases: ['是否启用'] },
];

export const STORAGE_LABELS: Record<StorageClass, string> = {
  ambient: '常温',
  chilled: '冷藏',
  frozen: '冷冻',
  fragile: '易碎',
  hazardous: '危险品',
};

export const UNIT_LABELS: Record<Unit, string> = {
  each: '个',
  piece: '件',
  pack: '包',
  box: '盒',
  carton: '箱',
  bag: '袋',
  bottle: '瓶',
  can: '罐',
  pair: '双',
  set: '套',
  roll: '卷',
  kg: '千克',
};

const normalise = (header: string) =>
  header
    .normalize('NFKC') // full-width （） and letters → ASCII
    .toLowerCase()
    .replace(/[\s_]/g, '');

const HEADER_INDEX = new Map<string, SkuColumn>();
for (const column of SKU_COLUMNS) {
  for (const name of [column.key, column.zh, column.en, ...(column.aliases ?? [])]) {
    HEADER_INDEX.set(normalise(name), column);
  }
}

export function columnForHeader(header: string): SkuColumn | undefined {
  return HEADER_INDEX.get(normalise(header));
}

export const columnByField = (field: PropertyKey): SkuColumn | undefined =>
  SKU_COLUMNS.find((c) => c.field === field);

const STORAGE_BY_LABEL = new Map<string, string>([
  ...STORAGE_CLASSES.map((c) => [c, c] as [string, string]),
  ...Object.entries(STORAGE_LABELS).map(([c, label]) => [label, c] as [string, string]),
  ['温控', 'chilled'],
  ['危险', 'hazardous'],
]);
const UNIT_BY_LABEL = new Map<string, string>([
  ...UNITS.map((u) => [u, u] as [string, string]),
  ...Object.entries(UNIT_LABELS).map(([u, label]) => [label, u] as [string, string]),
  ['公斤', 'kg'],
  ['只', 'each'],
  ['ea', 'each'],
  ['pcs', 'piece'],
]);
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是', '启用', '√', 't']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否', '停用', '×', 'f']);

/** A problem converting a cell before schema validation (not a number, not yes/no). */
export interface CellProblem {
  code: string;
  params: Record<string, unknown>;
}

export type CellResult = { value: unknown } | { problem: CellProblem };

/**
 * One cell → the value the SKU schema expects. An empty cell is "not given" (`undefined`) for
 * required fields, so an update keeps the stored value, and `null` for optional ones (clears it).
 */
export function convertCell(column: SkuColumn, raw: string): CellResult {
  const text = raw.trim();
  if (text === '') {
    if (column.kind === 'optionalText' || column.kind === 'optionalInt') return { value: null };
    if (column.kind === 'list') return { value: [] };
    return { value: undefined };
  }
  switch (column.kind) {
    case 'text':
    case 'optionalText':
      return { value: text };
    case 'int':
    case 'optionalInt': {
      const n = Number(text.replace(/[,，\s]/g, ''));
      return Number.isFinite(n)
        ? { value: n }
        : { problem: { code: 'catalog.import.invalid_number', params: { value: text } } };
    }
    case 'bool': {
      const word = text.toLowerCase();
      if (TRUE_WORDS.has(word)) return { value: true };
      if (FALSE_WORDS.has(word)) return { value: false };
      return { problem: { code: 'catalog.import.invalid_boolean', params: { value: text } } };
    }
    case 'list':
      return {
        value: text
          .split(/[|;；\n]/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'storage':
      return { value: STORAGE_BY_LABEL.get(text.toLowerCase()) ?? text };
    case 'unit':
      return { value: UNIT_BY_LABEL.get(text.toLowerCase()) ?? text };
  }
}

/** How the allowed values of an enum column are named in an error message. */
export function describeOptions(field: PropertyKey, values: unknown[], lang: Lang): string {
  if (lang !== 'zh-CN') return values.join(', ');
  const labels: Record<string, string> =
    field === 'storageClass'
      ? STORAGE_LABELS
      : field === 'unit'
        ? UNIT_LABELS
        : ({} as Record<string, string>);
  return values.map((v) => (labels[String(v)] ? `${labels[String(v)]}(${v})` : String(v))).join('、');
}

/** A stored SKU as the cells of one sheet row (export), in the order of `SKU_COLUMNS`. */
export function skuCells(sku: SkuRecord, merchantCode: string, lang: Lang): Array<string | number> {
  const zh = lang === 'zh-CN';
  const bool = (v: boolean) => (zh ? (v ? '是' : '否') : String(v));
  const byKey: Record<string, string | number> = {
    code: sku.code,
    merchant_code: merchantCode,
    name_zh: sku.nameZh,
    name_en: sku.nameEn ?? '',
    barcodes: sku.barcodes.join('|'),
    unit: zh ? UNIT_LABELS[sku.unit] : sku.unit,
    weight_g: sku.weightG,
    length_mm: sku.lengthMm,
    width_mm: sku.widthMm,
    height_mm: sku.heightMm,
    storage_class: zh ? STORAGE_LABELS[sku.storageClass] : sku.storageClass,
    shelf_life_days: sku.shelfLifeDays ?? '',
    min_remaining_shelf_life_days: sku.minRemainingShelfLifeDays ?? '',
    lot_tracked: bool(sku.lotTracked),
    hazard_class: sku.hazardClass ?? '',
    active: bool(sku.active),
  };
  return SKU_COLUMNS.map((c) => byKey[c.key]);
}

/** The header row for a sheet in `lang`: Chinese headers for zh-CN, the English keys otherwise. */
export const headerRow = (lang: Lang): string[] => SKU_COLUMNS.map((c) => (lang === 'zh-CN' ? c.zh : c.key));
