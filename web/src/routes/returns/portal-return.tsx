import {
  Alert,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/problem';
import {
  type PortalCreated,
  type PortalView,
  portalLookup,
  portalRequest,
  RETURN_CONDITIONS,
  RETURN_REASONS,
} from '../../api/returns';
import { PortalShell } from '../../components/portal-shell';
import { useDocumentTitle } from '../../lib/use-document-title';
import { applyIssuesToForm } from '../../lib/use-notify-error';
import { ReturnStatusTag } from './return-tags';

/**
 * /portal/return — the consumer's return request, without an account: order number plus the last
 * four digits of the phone (the same proof and attempt limits as the tracking lookup), then the
 * units, the reason and the state of the goods. Rule breaks come back per field, in zh-CN or en.
 */
export function PortalReturnPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('returns.portal.title'));
  const [proof, setProof] = useState<{ number: string; phoneLast4: string } | null>(null);
  const [view, setView] = useState<PortalView | null>(null);
  const [created, setCreated] = useState<PortalCreated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [lookupForm] = Form.useForm();
  const [form] = Form.useForm();

  const fail = (e: unknown, f: typeof form) => {
    const leftover = isApiError(e) ? applyIssuesToForm(f, e.issues) : [];
    setError(
      isApiError(e)
        ? [e.message, ...leftover.map((i) => i.message)].filter(Boolean).join(' ')
        : t('errors.unknown'),
    );
  };
  const lookup = async (values: { number: string; phoneLast4: string }) => {
    setBusy(true);
    setError(null);
    try {
      setView(await portalLookup(values));
      setProof(values);
      setCreated(null);
      form.resetFields();
    } catch (e) {
      fail(e, lookupForm);
    } finally {
      setBusy(false);
    }
  };
  const submit = async () => {
    if (!proof || !view) return;
    const v = await form.validateFields();
    const lines = view.lines
      .map((l) => ({ lineNo: l.lineNo, qty: (v[`qty${l.lineNo}`] as number | undefined) ?? 0 }))
      .filter((l) => l.qty > 0);
    setBusy(true);
    setError(null);
    try {
      const done = await portalRequest({
        ...proof,
        reason: v.reason,
        condition: v.condition,
        resolution: v.resolution,
        ...(v.note ? { note: v.note } : {}),
        lines,
      });
      setCreated(done);
      setView(await portalLookup(proof));
    } catch (e) {
      fail(e, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <PortalShell
      title={t('returns.portal.title')}
      link={
        <Link to="/portal/track" data-testid="return-to-track">
          {t('track.links.track')}
        </Link>
      }
    >
      <Card className="page-section">
        <Typography.Paragraph type="secondary">{t('returns.portal.subtitle')}</Typography.Paragraph>
        <Form form={lookupForm} layout="inline" onFinish={(v) => void lookup(v)}>
          <Form.Item name="number" rules={[{ required: true, message: t('returns.form.required') }]}>
            <Input
              placeholder={t('returns.portal.orderNumber')}
              data-testid="portal-number"
              style={{ width: 240 }}
            />
          </Form.Item>
          <Form.Item
            name="phoneLast4"
            rules={[{ required: true, pattern: /^\d{4}$/, message: t('returns.portal.phoneLast4') }]}
          >
            <Input
              placeholder={t('returns.portal.phoneLast4')}
              maxLength={4}
              data-testid="portal-phone"
              style={{ width: 160 }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy && !view} data-testid="portal-lookup">
            {t('returns.portal.lookup')}
          </Button>
        </Form>
      </Card>
      {error ? (
        <Alert type="error" showIcon className="page-section" title={error} data-testid="portal-error" />
      ) : null}
      {created ? (
        <Result
          status="success"
          title={created.number}
          subTitle={t('returns.portal.submitted', { number: created.number })}
          data-testid="portal-created"
          extra={<Button onClick={() => setCreated(null)}>{t('returns.portal.another')}</Button>}
        />
      ) : null}
      {view && !created ? (
        <Card
          className="page-section"
          title={
            <Space>
              <span className="mono">{view.orderNumber}</span>
              <Typography.Text type="secondary">
                {view.region} · {view.phoneMasked}
              </Typography.Text>
            </Space>
          }
        >
          {view.returnable ? (
            <Typography.Paragraph>
              {t('returns.portal.deadline', { deadline: view.deadline, defect: view.defectDeadline })}
            </Typography.Paragraph>
          ) : (
            <Alert
              type="info"
              showIcon
              title={t('returns.portal.notReturnable')}
              style={{ marginBottom: 16 }}
            />
          )}
          <Form
            form={form}
            layout="vertical"
            disabled={!view.returnable}
            initialValues={{ reason: 'quality', condition: 'opened', resolution: 'refund' }}
          >
            <Table
              size="small"
              rowKey="lineNo"
              pagination={false}
              dataSource={view.lines}
              columns={[
                {
                  key: 'sku',
                  title: t('returns.detail.sku'),
                  render: (_, l) => (
                    <Space wrap>
                      {l.skuName ?? l.skuCode}
                      {l.perishable ? <Tag color="cyan">{t('returns.portal.perishable')}</Tag> : null}
                    </Space>
                  ),
                },
                {
                  key: 'left',
                  title: '',
                  render: (_, l) => t('returns.form.returnable', { n: l.returnableQty }),
                },
                {
                  key: 'qty',
                  title: t('returns.form.lines'),
                  width: 120,
                  render: (_, l) => (
                    <Form.Item name={`qty${l.lineNo}`} noStyle>
                      <InputNumber
                        min={0}
                        max={l.returnableQty}
                        precision={0}
                        disabled={!l.returnableQty}
                        data-testid={`portal-qty-${l.lineNo}`}
                      />
                    </Form.Item>
                  ),
                },
              ]}
            />
            <Space wrap size={16} style={{ marginTop: 16 }}>
              <Form.Item name="reason" label={t('returns.form.reason')}>
                <Select
                  style={{ width: 180 }}
                  data-testid="portal-reason"
                  options={RETURN_REASONS.map((r) => ({ value: r, label: t(`returns.reason.${r}`) }))}
                />
              </Form.Item>
              <Form.Item name="condition" label={t('returns.form.condition')}>
                <Select
                  style={{ width: 140 }}
                  options={RETURN_CONDITIONS.map((c) => ({ value: c, label: t(`returns.condition.${c}`) }))}
                />
              </Form.Item>
              <Form.Item name="resolution" label={t('returns.form.resolution')}>
                <Radio.Group
                  options={(['refund', 'exchange'] as const).map((r) => ({
                    value: r,
                    label: t(`returns.resolution.${r}`),
                  }))}
                />
              </Form.Item>
            </Space>
            <Form.Item name="note" label={t('returns.form.note')}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="portal-submit">
              {t('returns.portal.submit')}
            </Button>
          </Form>
        </Card>
      ) : null}
      {view?.returns.length ? (
        <Card className="page-section" title={t('returns.portal.earlier')} size="small">
          {view.returns.map((r) => (
            <Flex key={r.number} gap={8} align="center" style={{ padding: '4px 0' }}>
              <span className="mono">{r.number}</span>
              <ReturnStatusTag status={r.status} />
              <span>{t(`returns.reason.${r.reason}`)}</span>
            </Flex>
          ))}
        </Card>
      ) : null}
    </PortalShell>
  );
}
