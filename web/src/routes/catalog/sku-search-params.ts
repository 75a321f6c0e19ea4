import { STORAGE_CLASSES, type StorageClass } from '../../api/types';
import { oneOf, useUrlFilters } from '../../lib/use-url-filters';

/** SKU list filters live in the URL so lists can be bookmarked and linked from home pages. */
export type SkuFilters = {
  q: string;
  storageClass: StorageClass | '';
  active: 'true' | 'false' | '';
  merchantId: string;
};

const parse = (params: URLSearchParams): SkuFilters => ({
  q: params.get('q') ?? '',
  storageClass: oneOf(STORAGE_CLASSES, params.get('storageClass')),
  active: oneOf(['true', 'false'] as const, params.get('active')),
  merchantId: params.get('merchantId') ?? '',
});

export const useSkuFilters = () => useUrlFilters(parse);
