import type { Db } from '../../platform/db/database';
import type { Lang } from '../../platform/i18n/i18n';
import { type FileFormat, HAZARD_CLASSES, type SkuFilter, STORAGE_CLASSES, UNITS } from './sku.schemas';
import { allSkus } from './sku.service';
import { headerRow, SKU_COLUMNS, STORAGE_LABELS, skuCells, UNIT_LABELS } from './sku-columns';
import { CSV_TYPE, type SheetOutput, writeSheet, XLSX_TYPE } from './sku-sheet';

export interface SheetFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

/** Merchant codes for the merchant_code column; without it the merchant id is written (imports accept both). */
export type MerchantCodes = (db: Db, ids: string[]) => Promise<Map<string, string>>;

const TEXT_COLUMNS = ['code', 'merchant_code', 'barcodes', 'hazard_class'].map((k) =>
  SKU_COLUMNS.findIndex((c) => c.key === k),
);
const FREE_TEXT_COLUMNS = ['name_zh', 'name_en'].map((k) => SKU_COLUMNS.findIndex((c) => c.key === k));

const contentTypeOf = (format: FileFormat) => (format === 'csv' ? CSV_TYPE : XLSX_TYPE);

function stamp(now: Date): string {
  return now.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

/** Every SKU matching the filter (within the merchant scope) in the import layout. */
export async function exportSkus(
  db: Db,
  options: {
    format: FileFormat;
    lang: Lang;
    filter: SkuFilter;
    merchantScope: string | null;
    merchantCodes?: MerchantCodes;
    now: Date;
  },
): Promise<SheetFile> {
  const rows: Array<Array<string | number>> = [];
  for await (const page of allSkus(db, options.filter, options.merchantScope)) {
    const ids = [...new Set(page.map((s) => s.merchantId))];
    const codes = options.merchantCodes ? await options.merchantCodes(db, ids) : new Map<string, string>();
    for (const sku of page)
      rows.push(skuCells(sku, codes.get(sku.merchantId) ?? sku.merchantId, options.lang));
  }
  const body = await writeSheet(options.format, {
    header: headerRow(options.lang),
    rows,
    textColumns: TEXT_COLUMNS,
    freeTextColumns: FREE_TEXT_COLUMNS,
    sheetName: 'SKU',
  });
  return {
    body,
    contentType: contentTypeOf(options.format),
    fileName: `skus-${stamp(options.now)}.${options.format}`,
  };
}

/** Notes for each column: whether it is required, its unit and the values it accepts. */
function columnNotes(lang: Lang): string[][] {
  const zh = lang === 'zh-CN';
  const storage = STORAGE_CLASSES.map((c) => (zh ? `${STORAGE_LABELS[c]}(${c})` : c)).join(zh ? '、' : ', ');
  const units = UNITS.map((u) => (zh ? `${UNIT_LABELS[u]}(${u})` : u)).join(zh ? '、' : ', ');
  const notes: Record<string, [string, string]> = {
    code: [
      '必填；大写字母、数字和 - _ .，1–40 位；同一商家内唯一，已存在则更新',
      'Required; A–Z, 0–9, - _ . (1–40); unique per merchant; an existing code is updated',
    ],
    merchant_code: [
      '商家编码；商家账号导入时可留空',
      'Merchant code; may be empty when a merchant user imports',
    ],
    name_zh: ['新建时必填', 'Required for new SKUs'],
    name_en: ['可选', 'Optional'],
    barcodes: [
      'GTIN-8/12/13/14，多个用 | 或 ; 分隔；全系统唯一',
      'GTIN-8/12/13/14, several separated by | or ;, unique system-wide',
    ],
    unit: [`新建时必填：${units}`, `Required for new SKUs: ${units}`],
    weight_g: ['新建时必填，整数，克', 'Required for new SKUs; integer grams'],
    length_mm: ['新建时必填，整数，毫米', 'Required for new SKUs; integer millimetres'],
    width_mm: ['新建时必填，整数，毫米', 'Required for new SKUs; integer millimetres'],
    height_mm: ['新建时必填，整数，毫米', 'Required for new SKUs; integer millimetres'],
    storage_class: [`新建时必填：${storage}`, `Required for new SKUs: ${storage}`],
    shelf_life_days: [
      '有保质期的商品填写天数；填写后须启用批次管理',
      'Days, for goods that expire; such goods are lot-tracked',
    ],
    min_remaining_shelf_life_days: [
      '收货时最低剩余天数，不超过保质期；冷藏/冷冻且有保质期时必填',
      'Least remaining days accepted at receipt, ≤ shelf life; required for chilled/frozen goods with a shelf life',
    ],
    lot_tracked: [
      '是/否；留空时有保质期即为是',
      'true/false; empty = true exactly when there is a shelf life',
    ],
    hazard_class: [
      `仅危险品填写，联合国分类：${HAZARD_CLASSES.join(' ')}`,
      `Hazardous goods only, UN class: ${HAZARD_CLASSES.join(' ')}`,
    ],
    active: ['是/否，默认是', 'true/false, default true'],
  };
  const head = zh ? ['列', '说明'] : ['Column', 'Notes'];
  return [head, ...SKU_COLUMNS.map((c) => [zh ? `${c.zh}（${c.key}）` : c.key, notes[c.key][zh ? 0 : 1]])];
}

/** An empty import sheet; the xlsx one carries a second sheet explaining each column. */
export async function skuTemplate(format: FileFormat, lang: Lang): Promise<SheetFile> {
  const output: SheetOutput = {
    header: headerRow(lang),
    rows: [],
    textColumns: TEXT_COLUMNS,
    sheetName: 'SKU',
    notes: { name: lang === 'zh-CN' ? '填写说明' : 'Notes', rows: columnNotes(lang) },
  };
  return {
    body: await writeSheet(format, output),
    contentType: contentTypeOf(format),
    fileName: `sku-import-template.${format}`,
  };
}
