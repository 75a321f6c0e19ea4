import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { AutoComplete } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useDebounced } from '../../lib/use-debounced';
import { localName, useLang } from '../../lib/use-localized';

interface SkuCodeInputProps {
  /** Whose catalogue to search; a merchant user's own when absent (the server scopes it). */
  merchantId?: string;
  value?: string;
  onChange?: (code: string) => void;
  placeholder?: string;
  'data-testid'?: string;
}

/**
 * A SKU code (a form control): typed, or picked from the merchant's active SKUs found by code, name
 * or barcode. Any code may stay typed — an unknown one makes the order an exception (`sku_unknown`)
 * for the desk, as from any channel. The catalogue is asked only once the field is used, and only
 * by users who may read it.
 */
export function SkuCodeInput({ merchantId, value, onChange, placeholder, ...rest }: SkuCodeInputProps) {
  const lang = useLang();
  const can = useCan();
  const [used, setUsed] = useState(false);
  const [q, setQ] = useState('');
  const debounced = useDebounced(q, 300);
  const query = { q: debounced || undefined, limit: 20, active: 'true' as const, merchantId };
  const skus = useQuery({
    queryKey: ['catalog', 'skus', query],
    queryFn: () => unwrap(api.GET('/api/catalog/skus', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled: used && can(PERM.skuRead),
  });
  return (
    <AutoComplete
      value={value}
      onChange={(v: string) => onChange?.(v)}
      onFocus={() => setUsed(true)}
      showSearch={{ filterOption: false, onSearch: setQ }}
      placeholder={placeholder}
      options={(skus.data?.items ?? []).map((s) => ({
        value: s.code,
        label: (
          <span data-sku-code={s.code}>
            <span className="mono">{s.code}</span> · {localName(s, lang)}
          </span>
        ),
      }))}
      style={{ width: '100%' }}
      data-testid={rest['data-testid']}
    />
  );
}
