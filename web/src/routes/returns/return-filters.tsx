import { useTranslation } from 'react-i18next';
import {
  RETURN_REASONS,
  RETURN_STATUSES,
  type ReturnQuery,
  type ReturnReason,
  type ReturnStatus,
} from '../../api/returns';
import { activeFilters, type CommonFilters, commonFiltersOf } from '../../components/common-filters';
import { FilterBar, type FilterBarProps, FilterSelect } from '../../components/filter-bar';
import { oneOf, useUrlFilters } from '../../lib/use-url-filters';

/** Return list filters live in the URL, so a view can be bookmarked and linked. */
export type ReturnFilters = CommonFilters & {
  status: ReturnStatus | '';
  reason: ReturnReason | '';
  raisedVia: 'merchant' | 'service' | 'consumer' | '';
  refundStatus: 'pending' | 'refunded' | '';
};

const VIA = ['merchant', 'service', 'consumer'] as const;
const REFUNDS = ['pending', 'refunded'] as const;

const parse = (params: URLSearchParams): ReturnFilters => ({
  ...commonFiltersOf(params),
  status: oneOf(RETURN_STATUSES, params.get('status')),
  reason: oneOf(RETURN_REASONS, params.get('reason')),
  raisedVia: oneOf(VIA, params.get('raisedVia')),
  refundStatus: oneOf(REFUNDS, params.get('refundStatus')),
});

export const useReturnFilters = () => useUrlFilters(parse);

export function returnQueryOf(f: ReturnFilters): Omit<ReturnQuery, 'limit' | 'cursor'> {
  return activeFilters(f);
}

export function ReturnFilterBar(bar: FilterBarProps<ReturnFilters>) {
  const { t } = useTranslation();
  const { value, onChange } = bar;
  return (
    <FilterBar
      {...bar}
      search={{ placeholder: t('returns.searchPlaceholder'), width: 260, testId: 'return-search' }}
      selectWidth={150}
    >
      <FilterSelect
        placeholder={t('returns.allStatuses')}
        value={value.status}
        onChange={(status) => onChange({ status })}
        width={130}
        data-testid="return-filter-status"
        options={RETURN_STATUSES.map((s) => ({ value: s, label: t(`returns.status.${s}`) }))}
      />
      <FilterSelect
        placeholder={t('returns.allReasons')}
        value={value.reason}
        onChange={(reason) => onChange({ reason })}
        width={150}
        options={RETURN_REASONS.map((r) => ({ value: r, label: t(`returns.reason.${r}`) }))}
      />
      <FilterSelect
        placeholder={t('returns.allSources')}
        value={value.raisedVia}
        onChange={(raisedVia) => onChange({ raisedVia })}
        width={120}
        options={VIA.map((v) => ({ value: v, label: t(`returns.via.${v}`) }))}
      />
      <FilterSelect
        placeholder={t('returns.allRefunds')}
        value={value.refundStatus}
        onChange={(refundStatus) => onChange({ refundStatus })}
        width={140}
        options={REFUNDS.map((r) => ({ value: r, label: t(`returns.refundStatus.${r}`) }))}
      />
    </FilterBar>
  );
}
