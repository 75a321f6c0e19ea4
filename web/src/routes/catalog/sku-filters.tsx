import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMerchants } from '../../api/org';
import { STORAGE_CLASSES } from '../../api/types';
import { SearchInput } from '../../components/search-input';
import { StorageClassTag } from '../../components/storage-class-tag';
import type { SkuFilters } from './sku-search-params';

interface Props {
  value: SkuFilters;
  onChange: (next: Partial<SkuFilters>) => void;
  onReset: () => void;
  /** Merchant users only see their own SKUs: no merchant filter for them. */
  showMerchant: boolean;
}

export function SkuFilterBar({ value, onChange, onReset, showMerchant }: Props) {
  const { t } = useTranslation();
  const merchants = useMerchants(showMerchant);
  const filtered = Boolean(value.q || value.storageClass || value.active || value.merchantId);

  return (
    <Flex gap={12} wrap className="filter-bar">
      <SearchInput
        value={value.q}
        onSearch={(q) => onChange({ q })}
        placeholder={t('catalog.searchPlaceholder')}
        style={{ width: 300 }}
        data-testid="sku-search"
      />
      <Select
        allowClear
        placeholder={t('storageClass.label')}
        value={value.storageClass || undefined}
        onChange={(storageClass) => onChange({ storageClass: storageClass ?? '' })}
        style={{ width: 160 }}
        data-testid="sku-filter-storage-class"
        options={STORAGE_CLASSES.map((c) => ({ value: c, label: <StorageClassTag value={c} /> }))}
      />
      <Select
        allowClear
        placeholder={t('catalog.activeFilter')}
        value={value.active || undefined}
        onChange={(active) => onChange({ active: active ?? '' })}
        style={{ width: 130 }}
        data-testid="sku-filter-active"
        options={[
          { value: 'true', label: t('common.active') },
          { value: 'false', label: t('common.inactive') },
        ]}
      />
      {showMerchant ? (
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('catalog.allMerchants')}
          value={value.merchantId || undefined}
          onChange={(merchantId) => onChange({ merchantId: merchantId ?? '' })}
          loading={merchants.isPending}
          style={{ width: 220 }}
          data-testid="sku-filter-merchant"
          options={(merchants.data ?? []).map((m) => ({ value: m.id, label: `${m.name} (${m.code})` }))}
        />
      ) : null}
      {filtered ? (
        <Button icon={<ReloadOutlined />} onClick={onReset}>
          {t('common.clearFilters')}
        </Button>
      ) : null}
    </Flex>
  );
}
