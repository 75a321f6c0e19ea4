import { ReloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMerchants, useWarehouses } from '../../api/org';
import {
  RETURN_REASONS,
  RETURN_STATUSES,
  type ReturnQuery,
  type ReturnReason,
  type ReturnStatus,
} from '../../api/returns';
import { SearchInput } from '../../components/search-input';
import { oneOf, useUrlFilters } from '../../lib/use-url-filters';

/** Return list filters live in the URL, so a view can be bookmarked and linked. */
export type ReturnFilters = {
  q: string;
  status: ReturnStatus | '';
  reason: ReturnReason | '';
  raisedVia: 'merchant' | 'service' | 'consumer' | '';
  refundStatus: 'pending' | 'refunded' | '';
  merchantId: string;
  warehouseId: string;
  from: string;
  to: string;
};

const VIA = ['merchant', 'service', 'consumer'] as const;
const REFUNDS = ['pending', 'refunded'] as const;

const parse = (params: URLSearchParams): ReturnFilters => ({
  q: params.get('q') ?? '',
  status: oneOf(RETURN_STATUSES, params.get('status')),
  reason: oneOf(RETURN_REASONS, params.get('reason')),
  raisedVia: oneOf(VIA, params.get('raisedVia')),
  refundStatus: oneOf(REFUNDS, params.get('refundStatus')),
  merchantId: params.get('merchantId') ?? '',
  warehouseId: params.get('warehouseId') ?? '',
  from: params.get('from') ?? '',
  to: params.get('to') ?? '',
});

export const useReturnFilters = () => useUrlFilters(parse);

export function returnQueryOf(f: ReturnFilters): Omit<ReturnQuery, 'limit' | 'cursor'> {
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Omit<ReturnQuery, 'limit' | 'cursor'>;
}

interface Props {
  value: ReturnFilters;
  onChange: (next: Partial<ReturnFilters>) => void;
  onReset: () => void;
  showMerchant: boolean;
  showWarehouse: boolean;
}

export function ReturnFilterBar({ value, onChange, onReset, showMerchant, showWarehouse }: Props) {
  const { t } = useTranslation();
  const merchants = useMerchants(showMerchant);
  const warehouses = useWarehouses(showWarehouse);
  return (
    <Flex gap={12} wrap className="filter-bar">
      <SearchInput
        value={value.q}
        onSearch={(q) => onChange({ q })}
        placeholder={t('returns.searchPlaceholder')}
        style={{ width: 260 }}
        data-testid="return-search"
      />
      <Select
        allowClear
        placeholder={t('returns.allStatuses')}
        value={value.status || undefined}
        onChange={(status) => onChange({ status: status ?? '' })}
        style={{ width: 130 }}
        data-testid="return-filter-status"
        options={RETURN_STATUSES.map((s) => ({ value: s, label: t(`returns.status.${s}`) }))}
      />
      <Select
        allowClear
        placeholder={t('returns.allReasons')}
        value={value.reason || undefined}
        onChange={(reason) => onChange({ reason: reason ?? '' })}
        style={{ width: 150 }}
        options={RETURN_REASONS.map((r) => ({ value: r, label: t(`returns.reason.${r}`) }))}
      />
      <Select
        allowClear
        placeholder={t('returns.allSources')}
        value={value.raisedVia || undefined}
        onChange={(raisedVia) => onChange({ raisedVia: raisedVia ?? '' })}
        style={{ width: 120 }}
        options={VIA.map((v) => ({ value: v, label: t(`returns.via.${v}`) }))}
      />
      <Select
        allowClear
        placeholder={t('returns.allRefunds')}
        value={value.refundStatus || undefined}
        onChange={(refundStatus) => onChange({ refundStatus: refundStatus ?? '' })}
        style={{ width: 140 }}
        options={REFUNDS.map((r) => ({ value: r, label: t(`returns.refundStatus.${r}`) }))}
      />
      {showMerchant ? (
        <Select
          allowClear
          placeholder={t('orders.allMerchants')}
          value={value.merchantId || undefined}
          onChange={(merchantId) => onChange({ merchantId: merchantId ?? '' })}
          style={{ width: 150 }}
          options={(merchants.data ?? []).map((m) => ({ value: m.id, label: m.name }))}
        />
      ) : null}
      {showWarehouse ? (
        <Select
          allowClear
          placeholder={t('orders.allWarehouses')}
          value={value.warehouseId || undefined}
          onChange={(warehouseId) => onChange({ warehouseId: warehouseId ?? '' })}
          style={{ width: 150 }}
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
