/** The filters every order-like list has: search text, merchant, warehouse and a date range. */
export type CommonFilters = { q: string; merchantId: string; warehouseId: string; from: string; to: string };

/** The common filters as they stand in the URL. */
export const commonFiltersOf = (params: URLSearchParams): CommonFilters => ({
  q: params.get('q') ?? '',
  merchantId: params.get('merchantId') ?? '',
  warehouseId: params.get('warehouseId') ?? '',
  from: params.get('from') ?? '',
  to: params.get('to') ?? '',
});

/** The filters that are set, as the API query they stand for (empty ones left out). */
export const activeFilters = <Q>(filters: Record<string, string>): Q =>
  Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) as Q;
