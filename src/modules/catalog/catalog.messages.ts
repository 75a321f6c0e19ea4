import type { MessageCatalogue } from '../../platform/i18n/i18n';

/** Every error, issue and progress code the catalog module raises, in zh-CN and en. */
export const catalogMessages: MessageCatalogue = {
  'catalog.sku_not_found': { 'zh-CN': '未找到商品（SKU）{id}。', en: 'SKU {id} was not found.' },
  'catalog.invalid_code': {
    'zh-CN': '商品编码只能包含大写字母、数字和 - _ .，长度 1–40。',
    en: 'SKU code may contain only upper-case letters, digits and - _ . (1–40 characters).',
  },
  'catalog.duplicate_code': {
    'zh-CN': '该商家已有编码为 {code} 的商品。',
    en: 'This merchant already has a SKU with code {code}.',
  },
  'catalog.invalid_gtin': {
    'zh-CN': '条码 {barcode} 不是有效的 GTIN（8/12/13/14 位，校验位正确）。',
    en: 'Barcode {barcode} is not a valid GTIN (8, 12, 13 or 14 digits with a correct check digit).',
  },
  'catalog.duplicate_barcode': {
    'zh-CN': '条码 {barcode} 重复填写。',
    en: 'Barcode {barcode} is listed twice.',
  },
  'catalog.barcode_taken': {
    'zh-CN': '条码 {barcode} 已被其他商品使用。',
    en: 'Barcode {barcode} is already used by another SKU.',
  },
  'catalog.merchant_required': { 'zh-CN': '请指定商家。', en: 'A merchant is required.' },
  'catalog.merchant_not_found': {
    'zh-CN': '商家 {merchant} 不存在。',
    en: 'Merchant {merchant} does not exist.',
  },
  'catalog.version_conflict': {
    'zh-CN': '商品已被他人修改（您的版本 {expected}，当前版本 {actual}），请刷新后重试。',
    en: 'The SKU was changed by someone else (your version {expected}, current {actual}). Reload and retry.',
  },
  'catalog.min_remaining_exceeds_shelf_life': {
    'zh-CN': '最低剩余保质期不能超过保质期（{shelfLifeDays} 天）。',
    en: 'Minimum remaining shelf life cannot exceed the shelf life ({shelfLifeDays} days).',
  },
  'catalog.min_remaining_without_shelf_life': {
    'zh-CN': '未设置保质期时不能设置最低剩余保质期。',
    en: 'Minimum remaining shelf life needs a shelf life.',
  },
  'catalog.min_remaining_required': {
    'zh-CN': '冷藏/冷冻且有保质期的生鲜商品必须设置最低剩余保质期（收货时的最低要求）。',
    en: 'Chilled or frozen goods with a shelf life need a minimum remaining shelf life (accepted at receipt).',
  },
  'catalog.lot_tracking_required': {
    'zh-CN': '有保质期的商品必须启用批次管理。',
    en: 'Goods with a shelf life must be lot-tracked.',
  },
  'catalog.hazard_class_required': {
    'zh-CN': '危险品必须填写危险品类别（联合国分类，如 3、9、2.1）。',
    en: 'Hazardous goods need a UN hazard class (e.g. 3, 9, 2.1).',
  },
  'catalog.hazard_class_not_allowed': {
    'zh-CN': '只有存储类别为“危险品”的商品才能填写危险品类别。',
    en: 'Only goods with storage class “hazardous” may have a hazard class.',
  },
  'catalog.invalid_hazard_class': {
    'zh-CN': '危险品类别 {value} 无效，应为联合国分类 1–9 或其项别（如 2.1、4.3、6.1）。',
    en: 'Hazard class {value} is invalid; use a UN class 1–9 or division (e.g. 2.1, 4.3, 6.1).',
  },
  // Import
  'catalog.import.unknown_format': {
    'zh-CN': '无法识别文件格式，请上传 CSV 或 Excel（.xlsx）文件。',
    en: 'Unknown file format; upload a CSV or Excel (.xlsx) file.',
  },
  'catalog.import.empty_file': { 'zh-CN': '文件为空。', en: 'The file is empty.' },
  'catalog.import.unreadable_xlsx': {
    'zh-CN': '文件不是有效的 Excel（.xlsx）文件，或已损坏；旧版 .xls 请另存为 .xlsx。',
    en: 'The file is not a valid Excel (.xlsx) workbook or is damaged; save old .xls files as .xlsx.',
  },
  'catalog.import.unreadable_csv': {
    'zh-CN': '无法读取 CSV 文件：{reason}',
    en: 'Could not read the CSV file: {reason}',
  },
  'catalog.import.too_many_rows': {
    'zh-CN': '文件行数过多，单次最多导入 {max} 行。',
    en: 'Too many rows; at most {max} rows per import.',
  },
  'catalog.import.missing_column': {
    'zh-CN': '缺少必需的列“{column}”。',
    en: 'Required column “{column}” is missing.',
  },
  'catalog.import.unknown_column': {
    'zh-CN': '无法识别的列“{column}”，已忽略。',
    en: 'Unrecognised column “{column}” was ignored.',
  },
  'catalog.import.duplicate_column': {
    'zh-CN': '列“{column}”出现了不止一次。',
    en: 'Column “{column}” appears more than once.',
  },
  'catalog.import.duplicate_row': {
    'zh-CN': '商品编码 {code} 与第 {firstRow} 行重复。',
    en: 'SKU code {code} duplicates row {firstRow}.',
  },
  'catalog.import.duplicate_barcode': {
    'zh-CN': '条码 {barcode} 与第 {firstRow} 行重复。',
    en: 'Barcode {barcode} duplicates row {firstRow}.',
  },
  'catalog.import.merchant_out_of_scope': {
    'zh-CN': '只能导入本商家的商品。',
    en: 'You can only import SKUs of your own merchant.',
  },
  'catalog.import.invalid_number': { 'zh-CN': '“{value}”不是数字。', en: '“{value}” is not a number.' },
  'catalog.import.invalid_boolean': {
    'zh-CN': '“{value}”应为 是/否（true/false、1/0）。',
    en: '“{value}” should be yes/no (true/false, 是/否, 1/0).',
  },
  'catalog.import.changed_during_import': {
    'zh-CN': '第 {row} 行在导入过程中被他人修改，导入已停止；请重新导入。',
    en: 'Row {row} was changed by someone else during the import; the import stopped. Import again.',
  },
  'catalog.import.progress.reading': { 'zh-CN': '正在读取文件…', en: 'Reading the file…' },
  'catalog.import.progress.validating': {
    'zh-CN': '正在校验：{done}/{total} 行',
    en: 'Validating: {done}/{total} rows',
  },
  'catalog.import.progress.writing': {
    'zh-CN': '正在写入：{done}/{total} 行',
    en: 'Writing: {done}/{total} rows',
  },
  'catalog.import.progress.done': {
    'zh-CN': '完成：新增 {created}，更新 {updated}，无变化 {unchanged}，跳过 {skipped}',
    en: 'Done: {created} created, {updated} updated, {unchanged} unchanged, {skipped} skipped',
  },
  'catalog.import.progress.invalid': {
    'zh-CN': '发现 {invalid} 行错误，未写入任何数据',
    en: '{invalid} invalid rows; nothing was written',
  },
  'catalog.import.progress.validated': {
    'zh-CN': '校验完成：{valid} 行有效，{invalid} 行有误',
    en: 'Validated: {valid} valid, {invalid} invalid rows',
  },
};
