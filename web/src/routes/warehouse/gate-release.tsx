import { CheckCircleTwoTone, CloseCircleTwoTone, SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Form, Input, List, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CARRIER_CODES,
  type GatePassBody,
  type Outbound,
  useGateActions,
  useGatePasses,
} from '../../api/outbound';
import { isApiError } from '../../api/problem';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useNotifyError } from '../../lib/use-notify-error';
import { ScanInput } from './scan-input';
import { useWarehouseChoice, WarehouseSelect } from './wave-list';
import { CarrierName, OutboundStatusTag } from './wave-tags';

/**
 * /warehouse/gate — the gate (门岗放行, 出门证): scan every parcel loaded on the truck; each order
 * shows whether it may leave (packed, every parcel checked, paid, COD or credit-approved) and why
 * not; the pass records vehicle, carrier and parcels, and the orders are shipped.
 */
export function GateReleasePage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const can = useCan();
  const choice = useWarehouseChoice();
  const warehouseId = choice.warehouseId;
  const actions = useGateActions();
  const passes = useGatePasses(warehouseId);
  const [load, setLoad] = useState<Outbound[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ message: string; issues: string[] } | null>(null);
  const [form] = Form.useForm<Omit<GatePassBody, 'warehouseId' | 'outboundIds'>>();
  const upsert = (o: Outbound) => setLoad((l) => [...l.filter((x) => x.id !== o.id), o]);

  const scan = (waybillNo: string) =>
    actions.scan.mutate(
      { warehouseId: warehouseId!, waybillNo },
      {
        onSuccess: (r) => {
          setError(null);
          upsert(r.outbound);
          if (!form.getFieldValue('carrier')) form.setFieldValue('carrier', r.outbound.carrier);
          message.success(t('outbound.parcelChecked', { n: r.parcel, number: r.outbound.orderNumber }), 1);
        },
        onError: (e) => setError(isApiError(e) ? e.message : String(e)),
      },
    );
  const credit = (o: Outbound) => {
    let note = '';
    modal.confirm({
      title: t('outbound.creditTitle', { order: o.orderNumber }),
      content: (
        <Input.TextArea
          rows={2}
          maxLength={300}
          placeholder={t('outbound.creditNote')}
          onChange={(e) => {
            note = e.target.value;
          }}
        />
      ),
      onOk: () =>
        actions.credit.mutateAsync({ id: o.id, note: note.trim() || '-' }).then(upsert, notifyError),
    });
  };
  const release = (values: Omit<GatePassBody, 'warehouseId' | 'outboundIds'>) =>
    actions.release.mutate(
      { ...values, warehouseId: warehouseId!, outboundIds: load.map((o) => o.id) },
      {
        onSuccess: (pass) => {
          message.success(t('outbound.passCreated', { number: pass.number, parcels: pass.parcels }));
          setLoad([]);
          setRefusal(null);
          form.resetFields();
        },
        onError: (e) => {
          if (isApiError(e) && e.status === 409)
            setRefusal({ message: e.message, issues: e.issues.map((i) => i.message) });
          else notifyError(e, form);
        },
      },
    );

  return (
    <>
      <PageHeader
        title={t('outbound.gateTitle')}
        subtitle={t('outbound.gateSubtitle')}
        extra={<WarehouseSelect choice={choice} />}
      />
      <Flex gap={16} wrap align="flex-start" style={{ marginBottom: 16 }}>
        <Card title={t('outbound.scanParcels')} style={{ flex: '2 1 520px' }}>
          <ScanInput
            onScan={scan}
            placeholder={t('outbound.scanWaybill')}
            disabled={!warehouseId || actions.scan.isPending}
            testId="gate-scan"
          />
          {error ? (
            <Alert
              type="error"
              showIcon
              title={<span style={{ fontSize: 16 }}>{error}</span>}
              style={{ marginTop: 8 }}
            />
          ) : null}
          <List
            style={{ marginTop: 12 }}
            dataSource={load}
            locale={{ emptyText: t('outbound.nothingLoaded') }}
            renderItem={(o) => {
              const checked = o.packages.filter((p) => p.gateCheckedAt).length;
              return (
                <List.Item
                  actions={[
                    o.gate.reasons.some((r) => r.code === 'unpaid') && can(PERM.gateCredit) ? (
                      <Button key="credit" size="small" onClick={() => credit(o)}>
                        {t('outbound.approveCredit')}
                      </Button>
                    ) : null,
                    <Button
                      key="remove"
                      size="small"
                      type="text"
                      onClick={() => setLoad((l) => l.filter((x) => x.id !== o.id))}
                    >
                      {t('outbound.remove')}
                    </Button>,
                  ]}
                >
                  <List.Item.Meta
                    avatar={
                      o.gate.ready ? (
                        <CheckCircleTwoTone twoToneColor="#52c41a" />
                      ) : (
                        <CloseCircleTwoTone twoToneColor="#f5222d" />
                      )
                    }
                    title={
                      <>
                        <span className="mono">{o.orderNumber}</span> <OutboundStatusTag value={o.status} />{' '}
                        <Tag>{t('outbound.checkedOf', { checked, total: o.packages.length })}</Tag>
                        <Tag
                          color={o.gate.paymentStatus === 'unpaid' && !o.creditApprovedAt ? 'red' : 'green'}
                        >
                          {t(
                            `outbound.payment.${(o.gate.paymentStatus ?? 'unknown') as 'paid' | 'cod' | 'unpaid' | 'unknown'}`,
                          )}
                          {o.creditApprovedAt ? ` · ${t('outbound.creditApproved')}` : ''}
                        </Tag>
                      </>
                    }
                    description={o.gate.reasons.map((r) => (
                      <div key={r.code}>
                        <Typography.Text type="danger">{r.message}</Typography.Text>
                      </div>
                    ))}
                  />
                </List.Item>
              );
            }}
          />
        </Card>
        <Card title={t('outbound.gatePass')} style={{ flex: '1 1 320px' }}>
          {refusal ? (
            <Alert
              type="error"
              showIcon
              title={refusal.message}
              description={
                refusal.issues.length > 1 ? refusal.issues.map((i) => <div key={i}>{i}</div>) : undefined
              }
              style={{ marginBottom: 12 }}
              data-testid="gate-refusal"
            />
          ) : null}
          <Form form={form} layout="vertical" onFinish={release} disabled={!can(PERM.gate)}>
            <Form.Item
              name="vehiclePlate"
              label={t('outbound.vehiclePlate')}
              rules={[{ required: true, min: 5, max: 12 }]}
            >
              <Input placeholder="沪A·12345" />
            </Form.Item>
            <Form.Item name="carrier" label={t('outbound.col.carrier')} rules={[{ required: true }]}>
              <Select options={CARRIER_CODES.map((c) => ({ value: c, label: t(`outbound.carrier.${c}`) }))} />
            </Form.Item>
            <Form.Item name="driverName" label={t('outbound.driver')}>
              <Input maxLength={40} />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<SafetyCertificateOutlined />}
              disabled={!load.length}
              loading={actions.release.isPending}
              block
            >
              {t('outbound.releaseGate', { count: load.length })}
            </Button>
          </Form>
        </Card>
      </Flex>
      <Card title={t('outbound.gatePasses')}>
        <Table
          rowKey="id"
          size="small"
          loading={passes.isLoading}
          dataSource={passes.data ?? []}
          pagination={false}
          columns={[
            {
              title: t('outbound.col.number'),
              dataIndex: 'number',
              render: (n: string) => <span className="mono">{n}</span>,
            },
            { title: t('outbound.col.at'), dataIndex: 'at', render: (v: string) => <DateTime value={v} /> },
            {
              title: t('outbound.col.carrier'),
              key: 'carrier',
              render: (_, p) => <CarrierName code={p.carrier} fallback={p.carrierName} />,
            },
            { title: t('outbound.vehiclePlate'), dataIndex: 'vehiclePlate' },
            { title: t('outbound.driver'), dataIndex: 'driverName', render: (d: string | null) => d ?? '—' },
            { title: t('outbound.col.parcels'), dataIndex: 'parcels', align: 'right' },
            { title: t('outbound.col.actor'), dataIndex: 'actorName' },
          ]}
        />
      </Card>
    </>
  );
}
