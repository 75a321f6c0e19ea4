import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  ORDER_STATUSES,
  type OrderQuery,
  type OrderStatus,
  REASON_CODES,
  type ReasonCode,
} from '../../api/orders';
import { activeFilters, type CommonFilters, commonFiltersOf } from '../../components/common-filters';
import { FilterBar, type FilterBarProps, FilterSelect } from '../../components/filter-bar';
import { oneOf, useUrlFilters } from '../../lib/use-url-filters';

/** Order list filters live in the URL, so a view can be bookmarked and linked. */
export type OrderFilters = CommonFilters & {
  status: OrderStatus | '';
  reason: ReasonCode | '';
  channel: string;
};

const parse = (params: URLSearchParams): OrderFilters => ({
  ...commonFiltersOf(params),
  status: oneOf(ORDER_STATUSES, params.get('status')),
  reason: oneOf(REASON_CODES, params.get('reason')),
  channel: params.get('channel') ?? '',
});

export const useOrderFilters = () => useUrlFilters(parse);

/** The API query for the filters (empty ones left out). */
export function queryOf(f: OrderFilters): Omit<OrderQuery, 'limit' | 'cursor'> {
  return activeFilters(f);
}

interface Props extends FilterBarProps<OrderFilters> {
  /** The exception queue has its own status; hide the status filter there. */
  showStatus?: boolean;
  /** Key of the list's saved views (e.g. `orders`). */
  viewsPage: string;
}

export function OrderFilterBar({ showStatus = true, ...bar }: Props) {
  const { t } = useTranslation();
  const { value, onChange } = bar;
  return (
    <FilterBar
      {...bar}
      search={{ placeholder: t('orders.searchPlaceholder'), width: 280, testId: 'order-search' }}
      selectWidth={160}
    >
      {showStatus ? (
        <FilterSelect
          placeholder={t('orders.allStatuses')}
          value={value.status}
          onChange={(status) => onChange({ status })}
          width={140}
          data-testid="order-filter-status"
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))}
        />
      ) : null}
      <FilterSelect
        placeholder={t('orders.allReasons')}
        value={value.reason}
        onChange={(reason) => onChange({ reason })}
        width={170}
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
    </FilterBar>
  );
}
