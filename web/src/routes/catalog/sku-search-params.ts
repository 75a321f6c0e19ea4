import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { STORAGE_CLASSES, type StorageClass } from '../../api/types';

/** SKU list filters live in the URL so lists can be bookmarked and linked from home pages. */
export interface SkuFilters {
  q: string;
  storageClass: StorageClass | '';
  active: 'true' | 'false' | '';
  merchantId: string;
}

const isStorageClass = (v: string | null): v is StorageClass =>
  v !== null && (STORAGE_CLASSES as readonly string[]).includes(v);

export function useSkuFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<SkuFilters>(() => {
    const sc = params.get('storageClass');
    const active = params.get('active');
    return {
      q: params.get('q') ?? '',
      storageClass: isStorageClass(sc) ? sc : '',
      active: active === 'true' || active === 'false' ? active : '',
      merchantId: params.get('merchantId') ?? '',
    };
  }, [params]);

  const update = useCallback(
    (next: Partial<SkuFilters>) =>
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
