import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { STOCK_STATUSES, type StockStatus } from '../../api/types';

/** Stock filters live in the URL so a view can be bookmarked or linked. */
export interface StockFilters {
  warehouseId: string;
  status: StockStatus | '';
  skuId: string;
  includeEmpty: 'true' | '';
}

const isStatus = (v: string | null): v is StockStatus =>
  v !== null && (STOCK_STATUSES as readonly string[]).includes(v);

export function useStockFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<StockFilters>(() => {
    const status = params.get('status');
    return {
      warehouseId: params.get('warehouseId') ?? '',
      status: isStatus(status) ? status : '',
      skuId: params.get('skuId') ?? '',
      includeEmpty: params.get('includeEmpty') === 'true' ? 'true' : '',
    };
  }, [params]);

  const update = useCallback(
    (next: Partial<StockFilters>) =>
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          for (const [key, value] of Object.entries(next)) {
            if (value) out.set(key, value);
            else out.delete(key);
          }
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { filters, update, reset };
}
