import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StorageClass } from '../api/types';

/** Tag preset colours (antd) and chart colours per storage class. */
export const STORAGE_CLASS_TAG: Record<StorageClass, string> = {
  ambient: 'green',
  chilled: 'cyan',
  frozen: 'geekblue',
  fragile: 'orange',
  hazardous: 'red',
};

export const STORAGE_CLASS_COLOR: Record<StorageClass, string> = {
  ambient: '#52c41a',
  chilled: '#13c2c2',
  frozen: '#2f54eb',
  fragile: '#fa8c16',
  hazardous: '#f5222d',
};

export function StorageClassTag({ value }: { value: StorageClass }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`storageClass.hint.${value}`)}>
      <Tag color={STORAGE_CLASS_TAG[value]} style={{ marginInlineEnd: 0 }}>
        {t(`storageClass.${value}`)}
      </Tag>
    </Tooltip>
  );
}
