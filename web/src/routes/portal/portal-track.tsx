import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Spin, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/problem';
import { PortalShell } from '../../components/portal-shell';
import { useDocumentTitle } from '../../lib/use-document-title';
import { type TrackBody, trackOrder } from './track-api';
import { TrackJourney } from './track-journey';

interface Failure {
  message: string;
  requestId?: string;
  limited?: boolean;
}

/** What went wrong, for a consumer: the server's (already localised) words where it has them. */
function describeError(e: unknown, t: TFunction): Failure {
  if (!isApiError(e)) return { message: t('track.serverError') };
  if (e.status === 0) return { message: t('track.network') };
  if (e.status === 429) return { message: t('track.rateLimited'), limited: true };
  if (e.status >= 500 || !e.problem)
    return { message: t('track.serverError'), requestId: e.problem?.requestId };
  return { message: [e.message, ...e.issues.map((i) => i.message)].filter(Boolean).join(' ') };
}

/**
 * /portal/track — the consumer's tracking page, without an account: order number (which may come
 * from a merchant's link, `?no=SO…`) plus the last four digits of the phone, then the journey of the
 * order, or of each parcel when it was split. The four digits never go into the URL.
 */
export function PortalTrackPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('track.title'));
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<TrackBody>();
  const lookup = useMutation({ mutationFn: trackOrder });
  const initialNumber = params.get('no')?.trim() ?? '';

  const submit = (values: TrackBody) => {
    const number = values.number.trim();
    if (params.get('no') !== number) setParams({ no: number }, { replace: true });
    lookup.mutate({ number, phoneLast4: values.phoneLast4 });
  };
  const failure = lookup.isError ? describeError(lookup.error, t) : null;

  return (
    <PortalShell
      title={t('track.title')}
      link={
        <Link to="/portal/return" data-testid="track-to-return">
          {t('track.links.return')}
        </Link>
      }
    >
      <Card className="page-section">
        <Typography.Paragraph type="secondary">{t('track.subtitle')}</Typography.Paragraph>
        <Form<TrackBody>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ number: initialNumber, phoneLast4: '' }}
          onFinish={submit}
        >
          <Row gutter={16} align="bottom">
            <Col xs={24} sm={12}>
              <Form.Item
                name="number"
                label={t('track.orderNumber')}
                rules={[{ required: true, whitespace: true, message: t('track.orderNumberRequired') }]}
              >
                <Input
                  autoComplete="off"
                  autoFocus={!initialNumber}
                  maxLength={40}
                  className="mono"
                  placeholder="SO…"
                  data-testid="track-number-input"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={6}>
              <Form.Item
                name="phoneLast4"
                label={t('track.phoneLast4')}
                rules={[{ required: true, pattern: /^\d{4}$/, message: t('track.phoneLast4Invalid') }]}
              >
                <Input
                  autoComplete="off"
                  autoFocus={!!initialNumber}
                  inputMode="numeric"
                  maxLength={4}
                  placeholder="1234"
                  data-testid="track-phone-input"
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={6}>
              <Form.Item>
                <Button
                  type="primary"
                  htmlType="submit"
                  block
                  loading={lookup.isPending}
                  data-testid="track-submit"
                >
                  {t('track.submit')}
                </Button>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Card>
      {lookup.isPending ? (
        <Flex justify="center" align="center" gap={12} className="page-section" data-testid="track-loading">
          <Spin />
          <Typography.Text type="secondary">{t('track.looking')}</Typography.Text>
        </Flex>
      ) : null}
      {failure ? (
        <Alert
          type={failure.limited ? 'warning' : 'error'}
          showIcon
          className="page-section"
          title={<span data-testid="track-error-message">{failure.message}</span>}
          description={failure.requestId ? t('track.requestId', { id: failure.requestId }) : undefined}
          data-testid="track-error"
        />
      ) : null}
      {lookup.isSuccess ? <TrackJourney view={lookup.data} /> : null}
    </PortalShell>
  );
}
