import {
  Card,
  Col,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Switch,
  Typography,
} from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useMerchants } from '../../api/org';
import { HAZARD_CLASS_GROUPS, SKU_UNITS, STORAGE_CLASSES } from '../../api/types';
import { STORAGE_CLASS_COLOR } from '../../components/storage-class-tag';
import { formatVolume, formatWeight } from '../../lib/format';
import { useLang } from '../../lib/use-localized';
import { unitsOf } from './sku-columns';
import type { SkuFormValues } from './sku-form-values';

interface SkuFormProps {
  form: FormInstance<SkuFormValues>;
  mode: 'create' | 'edit';
  initialValues: Partial<SkuFormValues>;
  onFinish: (values: SkuFormValues) => void;
  onValuesChange?: () => void;
  /** Show the merchant picker (staff creating a SKU); merchant users create for themselves. */
  pickMerchant: boolean;
  disabled?: boolean;
  footer: ReactNode;
}

const intProps = { min: 0, precision: 0, style: { width: '100%' } } as const;

export function SkuForm({
  form,
  mode,
  initialValues,
  onFinish,
  onValuesChange,
  pickMerchant,
  disabled,
  footer,
}: SkuFormProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const units = unitsOf(t);
  const merchants = useMerchants(pickMerchant && mode === 'create');
  const weightG = Form.useWatch('weightG', form);
  const [l, w, h] = [
    Form.useWatch('lengthMm', form),
    Form.useWatch('widthMm', form),
    Form.useWatch('heightMm', form),
  ];
  const storageClass = Form.useWatch('storageClass', form);
  const shelfLifeDays = Form.useWatch('shelfLifeDays', form);
  // Server rule: goods with a shelf life are lot-tracked, so the switch is ticked and locked then.
  const lotTrackingRequired = shelfLifeDays != null;
  const required = (field: string) => ({ required: true, message: t('catalog.required', { field }) });

  const handleValuesChange = (changed: Partial<SkuFormValues>) => {
    if (changed.shelfLifeDays != null) form.setFieldValue('lotTracked', true);
    onValuesChange?.();
  };

  return (
    <Form<SkuFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onFinish={onFinish}
      onValuesChange={handleValuesChange}
      disabled={disabled}
      scrollToFirstError
      data-testid="sku-form"
    >
      <Card title={t('catalog.section.basics')} className="page-section">
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              name="code"
              label={t('catalog.field.code')}
              extra={mode === 'create' ? t('catalog.field.codeHelp') : undefined}
              rules={[required(t('catalog.field.code'))]}
            >
              <Input className="mono" maxLength={64} disabled={mode === 'edit'} data-testid="sku-code" />
            </Form.Item>
          </Col>
          {pickMerchant && mode === 'create' ? (
            <Col xs={24} md={12}>
              <Form.Item
                name="merchantId"
                label={t('catalog.field.merchant')}
                rules={[required(t('catalog.field.merchant'))]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  loading={merchants.isPending}
                  options={(merchants.data ?? []).map((m) => ({
                    value: m.id,
                    label: `${m.name} (${m.code})`,
                  }))}
                  data-testid="sku-merchant"
                />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={12}>
            <Form.Item
              name="nameZh"
              label={t('catalog.field.nameZh')}
              rules={[required(t('catalog.field.nameZh'))]}
            >
              <Input maxLength={200} data-testid="sku-name-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="nameEn" label={t('catalog.field.nameEn')}>
              <Input maxLength={200} placeholder={t('common.optional')} data-testid="sku-name-en" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="barcodes"
              label={t('catalog.field.barcodes')}
              extra={t('catalog.field.barcodesHelp')}
            >
              <Select
                mode="tags"
                open={false}
                tokenSeparators={[',', ' ', '，']}
                suffixIcon={null}
                className="mono"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="unit"
              label={t('catalog.field.unit')}
              rules={[required(t('catalog.field.unit'))]}
            >
              <Select
                placeholder={t('catalog.field.unitPlaceholder')}
                options={SKU_UNITS.map((unit) => ({ value: unit, label: t(`catalog.unitName.${unit}`) }))}
                data-testid="sku-unit"
              />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card title={t('catalog.section.physical')} className="page-section">
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item
              name="weightG"
              label={t('catalog.field.weightG')}
              rules={[required(t('catalog.field.weightG'))]}
              extra={
                typeof weightG === 'number' && weightG >= 1000
                  ? formatWeight(weightG, lang, units)
                  : undefined
              }
            >
              <InputNumber {...intProps} suffix={units.g} data-testid="sku-weight" />
            </Form.Item>
          </Col>
          {(['lengthMm', 'widthMm', 'heightMm'] as const).map((name) => (
            <Col xs={8} md={6} key={name}>
              <Form.Item
                name={name}
                label={t(`catalog.field.${name}`)}
                rules={[required(t(`catalog.field.${name}`))]}
              >
                <InputNumber {...intProps} suffix={units.mm} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        {l && w && h ? (
          <Typography.Text type="secondary">
            {t('catalog.field.volume')}: {formatVolume(l, w, h, lang)}
          </Typography.Text>
        ) : null}
      </Card>

      <Card title={t('catalog.section.storage')} className="page-section">
        <Form.Item
          name="storageClass"
          label={t('catalog.field.storageClass')}
          rules={[required(t('catalog.field.storageClass'))]}
        >
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={STORAGE_CLASSES.map((c) => ({
              value: c,
              label: (
                <span>
                  <span
                    style={{
                      display: 'inline-block',
                      width: 8,
                      height: 8,
                      borderRadius: 4,
                      marginInlineEnd: 6,
                      background: STORAGE_CLASS_COLOR[c],
                    }}
                  />
                  {t(`storageClass.${c}`)}
                </span>
              ),
            }))}
          />
        </Form.Item>
        {storageClass === 'hazardous' ? (
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="hazardClass"
                label={t('catalog.field.hazardClass')}
                extra={t('catalog.field.hazardClassHelp')}
                rules={[required(t('catalog.field.hazardClass'))]}
              >
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  placeholder={t('catalog.field.hazardClassPlaceholder')}
                  options={HAZARD_CLASS_GROUPS.map(([group, codes]) => ({
                    label: t(`catalog.hazardClassGroup.${group}`),
                    title: t(`catalog.hazardClassGroup.${group}`),
                    options: codes.map((code) => ({ value: code, label: code })),
                  }))}
                  data-testid="sku-hazard-class"
                />
              </Form.Item>
            </Col>
          </Row>
        ) : null}
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="shelfLifeDays"
              label={t('catalog.field.shelfLifeDays')}
              extra={t('catalog.field.shelfLifeHelp')}
            >
              <InputNumber {...intProps} min={1} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="minRemainingShelfLifeDays"
              label={t('catalog.field.minRemainingShelfLifeDays')}
              extra={t('catalog.field.minRemainingHelp')}
              dependencies={['shelfLifeDays']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: (_, value: number | null) => {
                    const life = getFieldValue('shelfLifeDays') as number | null;
                    return value != null && life != null && value > life
                      ? Promise.reject(new Error(t('catalog.minRemainingTooLarge')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <InputNumber {...intProps} />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item
              name="lotTracked"
              label={t('catalog.field.lotTracked')}
              valuePropName="checked"
              tooltip={lotTrackingRequired ? t('catalog.field.lotTrackedRequired') : undefined}
            >
              {/* `undefined`, not `false`, so a disabled form still disables the switch */}
              <Switch disabled={lotTrackingRequired || undefined} data-testid="sku-lot-tracked" />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item name="active" label={t('catalog.field.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
      </Card>
      {footer}
    </Form>
  );
}
