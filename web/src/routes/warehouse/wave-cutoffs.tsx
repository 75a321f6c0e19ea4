import { App, Button, Drawer, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CARRIER_CODES, type Cutoff, useCutoffs, useWaveActions } from '../../api/outbound';
import { useNotifyError } from '../../lib/use-notify-error';

type Row = Pick<Cutoff, 'serviceType' | 'carrier' | 'cutoffLocal'>;

/**
 * The warehouse's carrier per service type and the time their last truck leaves (截单时间): new
 * outbound orders take their carrier and cut-off from here, and waves are grouped by it.
 */
export function WaveCutoffsDrawer({
  warehouseId,
  open,
  onClose,
  canWrite,
}: {
  warehouseId: string;
  open: boolean;
  onClose: () => void;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const cutoffs = useCutoffs(open ? warehouseId : undefined);
  const save = useWaveActions().cutoffs;
  const [form] = Form.useForm<{ rows: Row[] }>();
  useEffect(() => {
    if (cutoffs.data)
      form.setFieldsValue({
        rows: cutoffs.data.map(({ serviceType, carrier, cutoffLocal }) => ({
          serviceType,
          carrier,
          cutoffLocal,
        })),
      });
  }, [cutoffs.data, form]);

  const submit = (values: { rows: Row[] }) =>
    save.mutate(
      { warehouseId, rows: values.rows as never },
      {
        onSuccess: () => {
          message.success(t('outbound.cutoffsSaved'));
          void cutoffs.refetch();
        },
        onError: (e) => notifyError(e, form),
      },
    );

  return (
    <Drawer open={open} onClose={onClose} title={t('outbound.cutoffs')} size={560} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('outbound.cutoffsHint')}</Typography.Paragraph>
      <Form form={form} onFinish={submit} disabled={!canWrite}>
        <Form.List name="rows">
          {(fields) => (
            <Table
              rowKey="key"
              size="small"
              pagination={false}
              loading={cutoffs.isLoading}
              dataSource={fields}
              columns={[
                {
                  title: t('outbound.col.service'),
                  key: 'service',
                  render: (_, f) => (
                    <>
                      {t(
                        `outbound.service.${form.getFieldValue(['rows', f.name, 'serviceType']) as Row['serviceType']}`,
                      )}{' '}
                      {cutoffs.data?.[f.name]?.custom ? null : <Tag>{t('outbound.default')}</Tag>}
                    </>
                  ),
                },
                {
                  title: t('outbound.col.carrier'),
                  key: 'carrier',
                  render: (_, f) => (
                    <Form.Item name={[f.name, 'carrier']} noStyle>
                      <Select
                        style={{ width: 150 }}
                        options={CARRIER_CODES.map((c) => ({ value: c, label: t(`outbound.carrier.${c}`) }))}
                      />
                    </Form.Item>
                  ),
                },
                {
                  title: t('outbound.col.cutoffLocal'),
                  key: 'cutoff',
                  render: (_, f) => (
                    <Form.Item
                      name={[f.name, 'cutoffLocal']}
                      noStyle
                      rules={[{ pattern: /^([01]\d|2[0-3]):[0-5]\d$/ }]}
                    >
                      <Input style={{ width: 90 }} className="mono" placeholder="17:00" />
                    </Form.Item>
                  ),
                },
              ]}
            />
          )}
        </Form.List>
        {canWrite ? (
          <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 16 }}>
            {t('outbound.save')}
          </Button>
        ) : null}
      </Form>
    </Drawer>
  );
}
