/**
 * Domain types the console uses, derived from the (generated) OpenAPI `paths`, so a contract
 * change on the server shows up here as a type error instead of a runtime surprise.
 */
import type { paths } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Op<P extends keyof paths, M extends string> = paths[P] extends { [K in M]: infer O } ? O : never;
type Ok<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201 | 202>]> : never;
type BodyOf<O> = O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type ItemOf<T> = T extends { items: (infer I)[] } ? I : T extends (infer I)[] ? I : never;

export type Meta = Ok<Op<'/api/meta', 'get'>>;
export type Me = Ok<Op<'/api/auth/me', 'get'>>;
export type LoginResult = Ok<Op<'/api/auth/login', 'post'>>;

export type CatalogStats = Ok<Op<'/api/catalog/stats', 'get'>>;
export type Sku = Ok<Op<'/api/catalog/skus/{id}', 'get'>>;
export type SkuPage = Ok<Op<'/api/catalog/skus', 'get'>>;
export type SkuQuery = QueryOf<Op<'/api/catalog/skus', 'get'>>;
export type SkuCreate = BodyOf<Op<'/api/catalog/skus', 'post'>>;
export type SkuPatch = BodyOf<Op<'/api/catalog/skus/{id}', 'patch'>>;
export type StorageClass = Sku['storageClass'];
export type SkuUnit = Sku['unit'];

export type Job = Ok<Op<'/api/jobs/{id}', 'get'>>;
export type JobStatus = Job['status'];

export type User = ItemOf<Ok<Op<'/api/org/users', 'get'>>>;
export type UserQuery = QueryOf<Op<'/api/org/users', 'get'>>;
export type UserCreate = BodyOf<Op<'/api/org/users', 'post'>>;
export type UserPatch = BodyOf<Op<'/api/org/users/{id}', 'patch'>>;
export type Role = ItemOf<Ok<Op<'/api/org/roles', 'get'>>>;
export type RoleUpdate = BodyOf<Op<'/api/org/roles/{code}', 'put'>>;
export type Permission = ItemOf<Ok<Op<'/api/org/permissions', 'get'>>>;
export type Department = ItemOf<Ok<Op<'/api/org/departments', 'get'>>>;
export type Branch = ItemOf<Ok<Op<'/api/org/branches', 'get'>>>;
export type Merchant = ItemOf<Ok<Op<'/api/org/merchants', 'get'>>>;
export type Warehouse = ItemOf<Ok<Op<'/api/inventory/warehouses', 'get'>>>;
export type Bin = ItemOf<Ok<Op<'/api/inventory/bins', 'get'>>>;
export type BinQuery = QueryOf<Op<'/api/inventory/bins', 'get'>>;
export type StockPage = Ok<Op<'/api/inventory/stock', 'get'>>;
export type StockRow = ItemOf<StockPage>;
export type StockQuery = QueryOf<Op<'/api/inventory/stock', 'get'>>;
export type StockStatus = StockRow['status'];
export type MovementPage = Ok<Op<'/api/inventory/movements', 'get'>>;
export type Movement = ItemOf<MovementPage>;
export type MovementQuery = QueryOf<Op<'/api/inventory/movements', 'get'>>;
export type MovementType = Movement['type'];

export type ApiToken = ItemOf<Ok<Op<'/api/org/tokens', 'get'>>>;
export type TokenCreate = BodyOf<Op<'/api/org/tokens', 'post'>>;
export type CreatedToken = Ok<Op<'/api/org/tokens', 'post'>>;

export type AuditEntry = ItemOf<Ok<Op<'/api/audit', 'get'>>>;
export type AuditQuery = QueryOf<Op<'/api/audit', 'get'>>;

/** `allOf<U>()([...])`: a list that must name every member of the union U (and nothing else). */
const allOf =
  <U extends string>() =>
  <const L extends readonly U[]>(list: L & ([Exclude<U, L[number]>] extends [never] ? unknown : never)) =>
    list;

export const STORAGE_CLASSES = allOf<StorageClass>()([
  'ambient',
  'chilled',
  'frozen',
  'fragile',
  'hazardous',
]);

/** Units of measure the contract allows for a SKU, in the order the form offers them. */
export const SKU_UNITS = allOf<SkuUnit>()([
  'each',
  'piece',
  'pack',
  'box',
  'carton',
  'bag',
  'bottle',
  'can',
  'pair',
  'roll',
  'set',
  'kg',
]);

/**
 * UN dangerous-goods classes and divisions (UN Model Regulations, part 2) the server accepts as
 * `hazardClass`, grouped by class. The contract types the field as a plain string, so this list
 * mirrors the server's; anything else comes back as a field issue.
 */
export const HAZARD_CLASS_GROUPS = [
  ['1', ['1', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6']],
  ['2', ['2', '2.1', '2.2', '2.3']],
  ['3', ['3']],
  ['4', ['4', '4.1', '4.2', '4.3']],
  ['5', ['5', '5.1', '5.2']],
  ['6', ['6', '6.1', '6.2']],
  ['7', ['7']],
  ['8', ['8']],
  ['9', ['9']],
] as const;
export type HazardClassGroup = (typeof HAZARD_CLASS_GROUPS)[number][0];

/** Stock statuses, in the order the console offers them. */
export const STOCK_STATUSES = allOf<StockStatus>()(['available', 'quality_hold', 'damaged', 'quarantine']);

/** Ledger movement types, in the order the console offers them. */
export const MOVEMENT_TYPES = allOf<MovementType>()([
  'receipt',
  'putaway',
  'move',
  'reserve',
  'release',
  'pick',
  'ship',
  'adjust',
  'count_variance',
  'scrap',
  'return',
  'kit_consume',
  'kit_produce',
]);

export const TERMINAL_JOB_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

/** `result` of a catalog import job (the job API types `result` loosely). */
export interface ImportResult {
  total: number;
  valid: number;
  invalid: number;
  created: number;
  updated: number;
  skipped: number;
  errors: { row: number; field: string; code: string; message: string }[];
}

export function asImportResult(value: unknown): ImportResult | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<ImportResult>;
  if (typeof v.total !== 'number') return null;
  return {
    total: v.total,
    valid: v.valid ?? 0,
    invalid: v.invalid ?? 0,
    created: v.created ?? 0,
    updated: v.updated ?? 0,
    skipped: v.skipped ?? 0,
    errors: Array.isArray(v.errors) ? v.errors : [],
  };
}
