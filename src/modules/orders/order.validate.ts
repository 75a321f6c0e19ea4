import { createHash } from 'node:crypto';
import { money, toDecimalString } from '../../platform/lib/money';
import { type AddressInput, compactAddress, type ParsedAddress, parseAddress } from './address.parse';
import { type CheckedPhone, checkPhone } from './contact.check';
import type { OrderDraft } from './order.input';
import type { StoredIssue } from './order.tables';
import type { SkuInfo } from './orders.deps';

/**
 * 信息校验: everything that can be checked about an order before it meets the warehouses. Pure:
 * the SKUs, the blocklist and recent orders are looked up beforehand (once per batch) and passed in.
 */
export interface ResolvedLine {
  lineNo: number;
  skuId: string | null;
  skuCode: string;
  skuName: string | null;
  storageClass: SkuInfo['storageClass'] | null;
  unitWeightG: number | null;
  qty: number;
  unitPriceFen: number;
}

export interface CheckedOrder {
  phone: CheckedPhone;
  address: ParsedAddress;
  /** The address as given (for the record and for fixing). */
  addressText: string;
  lines: ResolvedLine[];
  totalFen: number;
  weightG: number;
  /** Same consignee, place and items → same key (for duplicate detection). */
  dedupeKey: string;
  issues: StoredIssue[];
}

export interface SkuLookup {
  byId(id: string): SkuInfo | undefined;
  byCode(merchantId: string, code: string): SkuInfo | undefined;
}

export function addressInputOf(c: OrderDraft['consignee']): AddressInput {
  return c.province || c.city || c.district || c.districtCode
    ? {
        province: c.province,
        city: c.city,
        district: c.district,
        detail: c.detail ?? c.address,
        districtCode: c.districtCode,
      }
    : { text: c.address ?? c.detail };
}

export function addressTextOf(c: OrderDraft['consignee']): string {
  const region = [c.province, c.city, c.district].filter(Boolean).join(' ');
  return [region, c.detail ?? c.address ?? ''].filter(Boolean).join(' ').slice(0, 400);
}

/** Everything an order alone can tell: address, phone, SKUs, quantities, cold chain, payment. */
export function checkOrder(
  draft: OrderDraft,
  skus: SkuLookup,
  skip: ReadonlySet<string> = new Set(),
): CheckedOrder {
  const issues: StoredIssue[] = [];
  const add = (issue: StoredIssue) => {
    if (!skip.has(issue.code) && !issues.some((i) => i.code === issue.code && i.field === issue.field))
      issues.push(issue);
  };
  const phone = checkPhone(draft.consignee.phone);
  if (phone.kind === 'invalid')
    add({ code: 'phone_invalid', field: 'consignee.phone', params: { phone: phone.normalised } });
  const address = parseAddress(addressInputOf(draft.consignee));
  if (address.issue)
    add({ code: address.issue.code, field: 'consignee.address', params: address.issue.params });

  const lines: ResolvedLine[] = draft.lines.map((line, i) => {
    const sku = line.skuId ? skus.byId(line.skuId) : skus.byCode(draft.merchantId, line.skuCode!);
    const owned = sku && sku.merchantId === draft.merchantId ? sku : undefined;
    const field = `lines.${i}`;
    const code = owned?.code ?? line.skuCode ?? line.skuId ?? '';
    if (!owned) add({ code: 'sku_unknown', field, params: { sku: code } });
    else if (!owned.active) add({ code: 'sku_inactive', field, params: { sku: code } });
    if (line.qty <= 0) add({ code: 'qty_not_positive', field, params: { sku: code, qty: line.qty } });
    return {
      lineNo: i + 1,
      skuId: owned?.id ?? null,
      skuCode: code.slice(0, 60),
      skuName: owned?.nameZh ?? null,
      storageClass: owned?.storageClass ?? null,
      unitWeightG: owned?.weightG ?? null,
      qty: line.qty,
      unitPriceFen: line.unitPriceFen,
    };
  });
  const cold = lines.filter((l) => l.storageClass === 'chilled' || l.storageClass === 'frozen');
  if (cold.length && draft.serviceType !== 'cold_chain')
    add({
      code: 'cold_chain_required',
      field: 'serviceType',
      params: { skus: cold.map((l) => l.skuCode).join(', ') },
    });

  const totalFen = lines.reduce((s, l) => s + Math.max(0, l.qty) * l.unitPriceFen, 0);
  const weightG = lines.reduce((s, l) => s + Math.max(0, l.qty) * (l.unitWeightG ?? 0), 0);
  const { payment } = draft;
  if (payment.status === 'unpaid') add({ code: 'payment_unpaid', field: 'payment.status' });
  if (payment.status === 'cod' && payment.codAmountFen !== totalFen)
    add({
      code: 'cod_amount_mismatch',
      field: 'payment.codAmountFen',
      params: { cod: yuan(payment.codAmountFen ?? null), total: yuan(totalFen) },
    });

  const place = address.parts
    ? `${address.parts.districtCode}|${compactAddress(address.detail)}`
    : compactAddress(addressTextOf(draft.consignee));
  const items = lines
    .map((l) => `${l.skuId ?? l.skuCode}:${l.qty}`)
    .sort()
    .join(',');
  const dedupeKey = createHash('sha1').update(`${phone.normalised}|${place}|${items}`).digest('base64url');
  return {
    phone,
    address,
    addressText: addressTextOf(draft.consignee),
    lines,
    totalFen,
    weightG,
    dedupeKey,
    issues,
  };
}

/** What only other orders and the blocklist can tell. */
export function crossCheck(
  checked: CheckedOrder,
  found: { blocked: string | null; duplicateOf: string | null },
  skip: ReadonlySet<string> = new Set(),
): void {
  if (found.blocked !== null && !skip.has('customer_blocked'))
    checked.issues.push({
      code: 'customer_blocked',
      field: 'consignee.phone',
      params: { reason: found.blocked },
    });
  if (found.duplicateOf && !skip.has('duplicate_suspected'))
    checked.issues.push({ code: 'duplicate_suspected', params: { number: found.duplicateOf } });
}

export const yuan = (fen: number | null): string => (fen === null ? '-' : toDecimalString(money(fen, 'CNY')));
