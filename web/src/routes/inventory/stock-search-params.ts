import { STOCK_STATUSES, type StockStatus } from '../../api/types';
import { oneOf, useUrlFilters } from '../../lib/use-url-filters';

/** Stock filters live in the URL so a view can be bookmarked or linked. */
export type StockFilters = {
  warehouseId: string;
  status: StockStatus | '';
  skuId: string;
  includeEmpty: 'true' | '';
};

const parse = (params: URLSearchParams): StockFilters => ({
  warehouseId: params.get('warehouseId') ?? '',
  status: oneOf(STOCK_STATUSES, params.get('status')),
  skuId: params.get('skuId') ?? '',
  includeEmpty: params.get('includeEmpty') === 'true' ? 'true' : '',
});

export const useStockFilters = () => useUrlFilters(parse);
