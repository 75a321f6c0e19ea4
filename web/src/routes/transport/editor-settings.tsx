import { Card, Col, Form, Input, InputNumber, Row, Segmented, Select, Slider } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWarehouses } from '../../api/org';
import type { RoutePlanInput } from '../../api/transport';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { localName, useLang } from '../../lib/use-localized';

type Patch = (patch: Partial<RoutePlanInput>) => void;

/**
 * The plan's header: name, day, depot (a warehouse or coordinates), travel model and search budget.
 * With `fromShipments` the day and the depot come from the shipments' warehouse and are not shown.
 */
export function EditorSettings({
  plan,
  onChange,
  fromShipments = false,
}: {
  plan: RoutePlanInput;
  onChange: Patch;
  fromShipments?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const warehouses = useWarehouses(can(PERM.warehouseRead));
  const planar = plan.coordinates === 'planar';
  const depot = plan.depot ?? {};
  const setDepot = (patch: Partial<NonNullable<RoutePlanInput['depot']>>) =>
    onChange({ depot: { ...depot, ...patch } });

  const chooseWarehouse = (id: string | undefined) => {
    const w = warehouses.data?.find((x) => x.id === id);
    if (!w) return onChange({ warehouseId: undefined });
    onChange({
      warehouseId: w.id,
      depot:
        !planar && w.latitude !== null && w.longitude !== null
          ? { lat: w.latitude, lon: w.longitude, name: `${localName(w, lang)} ${w.code}`, address: w.address }
          : depot,
    });
  };

  return (
    <Card title={t('routePlan.editor.settings')} size="small">
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item label={t('routePlan.editor.name')}>
              <Input
                value={plan.name ?? ''}
                maxLength={120}
                onChange={(e) => onChange({ name: e.target.value })}
                placeholder={t('routePlan.editor.namePlaceholder')}
                data-testid="plan-name"
              />
            </Form.Item>
          </Col>
          {fromShipments ? null : (
            <>
              <Col xs={12} md={4}>
                <Form.Item label={t('routePlan.editor.date')}>
                  <Input
                    type="date"
                    value={plan.date ?? ''}
                    onChange={(e) => onChange({ date: e.target.value || undefined })}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={6}>
                <Form.Item
                  label={t('routePlan.editor.warehouse')}
                  tooltip={t('routePlan.editor.warehouseHint')}
                >
                  <Select
                    allowClear
                    value={plan.warehouseId}
                    onChange={chooseWarehouse}
                    loading={warehouses.isPending && can(PERM.warehouseRead)}
                    options={(warehouses.data ?? []).map((w) => ({
                      value: w.id,
                      label: `${w.code} · ${localName(w, lang)}`,
                    }))}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={6}>
                <Form.Item
                  label={t('routePlan.editor.coordinates')}
                  tooltip={t('routePlan.editor.coordinatesHint')}
                >
                  <Segmented
                    value={plan.coordinates ?? 'geo'}
                    onChange={(v) => onChange({ coordinates: v as 'geo' | 'planar' })}
                    options={[
                      { value: 'geo', label: t('routePlan.editor.geo') },
                      { value: 'planar', label: t('routePlan.editor.planar') },
                    ]}
                  />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
        <Row gutter={16}>
          {fromShipments ? null : (
            <>
              <Col xs={12} md={4}>
                <Form.Item label={planar ? t('routePlan.editor.depotX') : t('routePlan.editor.depotLat')}>
                  <InputNumber
                    style={{ width: '100%' }}
                    value={planar ? depot.x : depot.lat}
                    step={planar ? 1 : 0.001}
                    onChange={(v) => setDepot(planar ? { x: v ?? undefined } : { lat: v ?? undefined })}
                  />
                </Form.Item>
              </Col>
              <Col xs={12} md={4}>
                <Form.Item label={planar ? t('routePlan.editor.depotY') : t('routePlan.editor.depotLon')}>
                  <InputNumber
                    style={{ width: '100%' }}
                    value={planar ? depot.y : depot.lon}
                    step={planar ? 1 : 0.001}
                    onChange={(v) => setDepot(planar ? { y: v ?? undefined } : { lon: v ?? undefined })}
                  />
                </Form.Item>
              </Col>
            </>
          )}
          <Col xs={12} md={4}>
            <Form.Item label={t('routePlan.editor.speed')}>
              <InputNumber
                style={{ width: '100%' }}
                min={1}
                max={200}
                value={plan.speedKmh ?? (planar ? 60 : 30)}
                onChange={(v) => onChange({ speedKmh: v ?? undefined })}
                suffix="km/h"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('routePlan.editor.circuity')} tooltip={t('routePlan.editor.circuityHint')}>
              <InputNumber
                style={{ width: '100%' }}
                min={1}
                max={3}
                step={0.05}
                disabled={planar}
                value={plan.circuityFactor ?? 1.3}
                onChange={(v) => onChange({ circuityFactor: v ?? undefined })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label={t('routePlan.editor.budget', { seconds: plan.timeLimitSeconds ?? 30 })}>
              <Slider
                min={1}
                max={120}
                value={plan.timeLimitSeconds ?? 30}
                onChange={(v) => onChange({ timeLimitSeconds: v })}
                marks={{ 1: '1s', 10: '10s', 30: '30s', 60: '60s', 120: '120s' }}
                data-testid="plan-budget"
              />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
