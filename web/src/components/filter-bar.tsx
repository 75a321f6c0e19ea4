import { ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMerchants, useWarehouses } from '../api/org';
import type { CommonFilters } from './common-filters';
import { SavedViews } from './saved-views';
import { SearchInput } from './search-input';

/** Props of a list's filter bar over filters `F` kept in the URL (see `useUrlFilters`). */
export interface FilterBarProps<F extends CommonFilters> {
  value: F;
  onChange: (next: Partial<F>) => void;
  onReset: () => void;
  showMerchant: boolean;
  showWarehouse: boolean;
}

/** `value` is the list's whole filters: "clear filters" looks at all of them. */
interface Props extends FilterBarProps<CommonFilters> {
  search: { placeholder: string; width: number; testId: string };
  /** Key of the list's saved views (e.g. `orders`); none shown without it. */
  viewsPage?: string;
  /** Width of the merchant and warehouse selects. */
  selectWidth: number;
  /** The list's own filters, between the search box and the merchant filter. */
  children: ReactNode;
}

/**
 * A list's filter row: saved views, search, the list's own filters, merchant, warehouse, date
 * range, and "clear filters" once any filter is set.
 */
export function FilterBar({
  value,
  onChange,
  onReset,
  showMerchant,
  showWarehouse,
  search,
  viewsPage,
  selectWidth,
  children,
}: Props) {
  const { t } = useTranslation();
  const merchants = useMerchants(showMerchant);
  const warehouses = useWarehouses(showWarehouse);
  return (
    <Flex gap={12} wrap className="filter-bar">
      {viewsPage ? <SavedViews page={viewsPage} /> : null}
      <SearchInput
        value={value.q}
        onSearch={(q) => onChange({ q })}
        placeholder={search.placeholder}
        style={{ width: search.width }}
        data-testid={search.testId}
      />
      {children}
      {showMerchant ? (
        <FilterSelect
          placeholder={t('orders.allMerchants')}
          value={value.merchantId}
          onChange={(merchantId) => onChange({ merchantId })}
          width={selectWidth}
          options={(merchants.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
        />
      ) : null}
      {showWarehouse ? (
        <FilterSelect
          placeholder={t('orders.allWarehouses')}
          value={value.warehouseId}
          onChange={(warehouseId) => onChange({ warehouseId })}
          width={selectWidth}
          options={(warehouses.data ?? []).map((w) => ({ value: w.id, label: `${w.code} ${w.nameZh}` }))}
        />
      ) : null}
      <DatePicker.RangePicker
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        onChange={(range) =>
          onChange({
            from: range?.[0]?.format('YYYY-MM-DD') ?? '',
            to: range?.[1]?.format('YYYY-MM-DD') ?? '',
          })
        }
        allowEmpty={[true, true]}
      />
      {Object.values(value).some(Boolean) ? (
        <Button icon={<ReloadOutlined />} onClick={onReset}>
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}

interface FilterSelectProps<T extends string> {
  /** '' when the filter is off. */
  value: T | '';
  onChange: (value: T | '') => void;
  placeholder: string;
  width: number;
  options: Array<{ value: T; label: string }>;
  'data-testid'?: string;
}

/** A clearable one-of filter; clearing it gives ''. */
export function FilterSelect<T extends string>({
  value,
  onChange,
  placeholder,
  width,
  options,
  ...rest
}: FilterSelectProps<T>) {
  return (
    <Select<T>
      allowClear
      placeholder={placeholder}
      value={value || undefined}
      onChange={(next) => onChange(next ?? '')}
      style={{ width }}
      data-testid={rest['data-testid']}
      options={options}
    />
  );
}
