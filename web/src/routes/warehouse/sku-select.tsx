import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useDebounced } from '../../lib/use-debounced';
import { localName, useLang } from '../../lib/use-localized';

/** Pick one SKU of a merchant by code, name or barcode (a form control: value is the SKU id). */
export function SkuSelect({
  merchantId,
  value,
  onChange,
}: {
  merchantId?: string;
  value?: string;
  onChange?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [q, setQ] = useState('');
  const debounced = useDebounced(q, 300);
  const skus = useQuery({
    queryKey: ['catalog', 'skus', { q: debounced, merchantId, limit: 20, active: 'true' }],
    queryFn: () =>
      unwrap(
        api.GET('/api/catalog/skus', {
          params: {
            query: {
              q: debounced || undefined,
              limit: 20,
              active: 'true',
              ...(merchantId ? { merchantId } : {}),
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setQ }}
      value={value}
      onChange={onChange}
      placeholder={t('inbound.pickSku')}
      loading={skus.isFetching}
      style={{ width: '100%' }}
      options={(skus.data?.items ?? []).map((s) => ({
        value: s.id,
        label: `${s.code} · ${localName(s, lang)}`,
      }))}
    />
  );
}
