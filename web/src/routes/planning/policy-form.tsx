import { QuestionCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Form, InputNumber, Row, Space, Tag, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Policy, resetPolicy, savePolicy } from '../../api/planning';
import { useNotifyError } from '../../lib/use-notify-error';

interface Values {
  serviceLevel: number;
  leadTimeDays: number;
  leadTimeSdDays: number;
  reviewPeriodDays: number;
  moq: number;
  packSize: number;
  orderingCostYuan: number;
  holdingRate: number;
  unitCostYuan: number | null;
}

const toValues = (p: Policy): Values => ({
  serviceLevel: p.serviceLevel,
  leadTimeDays: p.leadTimeDays,
  leadTimeSdDays: p.leadTimeSdDays,
  reviewPeriodDays: p.reviewPeriodDays,
  moq: p.moq,
  packSize: p.packSize,
  orderingCostYuan: p.orderingCostFen / 100,
  holdingRate: p.holdingRate,
  unitCostYuan: p.unitCostFen === null ? null : p.unitCostFen / 100,
});

/** The replenishment policy of one SKU × warehouse: edit (money in yuan here, fen on the wire) or reset. */
export function PolicyForm({ policy, editable }: { policy: Policy; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);

  useEffect(() => form.setFieldsValue(toValues(policy)), [form, policy]);

  const save = async (v: Values) => {
    setSaving(true);
    try {
      await savePolicy(policy.skuId, policy.warehouseId, {
        serviceLevel: v.serviceLevel,
        leadTimeDays: v.leadTimeDays,
        leadTimeSdDays: v.leadTimeSdDays,
        reviewPeriodDays: v.reviewPeriodDays,
        moq: v.moq,
        packSize: v.packSize,
        orderingCostFen: Math.round(v.orderingCostYuan * 100),
        holdingRate: v.holdingRate,
        unitCostFen:
          v.unitCostYuan === null || v.unitCostYuan === undefined ? null : Math.round(v.unitCostYuan * 100),
        version: policy.version,
      });
      message.success(t('planning.policy.saved'));
      await queryClient.invalidateQueries({ queryKey: ['planning', 'series'] });
    } catch (error) {
      notifyError(error, form);
    } finally {
      setSaving(false);
    }
  };

  const reset = async () => {
    try {
      await resetPolicy(policy.skuId, policy.warehouseId);
      message.success(t('planning.policy.resetDone'));
      await queryClient.invalidateQueries({ queryKey: ['planning', 'series'] });
    } catch (error) {
      notifyError(error);
    }
  };

  const num = (name: keyof Values, label: string, props: Record<string, unknown> = {}) => (
    <Col xs={24} sm={12}>
      <Form.Item name={name} label={label} rules={name === 'unitCostYuan' ? [] : [{ required: true }]}>
        <InputNumber style={{ width: '100%' }} disabled={!editable} {...props} />
      </Form.Item>
    </Col>
  );

  return (
    <Card
      className="page-section"
      title={
        <Space>
          {t('planning.policy.title')}
          <Tag color={policy.source === 'entered' ? 'blue' : 'default'}>
            {t(`planning.policy.source.${policy.source}`)}
          </Tag>
          <Tooltip title={t('planning.policy.help')}>
            <QuestionCircleOutlined />
          </Tooltip>
        </Space>
      }
    >
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)} data-testid="policy-form">
        <Row gutter={12}>
          {num('serviceLevel', t('planning.policy.serviceLevel'), { min: 0.5, max: 0.9999, step: 0.01 })}
          {num('reviewPeriodDays', t('planning.policy.reviewPeriodDays'), { min: 0, max: 365, precision: 0 })}
          {num('leadTimeDays', t('planning.policy.leadTimeDays'), { min: 0, max: 365, step: 0.5 })}
          {num('leadTimeSdDays', t('planning.policy.leadTimeSdDays'), { min: 0, max: 180, step: 0.5 })}
          {num('moq', t('planning.policy.moq'), { min: 0, precision: 0 })}
          {num('packSize', t('planning.policy.packSize'), { min: 1, precision: 0 })}
          {num('orderingCostYuan', t('planning.policy.orderingCost'), { min: 0, precision: 2 })}
          {num('holdingRate', t('planning.policy.holdingRate'), { min: 0, max: 5, step: 0.05 })}
          {num('unitCostYuan', t('planning.policy.unitCost'), { min: 0, precision: 2 })}
        </Row>
        {editable ? (
          <Space>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="policy-save">
              {t('planning.policy.save')}
            </Button>
            {policy.source === 'entered' ? (
              <Button onClick={() => void reset()}>{t('planning.policy.reset')}</Button>
            ) : null}
          </Space>
        ) : null}
      </Form>
    </Card>
  );
}
