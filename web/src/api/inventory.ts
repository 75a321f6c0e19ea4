import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { Bin, MovementPage, MovementQuery, Sku, StockPage, StockQuery } from './types';

export function useStockPage(query: StockQuery) {
  return useQuery({
    queryKey: ['inventory', 'stock', query],
    queryFn: (): Promise<StockPage> => unwrap(api.GET('/api/inventory/stock', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useMovementPage(query: MovementQuery, enabled = true) {
  return useQuery({
    queryKey: ['inventory', 'movements', query],
    queryFn: (): Promise<MovementPage> => unwrap(api.GET('/api/inventory/movements', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Bins are listed at most this many pages of 500 deep when resolving codes for display. */
const MAX_BIN_PAGES = 10;

/** Every bin of a warehouse (for showing bin codes where the API only gives ids). */
export function useWarehouseBins(warehouseId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['inventory', 'bins', 'all', warehouseId],
    queryFn: async (): Promise<Bin[]> => {
      const out: Bin[] = [];
      let cursor: string | undefined;
      for (let i = 0; i < MAX_BIN_PAGES; i++) {
        const page = await unwrap(
          api.GET('/api/inventory/bins', {
            params: { query: { warehouseId: warehouseId!, limit: 500, ...(cursor ? { cursor } : {}) } },
          }),
        );
        out.push(...page.items);
        if (!page.nextCursor) break;
        cursor = page.nextCursor;
      }
      return out;
    },
    enabled: enabled && Boolean(warehouseId),
    staleTime: 10 * 60_000,
  });
}

/**
 * SKUs by id (stock and movements carry only `skuId`). Shares the cache of `useSku`, so each SKU
 * is fetched once per session page.
 */
export function useSkusById(ids: readonly string[], enabled = true): Map<string, Sku> {
  const unique = [...new Set(ids)];
  return useQueries({
    queries: unique.map((id) => ({
      queryKey: ['catalog', 'sku', id],
      queryFn: (): Promise<Sku> => unwrap(api.GET('/api/catalog/skus/{id}', { params: { path: { id } } })),
      enabled,
      staleTime: 5 * 60_000,
    })),
    combine: (results) => {
      const map = new Map<string, Sku>();
      for (const r of results) if (r.data) map.set(r.data.id, r.data);
      return map;
    },
  });
}

/** SKU search for the stock page's SKU picker. */
export function useSkuSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: ['catalog', 'skus', { q, limit: 20 }],
    queryFn: () => unwrap(api.GET('/api/catalog/skus', { params: { query: { q, limit: 20 } } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}
