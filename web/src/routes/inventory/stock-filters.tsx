import { ReloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSku } from '../../api/catalog';
import { useSkuSearch } from '../../api/inventory';
import { STOCK_STATUSES, type Warehouse } from '../../api/types';
import { useDebounced } from '../../lib/use-debounced';
import { localName, useLang } from '../../lib/use-localized';
import type { StockFilters } from './stock-search-params';
import { StockStatusTag } from './stock-tags';

interface Props {
  value: StockFilters;
  onChange: (next: Partial<StockFilters>) => void;
  onReset: () => void;
  warehouses: Warehouse[];
  warehousesLoading: boolean;
  /** SKU picker needs `catalog.sku.read`. */
  canSearchSku: boolean;
}

export function StockFilterBar({
  value,
  onChange,
  onReset,
  warehouses,
  warehousesLoading,
  canSearchSku,
}: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const search = useSkuSearch(q, canSearchSku);
  const selected = useSku(canSearchSku && value.skuId ? value.skuId : undefined);
  const filtered = Boolean(value.warehouseId || value.status || value.skuId || value.includeEmpty);

  const skuOptions = (search.data?.items ?? []).map((s) => ({
    value: s.id,
    label: `${s.code} · ${localName(s, lang)}`,
  }));
  if (selected.data && !skuOptions.some((o) => o.value === selected.data.id)) {
    skuOptions.unshift({
      value: selected.data.id,
      label: `${selected.data.code} · ${localName(selected.data, lang)}`,
    });
  }

  return (
    <Flex gap={12} wrap align="center" className="filter-bar">
      {canSearchSku ? (
        <Select
          allowClear
          showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
          placeholder={t('stock.skuFilter')}
          value={value.skuId || undefined}
          onChange={(skuId) => {
            onChange({ skuId: skuId ?? '' });
            setTyped('');
          }}
          loading={search.isFetching}
          notFoundContent={search.isFetching ? t('common.loading') : t('common.noData')}
          style={{ width: 300 }}
          data-testid="stock-sku-filter"
          options={skuOptions}
        />
      ) : null}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('layout.allWarehouses')}
        value={value.warehouseId || undefined}
        onChange={(warehouseId) => onChange({ warehouseId: warehouseId ?? '' })}
        loading={warehousesLoading}
        style={{ width: 220 }}
        data-testid="stock-warehouse-filter"
        options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${localName(w, lang)}` }))}
      />
      <Select
        allowClear
        placeholder={t('stock.statusFilter')}
        value={value.status || undefined}
        onChange={(status) => onChange({ status: status ?? '' })}
        style={{ width: 160 }}
        data-testid="stock-status-filter"
        options={STOCK_STATUSES.map((s) => ({ value: s, label: <StockStatusTag value={s} /> }))}
      />
      <Checkbox
        checked={value.includeEmpty === 'true'}
        onChange={(e) => onChange({ includeEmpty: e.target.checked ? 'true' : '' })}
        data-testid="stock-include-empty"
      >
        {t('stock.includeEmpty')}
      </Checkbox>
      {filtered ? (
        <Button icon={<ReloadOutlined />} onClick={onReset}>
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}
