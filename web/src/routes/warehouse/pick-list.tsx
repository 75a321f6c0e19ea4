import { PrinterOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Progress,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type PickList, type PickTask, usePickActions, usePickList } from '../../api/outbound';
import { isApiError } from '../../api/problem';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { PickMap } from './pick-map';
import { ScanInput, type ScanInputHandle } from './scan-input';
import { metres, PickListStatusTag, TaskStatusTag, TemperatureTag } from './wave-tags';

type Step = 'bin' | 'sku' | 'lot' | 'qty';
const open = (t: PickTask) => t.qty - t.pickedQty - t.shortQty;

/**
 * /warehouse/pick-lists/:id — the pick list on a handheld with a keyboard-wedge scanner: the next
 * bin in path order in big letters, then scan bin → goods → lot → quantity. A wrong scan is refused
 * by the server (and counted) and shown in red; a short pick raises a count and re-allocation.
 */
export function PickListPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const list = usePickList(id);
  const actions = usePickActions(id ?? '');
  const [taskId, setTaskId] = useState<string | null>(null);
  const [step, setStep] = useState<Step>('bin');
  const [scans, setScans] = useState<{ bin?: string; sku?: string; lot?: string }>({});
  const [qty, setQty] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shortOpen, setShortOpen] = useState(false);
  const scanInput = useRef<ScanInputHandle>(null);
  const l = list.data;
  const task = l?.tasks.find((x) => x.id === (taskId ?? l.nextTaskId) && x.status === 'open');

  // biome-ignore lint/correctness/useExhaustiveDependencies: start over whenever another task comes up
  useEffect(() => {
    setStep('bin');
    setScans({});
    setQty(task ? open(task) : null);
    setError(null);
  }, [task?.id]);

  if (list.isError && !l) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  if (!l) return <Card loading />;
  const canPick = can(PERM.pick) && l.status !== 'done' && l.status !== 'cancelled';

  const fail = (e: unknown) => {
    setError(isApiError(e) ? e.message : String(e));
    setTimeout(() => scanInput.current?.focus(), 0);
  };
  const next = (res: { pickList: PickList }) => {
    setTaskId(null);
    setError(null);
    if (!res.pickList.nextTaskId) message.success(t('outbound.listDone'));
    setTimeout(() => scanInput.current?.focus(), 0);
  };
  const onScan = (code: string) => {
    if (!task) return;
    const body =
      step === 'bin'
        ? { binBarcode: code }
        : step === 'sku'
          ? { binBarcode: scans.bin!, skuBarcode: code }
          : { binBarcode: scans.bin!, skuBarcode: scans.sku!, lotCode: code };
    actions.scan.mutate(
      { taskId: task.id, body },
      {
        onSuccess: () => {
          setError(null);
          if (step === 'bin') {
            setScans({ bin: code });
            setStep('sku');
          } else if (step === 'sku') {
            setScans((s) => ({ ...s, sku: code }));
            setStep(task.lotCode ? 'lot' : 'qty');
          } else {
            setScans((s) => ({ ...s, lot: code }));
            setStep('qty');
          }
        },
        onError: fail,
      },
    );
  };
  const confirm = () => {
    if (!task || !qty) return;
    actions.confirm.mutate(
      {
        taskId: task.id,
        body: { binBarcode: scans.bin!, skuBarcode: scans.sku!, lotCode: scans.lot ?? null, qty },
      },
      { onSuccess: next, onError: fail },
    );
  };
  const steps: Step[] = task?.lotCode ? ['bin', 'sku', 'lot', 'qty'] : ['bin', 'sku', 'qty'];
  const done = l.tasks.filter((x) => x.status !== 'open' && x.status !== 'cancelled').length;
  const live = l.tasks.filter((x) => x.status !== 'cancelled').length;

  return (
    <>
      <PageHeader
        title={t('outbound.pickListTitle', { number: l.number })}
        subtitle={t('outbound.pickListSubtitle', { wave: l.waveNumber, zone: l.zoneCode ?? '—' })}
        tags={
          <>
            <PickListStatusTag value={l.status} /> <TemperatureTag value={l.temperatureClass} />
            {l.supplementary ? <Tag color="orange">{t('outbound.supplementary')}</Tag> : null}
          </>
        }
        backTo={`/warehouse/waves/${l.waveId}`}
        extra={
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            {t('outbound.print')}
          </Button>
        }
      />
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        <Card style={{ flex: '1 1 380px' }} title={t('outbound.nextBin')} extra={`${done} / ${live}`}>
          <Progress
            percent={live ? Math.round((done / live) * 100) : 100}
            showInfo={false}
            style={{ marginTop: -8 }}
          />
          {task ? (
            <>
              <div
                className="mono"
                style={{ fontSize: 52, fontWeight: 700, lineHeight: 1.1 }}
                data-testid="pick-next-bin"
              >
                {task.binCode}
              </div>
              <div style={{ fontSize: 22, marginTop: 8 }}>
                <span className="mono">{task.skuCode}</span> {task.skuName}
              </div>
              {task.lotCode ? (
                <div style={{ fontSize: 20 }}>
                  {t('outbound.lot')}: <span className="mono">{task.lotCode}</span>
                </div>
              ) : null}
              <div style={{ fontSize: 30, fontWeight: 600, marginTop: 4 }}>
                {t('outbound.pickQty', { count: open(task) })}
              </div>
              <Steps
                size="small"
                current={steps.indexOf(step)}
                items={steps.map((s) => ({ title: t(`outbound.step.${s}`) }))}
                style={{ margin: '16px 0' }}
              />
              {error ? (
                <Alert
                  type="error"
                  showIcon
                  title={<span style={{ fontSize: 18 }}>{error}</span>}
                  style={{ marginBottom: 12 }}
                  data-testid="pick-error"
                />
              ) : null}
              {canPick && step !== 'qty' ? (
                <ScanInput
                  ref={scanInput}
                  onScan={onScan}
                  placeholder={t(`outbound.scanPrompt.${step}`)}
                  disabled={actions.scan.isPending}
                  testId="pick-scan"
                />
              ) : null}
              {canPick && step === 'qty' ? (
                <Flex gap={8}>
                  <InputNumber
                    autoFocus
                    size="large"
                    min={1}
                    max={open(task)}
                    precision={0}
                    value={qty}
                    onChange={setQty}
                    onPressEnter={confirm}
                    style={{ width: 140, fontSize: 24 }}
                    data-testid="pick-qty"
                  />
                  <Button size="large" type="primary" loading={actions.confirm.isPending} onClick={confirm}>
                    {t('outbound.confirmPick')}
                  </Button>
                </Flex>
              ) : null}
              {canPick ? (
                <Button
                  danger
                  icon={<WarningOutlined />}
                  style={{ marginTop: 12 }}
                  disabled={!scans.bin}
                  onClick={() => setShortOpen(true)}
                >
                  {t('outbound.reportShort')}
                </Button>
              ) : null}
            </>
          ) : (
            <Empty description={t('outbound.listDone')} />
          )}
        </Card>
        <Card
          style={{ flex: '1 1 420px' }}
          title={t('outbound.pathTitle')}
          extra={t('outbound.routeVsSShape', {
            route: metres(l.routeMm),
            sShape: metres(l.sShapeMm),
            saving: l.savingPct,
          })}
        >
          <PickMap list={l} />
        </Card>
      </Flex>
      <Card
        title={t('outbound.tasksTitle')}
        extra={
          l.wrongScans ? (
            <Tag color="red">{t('outbound.wrongScansCount', { count: l.wrongScans })}</Tag>
          ) : null
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={l.tasks}
          onRow={(x) => ({
            onClick: () => x.status === 'open' && setTaskId(x.id),
            style: { cursor: x.status === 'open' ? 'pointer' : undefined },
          })}
          rowClassName={(x) => (x.id === task?.id ? 'ant-table-row-selected' : '')}
          columns={[
            { title: '#', dataIndex: 'seq', width: 48 },
            {
              title: t('outbound.col.bin'),
              dataIndex: 'binCode',
              render: (c: string) => <span className="mono">{c}</span>,
            },
            {
              title: t('outbound.col.sku'),
              key: 'sku',
              render: (_, x) => (
                <>
                  <span className="mono">{x.skuCode}</span> {x.skuName}
                </>
              ),
            },
            {
              title: t('outbound.lot'),
              dataIndex: 'lotCode',
              render: (c: string | null) => <span className="mono">{c ?? '—'}</span>,
            },
            { title: t('outbound.col.qty'), dataIndex: 'qty', align: 'right' },
            { title: t('outbound.col.picked'), dataIndex: 'pickedQty', align: 'right' },
            {
              title: t('outbound.col.short'),
              dataIndex: 'shortQty',
              align: 'right',
              render: (n: number) => (n ? <Typography.Text type="danger">{n}</Typography.Text> : 0),
            },
            {
              title: t('outbound.col.orders'),
              key: 'orders',
              render: (_, x) => x.orders.map((o) => `${o.orderNumber}×${o.qty}`).join(', '),
            },
            {
              title: t('outbound.col.status'),
              dataIndex: 'status',
              render: (s: PickTask['status']) => <TaskStatusTag value={s} />,
            },
          ]}
        />
      </Card>
      {task ? (
        <ShortModal
          open={shortOpen}
          task={task}
          goodsScanned={Boolean(scans.sku)}
          onClose={() => setShortOpen(false)}
          onSubmit={(foundQty, note) =>
            actions.short.mutate(
              {
                taskId: task.id,
                body: {
                  binBarcode: scans.bin!,
                  skuBarcode: scans.sku,
                  lotCode: scans.lot ?? null,
                  foundQty,
                  note: note || null,
                },
              },
              {
                onSuccess: (res) => {
                  setShortOpen(false);
                  message.warning(t('outbound.shortDone', { short: res.shortQty }));
                  next(res);
                },
                onError: (e) => {
                  setShortOpen(false);
                  fail(e);
                },
              },
            )
          }
          busy={actions.short.isPending}
        />
      ) : null}
    </>
  );
}

function ShortModal(props: {
  open: boolean;
  task: PickTask;
  goodsScanned: boolean;
  busy: boolean;
  onClose: () => void;
  onSubmit: (foundQty: number, note: string) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ foundQty: number; note?: string }>();
  const found = Form.useWatch('foundQty', form) ?? 0;
  return (
    <Modal
      open={props.open}
      title={t('outbound.reportShort')}
      onCancel={props.onClose}
      okButtonProps={{ danger: true, loading: props.busy, disabled: found > 0 && !props.goodsScanned }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('outbound.shortHint', { bin: props.task.binCode, qty: open(props.task) })}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ foundQty: 0 }}
        onFinish={(v) => props.onSubmit(v.foundQty, v.note?.trim() ?? '')}
      >
        <Form.Item name="foundQty" label={t('outbound.foundQty')} rules={[{ required: true }]}>
          <InputNumber min={0} max={open(props.task) - 1} precision={0} />
        </Form.Item>
        {found > 0 && !props.goodsScanned ? (
          <Alert type="warning" title={t('outbound.scanGoodsFirst')} style={{ marginBottom: 12 }} />
        ) : null}
        <Form.Item name="note" label={t('outbound.note')}>
          <Input maxLength={300} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
