import { ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Input, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  ORDER_STATUSES,
  type OrderQuery,
  type OrderStatus,
  REASON_CODES,
  type ReasonCode,
} from '../../api/orders';
import { useMerchants, useWarehouses } from '../../api/org';
import { SavedViews } from '../../components/saved-views';
import { SearchInput } from '../../components/search-input';
import { oneOf, useUrlFilters } from '../../lib/use-url-filters';

/** Order list filters live in the URL, so a view can be bookmarked and linked. */
export type OrderFilters = {
  q: string;
  status: OrderStatus | '';
  reason: ReasonCode | '';
  merchantId: string;
  warehouseId: string;
  channel: string;
  from: string;
  to: string;
};

const parse = (params: URLSearchParams): OrderFilters => ({
  q: params.get('q') ?? '',
  status: oneOf(ORDER_STATUSES, params.get('status')),
  reason: oneOf(REASON_CODES, params.get('reason')),
  merchantId: params.get('merchantId') ?? '',
  warehouseId: params.get('warehouseId') ?? '',
  channel: params.get('channel') ?? '',
  from: params.get('from') ?? '',
  to: params.get('to') ?? '',
});

export const useOrderFilters = () => useUrlFilters(parse);

/** The API query for the filters (empty ones left out). */
export function queryOf(f: OrderFilters): Omit<OrderQuery, 'limit' | 'cursor'> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Omit<OrderQuery, 'limit' | 'cursor'>;
}

interface Props {
  value: OrderFilters;
  onChange: (next: Partial<OrderFilters>) => void;
  onReset: () => void;
  showMerchant: boolean;
  showWarehouse: boolean;
  /** The exception queue has its own status; hide the status filter there. */
  showStatus?: boolean;
  /** Key of the list's saved views (e.g. `orders`). */
  viewsPage: string;
}

export function OrderFilterBar({
  value,
  onChange,
  onReset,
  showMerchant,
  showWarehouse,
  showStatus = true,
  viewsPage,
}: Props) {
  const { t } = useTranslation();
  const merchants = useMerchants(showMerchant);
  const warehouses = useWarehouses(showWarehouse);
  const filtered = Object.values(value).some(Boolean);
  return (
    <Flex gap={12} wrap className="filter-bar">
      <SavedViews page={viewsPage} />
      <SearchInput
        value={value.q}
        onSearch={(q) => onChange({ q })}
        placeholder={t('orders.searchPlaceholder')}
        style={{ width: 280 }}
        data-testid="order-search"
      />
      {showStatus ? (
        <Select
          allowClear
          placeholder={t('orders.allStatuses')}
          value={value.status || undefined}
          onChange={(status) => onChange({ status: status ?? '' })}
          style={{ width: 140 }}
          data-testid="order-filter-status"
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))}
        />
      ) : null}
      <Select
        allowClear
        placeholder={t('orders.allReasons')}
        value={value.reason || undefined}
        onChange={(reason) => onChange({ reason: reason ?? '' })}
        style={{ width: 170 }}
        data-testid="order-filter-reason"
        options={REASON_CODES.map((r) => ({ value: r, label: t(`orders.reason.${r}`) }))}
      />
      <Input
        allowClear
        placeholder={t('orders.channelPlaceholder')}
        value={value.channel}
        onChange={(e) => onChange({ channel: e.target.value.trim().toLowerCase() })}
        style={{ width: 110 }}
      />
      {showMerchant ? (
        <Select
          allowClear
          placeholder={t('orders.allMerchants')}
          value={value.merchantId || undefined}
          onChange={(merchantId) => onChange({ merchantId: merchantId ?? '' })}
          style={{ width: 160 }}
          options={(merchants.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
        />
      ) : null}
      {showWarehouse ? (
        <Select
          allowClear
          placeholder={t('orders.allWarehouses')}
          value={value.warehouseId || undefined}
          onChange={(warehouseId) => onChange({ warehouseId: warehouseId ?? '' })}
          style={{ width: 160 }}
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
      {filtered ? (
        <Button icon={<ReloadOutlined />} onClick={onReset}>
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}
