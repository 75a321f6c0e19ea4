import {
  CopyOutlined,
  FileExcelOutlined,
  FilePdfOutlined,
  FlagOutlined,
  StopOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Progress,
  Row,
  Skeleton,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import {
  cancelRoutePlan,
  finishRoutePlan,
  isPlanFinished,
  type PlanProgress,
  type RoutePlanDetail,
  sheetPath,
  type Unassigned,
  usePlanProgress,
  useRoutePlan,
} from '../../api/transport';
import { EChart } from '../../components/echart';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useDownload } from '../../lib/use-download';
import { useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { loadOption, progressOption, timelineOption } from './plan-charts';
import { formatYuan } from './plan-units';
import { PlanStatusTag } from './route-plans';
import { RoutePlot } from './route-plot';
import { RouteTable } from './route-table';

function ProgressCard({ detail, live }: { detail: RoutePlanDetail; live: PlanProgress | null }) {
  const { t } = useTranslation();
  const running = !isPlanFinished(live?.status ?? detail.status);
  const progress = live ?? {
    status: detail.status,
    progress: detail.progress,
    series: detail.progressSeries,
    timeLimitSeconds: detail.timeLimitSeconds,
  };
  const series = detail.result?.history ?? progress.series;
  const last = series[series.length - 1];
  const elapsedS = running ? progress.progress * detail.timeLimitSeconds : undefined;
  return (
    <Card
      size="small"
      title={t('routePlan.detail.progress')}
      extra={
        detail.result ? (
          // The plan's own cost: the scheduled times (waiting between split windows) can add to the search's figure.
          <Typography.Text data-testid="plan-best">
            {t('routePlan.detail.final', {
              cost: (detail.result.totals.costFen / 100).toFixed(2),
              vehicles: detail.result.totals.vehicles,
            })}
          </Typography.Text>
        ) : last ? (
          <Typography.Text data-testid="plan-best">
            {t('routePlan.detail.best', { cost: (last.costFen / 100).toFixed(2), vehicles: last.vehicles })}
          </Typography.Text>
        ) : null
      }
    >
      {running ? (
        <Progress
          percent={Math.round(progress.progress * 100)}
          status="active"
          format={() => `${Math.round(elapsedS ?? 0)} / ${detail.timeLimitSeconds} s`}
        />
      ) : null}
      {series.length ? (
        <EChart
          height={220}
          data-testid="plan-progress-chart"
          option={progressOption(series, {
            elapsedS,
            limitS: detail.timeLimitSeconds,
            costLabel: t('routePlan.detail.cost'),
            vehiclesLabel: t('routePlan.detail.vehicles'),
            secondsLabel: t('routePlan.detail.seconds'),
          })}
        />
      ) : (
        <Typography.Paragraph type="secondary" style={{ margin: '12px 0' }}>
          {running ? t('routePlan.detail.waitingFirst') : t('routePlan.detail.noSeries')}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function UnassignedList({ items }: { items: Unassigned[] }) {
  const { t } = useTranslation();
  return (
    <Table<Unassigned>
      size="small"
      rowKey="id"
      data-testid="plan-unassigned"
      pagination={false}
      dataSource={items}
      locale={{ emptyText: t('routePlan.detail.allServed') }}
      columns={[
        {
          key: 'id',
          title: t('routePlan.stop.id'),
          dataIndex: 'id',
          width: 120,
          render: (v, u) => <span className="mono">{u.orderNumber ?? v}</span>,
        },
        { key: 'name', title: t('routePlan.stop.name'), dataIndex: 'name', width: 240 },
        {
          key: 'reason',
          title: t('routePlan.detail.reason'),
          render: (_, u) => (
            <span>
              <Typography.Text strong>{t(`routePlan.reason.${u.reason}`)}</Typography.Text>
              <Typography.Text type="secondary"> — {u.message}</Typography.Text>
            </span>
          ),
        },
      ]}
    />
  );
}

function Result({ detail }: { detail: RoutePlanDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const result = detail.result!;
  const totals = result.totals;
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card size="small">
        <Row gutter={16}>
          <Col xs={12} md={5}>
            <Statistic
              title={t('routePlan.detail.vehicles')}
              value={totals.vehicles}
              suffix={`/ ${totals.byVehicle.reduce((s, v) => s + v.available, 0)}`}
            />
          </Col>
          <Col xs={12} md={5}>
            <Statistic
              title={t('routePlan.detail.served')}
              value={totals.served}
              suffix={`/ ${totals.stops}`}
            />
          </Col>
          <Col xs={12} md={5}>
            <Statistic title={t('routePlan.detail.distance')} value={totals.km} precision={1} suffix="km" />
          </Col>
          <Col xs={12} md={5}>
            <Statistic title={t('routePlan.detail.cost')} value={formatYuan(totals.costFen, lang)} />
          </Col>
          <Col xs={12} md={4}>
            <Statistic
              title={t('routePlan.detail.unassigned')}
              value={totals.unassigned}
              valueStyle={totals.unassigned ? { color: '#cf1322' } : undefined}
            />
          </Col>
        </Row>
      </Card>
      {totals.approximate ? (
        <Alert
          type="warning"
          showIcon
          data-testid="plan-approximate"
          title={t('dispatch.approxNote', { count: totals.approximate })}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('routePlan.detail.plot')}>
            <RoutePlot detail={detail} result={result} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('routePlan.detail.load')}>
            <EChart
              height={Math.max(220, 44 * result.routes.length + 60)}
              data-testid="load-bars"
              option={loadOption(result.routes, {
                weightG: t('routePlan.detail.weight'),
                volumeCm3: t('routePlan.detail.volume'),
                items: t('routePlan.stop.items'),
              })}
            />
          </Card>
        </Col>
      </Row>
      {result.routes.length ? (
        <Card size="small" title={t('routePlan.detail.timeline')}>
          <EChart
            height={Math.max(180, 36 * result.routes.length + 60)}
            data-testid="route-timeline"
            option={timelineOption(result.routes, {
              drive: t('routePlan.detail.drive'),
              wait: t('routePlan.detail.wait'),
              service: t('routePlan.detail.service'),
            })}
          />
        </Card>
      ) : null}
      <Card size="small" title={t('routePlan.detail.routes')}>
        <RouteTable detail={detail} />
      </Card>
      <Card size="small" title={`${t('routePlan.detail.unassigned')} (${result.unassigned.length})`}>
        <UnassignedList items={result.unassigned} />
      </Card>
    </Space>
  );
}

/** /transport/route-plans/:id — follow the search live, then read and print the plan. */
export function RoutePlanDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const can = useCan();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const { download, busy } = useDownload();
  const query = useRoutePlan(id);
  const [acting, setActing] = useState<'finish' | 'cancel' | null>(null);
  const detail = query.data;
  const live = usePlanProgress(detail?.id, Boolean(detail) && !isPlanFinished(detail?.status));

  if (query.error) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  if (!detail) return <Skeleton active />;

  // The stream is newer than the detail until the detail is refetched at the end.
  const status = live && !isPlanFinished(detail.status) ? live.status : detail.status;
  const stopRequested = live?.stopRequested ?? detail.stopRequested;
  const running = !isPlanFinished(status);
  const act = async (kind: 'finish' | 'cancel') => {
    setActing(kind);
    try {
      await (kind === 'finish' ? finishRoutePlan(detail.id) : cancelRoutePlan(detail.id));
      await query.refetch();
    } catch (error) {
      notifyError(error);
    } finally {
      setActing(null);
    }
  };
  const mayRun = can(PERM.routePlanRun);

  return (
    <>
      <PageHeader
        title={`${detail.number} · ${detail.name}`}
        backTo="/transport/route-plans"
        tags={<PlanStatusTag status={status} />}
        subtitle={t('routePlan.detail.subtitle', {
          stops: detail.stopCount,
          fleet: detail.fleetSize,
          date: detail.deliveryDate ?? '—',
          by: detail.createdByName,
        })}
        extra={
          <>
            {running && mayRun ? (
              <>
                <Button
                  icon={<FlagOutlined />}
                  disabled={status !== 'running' || stopRequested}
                  loading={acting === 'finish'}
                  onClick={() => act('finish')}
                  data-testid="plan-finish"
                >
                  {t('routePlan.detail.finishNow')}
                </Button>
                <Button
                  danger
                  icon={<StopOutlined />}
                  loading={acting === 'cancel'}
                  data-testid="plan-cancel"
                  onClick={() =>
                    modal.confirm({
                      title: t('routePlan.detail.cancelConfirm'),
                      okButtonProps: { danger: true },
                      onOk: () => act('cancel'),
                    })
                  }
                >
                  {t('routePlan.detail.cancel')}
                </Button>
              </>
            ) : null}
            {detail.status === 'succeeded' ? (
              <>
                <Button
                  icon={<FilePdfOutlined />}
                  loading={busy === sheetPath(detail.id, 'pdf')}
                  onClick={() => download(sheetPath(detail.id, 'pdf'), `${detail.number}.pdf`)}
                  data-testid="sheet-pdf"
                >
                  {t('routePlan.detail.sheetPdf')}
                </Button>
                <Button
                  icon={<FileExcelOutlined />}
                  loading={busy === sheetPath(detail.id, 'xlsx')}
                  onClick={() => download(sheetPath(detail.id, 'xlsx'), `${detail.number}.xlsx`)}
                  data-testid="sheet-xlsx"
                >
                  {t('routePlan.detail.sheetXlsx')}
                </Button>
              </>
            ) : null}
            {mayRun ? (
              <Button
                icon={<CopyOutlined />}
                onClick={() => navigate(`/transport/route-plans/new?from=${detail.id}`)}
              >
                {t('routePlan.detail.editCopy')}
              </Button>
            ) : null}
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {detail.status === 'failed' ? (
          <Alert
            type="error"
            showIcon
            title={t('routePlan.detail.failed')}
            description={detail.error?.message}
          />
        ) : null}
        {detail.status === 'cancelled' ? (
          <Alert type="warning" showIcon title={t('routePlan.detail.cancelled')} />
        ) : null}
        {stopRequested && running ? (
          <Alert type="info" showIcon title={t('routePlan.detail.finishing')} />
        ) : null}
        <ProgressCard detail={detail} live={live} />
        {detail.status === 'succeeded' && detail.result ? (
          <Result detail={detail} />
        ) : (
          <Flex justify="center" style={{ padding: 24 }}>
            <Typography.Text type="secondary">
              {running ? t('routePlan.detail.running') : null}
            </Typography.Text>
          </Flex>
        )}
      </Space>
    </>
  );
}
