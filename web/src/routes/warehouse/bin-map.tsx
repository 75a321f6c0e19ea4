import { Card, Descriptions, Empty, Flex, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWarehouses } from '../../api/org';
import { type MapBin, useBinMap } from '../../api/slotting';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { localName, useLang } from '../../lib/use-localized';
import { warehouseLabel } from '../inventory/stock';
import { AbcTag } from './count-tags';

const CELL_W = 64;
const CELL_H = 44;
const GAP = 6;

/** Fill (0–100+ %) → colour: green, yellow, orange, red; grey without capacity; pale when empty. */
export function fillColour(bin: Pick<MapBin, 'fillPct' | 'units'>): string {
  if (!bin.units) return '#f5f5f5';
  if (bin.fillPct === null) return '#bfbfbf';
  const p = bin.fillPct;
  if (p < 25) return '#b7eb8f';
  if (p < 50) return '#73d13d';
  if (p < 75) return '#ffd666';
  if (p < 90) return '#ffa940';
  return '#ff4d4f';
}

const LEGEND: Array<[string, string]> = [
  ['0–25%', '#b7eb8f'],
  ['25–50%', '#73d13d'],
  ['50–75%', '#ffd666'],
  ['75–90%', '#ffa940'],
  ['≥ 90%', '#ff4d4f'],
];

/**
 * /warehouse/bin-map — the bins of a zone as a grid of their floor positions (aisle columns, bay
 * rows; the levels of a position stacked in its cell), coloured by the share of capacity used.
 */
export function BinMapPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const warehouses = useWarehouses();
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const [warehouseId, setWarehouseId] = useState<string>();
  const [zoneId, setZoneId] = useState<string>();
  useEffect(() => {
    if (!warehouseId && warehouses.data?.length) setWarehouseId(warehouses.data[0].id);
  }, [warehouseId, warehouses.data]);
  const zones = warehouses.data?.find((w) => w.id === warehouseId)?.zones ?? [];
  useEffect(() => {
    if (zones.length && !zones.some((z) => z.id === zoneId)) setZoneId(zones[0].id);
  }, [zones, zoneId]);
  const map = useBinMap(warehouseId, zoneId);
  const [selected, setSelected] = useState<MapBin>();

  const grid = useMemo(() => {
    const bins = (map.data?.bins ?? []).filter((b) => b.kind !== 'dispatch');
    const xs = [...new Set(bins.map((b) => b.xMm))].sort((a, b) => a - b);
    const ys = [...new Set(bins.map((b) => b.yMm))].sort((a, b) => a - b);
    const cells = new Map<string, MapBin[]>();
    for (const b of bins) {
      const k = `${b.xMm}|${b.yMm}`;
      cells.set(
        k,
        [...(cells.get(k) ?? []), b].sort((a, c) => (a.code < c.code ? 1 : -1)),
      );
    }
    return { xs, ys, cells, count: bins.length };
  }, [map.data]);

  const width = grid.xs.length * (CELL_W + GAP) + GAP;
  const height = grid.ys.length * (CELL_H + GAP) + GAP + 18;

  return (
    <>
      <PageHeader
        title={t('binMap.title')}
        subtitle={t('binMap.subtitle')}
        extra={
          <Space wrap>
            <Select
              style={{ width: 240 }}
              value={warehouseId}
              onChange={(v) => {
                setWarehouseId(v);
                setZoneId(undefined);
                setSelected(undefined);
              }}
              options={(warehouses.data ?? []).map((w) => ({
                value: w.id,
                label: warehouseLabel(warehouseById, w.id, lang),
              }))}
            />
            <Select
              style={{ width: 220 }}
              value={zoneId}
              placeholder={t('binMap.zone')}
              onChange={(v) => {
                setZoneId(v);
                setSelected(undefined);
              }}
              options={zones.map((z) => ({ value: z.id, label: `${z.code} · ${localName(z, lang)}` }))}
            />
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap style={{ marginBottom: 12 }} align="center">
          <Typography.Text strong>{t('binMap.legend')}</Typography.Text>
          {LEGEND.map(([label, colour]) => (
            <Space key={label} size={4}>
              <span
                style={{
                  display: 'inline-block',
                  width: 14,
                  height: 14,
                  background: colour,
                  borderRadius: 2,
                }}
              />
              {label}
            </Space>
          ))}
          <Space size={4}>
            <span
              style={{
                display: 'inline-block',
                width: 14,
                height: 14,
                background: '#bfbfbf',
                borderRadius: 2,
              }}
            />
            {t('binMap.noCapacity')}
          </Space>
          <Space size={4}>
            <span
              style={{
                display: 'inline-block',
                width: 14,
                height: 14,
                background: '#f5f5f5',
                border: '1px solid #d9d9d9',
                borderRadius: 2,
              }}
            />
            {t('binMap.empty')}
          </Space>
          <Typography.Text type="secondary">{t('binMap.bins', { n: grid.count })}</Typography.Text>
        </Flex>
        {map.isError && !map.data ? (
          <QueryError error={map.error} onRetry={() => void map.refetch()} />
        ) : grid.count ? (
          <div style={{ overflow: 'auto', maxHeight: '65vh' }}>
            <svg
              width={width}
              height={height}
              role="img"
              aria-label={t('binMap.title')}
              data-testid="bin-map"
            >
              {grid.xs.map((x, i) => {
                const first =
                  grid.cells.get(`${x}|${grid.ys[0]}`)?.[0] ??
                  [...grid.cells.entries()].find(([k]) => k.startsWith(`${x}|`))?.[1][0];
                return (
                  <text
                    key={x}
                    x={GAP + i * (CELL_W + GAP) + CELL_W / 2}
                    y={12}
                    textAnchor="middle"
                    fontSize={11}
                    fill="#8c8c8c"
                  >
                    {first?.code.split('-')[0] ?? ''}
                  </text>
                );
              })}
              {grid.xs.flatMap((x, i) =>
                grid.ys.map((y, j) => {
                  const bins = grid.cells.get(`${x}|${y}`);
                  if (!bins) return null;
                  const x0 = GAP + i * (CELL_W + GAP);
                  const y0 = 18 + GAP + j * (CELL_H + GAP);
                  const h = CELL_H / bins.length;
                  return (
                    <g key={`${x}|${y}`}>
                      {bins.map((b, k) => (
                        // biome-ignore lint/a11y/useSemanticElements: an SVG shape cannot be a <button>; it has the role, focus and keys of one
                        <rect
                          key={b.id}
                          x={x0}
                          y={y0 + k * h}
                          width={CELL_W}
                          height={h}
                          fill={fillColour(b)}
                          stroke={
                            selected?.id === b.id ? '#1677ff' : b.kind === 'pick_face' ? '#595959' : '#bfbfbf'
                          }
                          strokeWidth={selected?.id === b.id ? 2.5 : 1}
                          strokeDasharray={b.kind === 'reserve' ? '3 2' : undefined}
                          opacity={b.active ? 1 : 0.35}
                          style={{ cursor: 'pointer' }}
                          role="button"
                          tabIndex={0}
                          aria-label={b.code}
                          onClick={() => setSelected(b)}
                          onKeyDown={(e) => {
                            if (e.key === 'Enter' || e.key === ' ') setSelected(b);
                          }}
                        >
                          <title>{`${b.code} · ${b.fillPct === null ? t('binMap.noCapacity') : t('binMap.fill', { pct: b.fillPct })}`}</title>
                        </rect>
                      ))}
                      {bins.some((b) => b.abcClass === 'A') ? (
                        <text
                          x={x0 + CELL_W - 4}
                          y={y0 + 11}
                          textAnchor="end"
                          fontSize={10}
                          fontWeight={700}
                          fill="#cf1322"
                        >
                          A
                        </text>
                      ) : null}
                    </g>
                  );
                }),
              )}
            </svg>
          </div>
        ) : (
          <Empty />
        )}
      </Card>
      {selected ? (
        <Card title={<span className="mono">{selected.code}</span>}>
          <Descriptions size="small" column={{ xs: 1, sm: 2, md: 3 }}>
            <Descriptions.Item label={t('binMap.legend')}>
              {selected.fillPct === null
                ? t('binMap.noCapacity')
                : t('binMap.fill', { pct: selected.fillPct })}
            </Descriptions.Item>
            <Descriptions.Item label="kg">
              {(selected.weightG / 1000).toFixed(1)} /{' '}
              {selected.maxWeightG === null ? '—' : (selected.maxWeightG / 1000).toFixed(1)}
            </Descriptions.Item>
            <Descriptions.Item label="dm³">
              {(selected.volumeMm3 / 1e6).toFixed(1)} /{' '}
              {selected.maxVolumeMm3 === null ? '—' : (selected.maxVolumeMm3 / 1e6).toFixed(1)}
            </Descriptions.Item>
            <Descriptions.Item label="SKU">{selected.skuCount}</Descriptions.Item>
            <Descriptions.Item label={t('slotting.units')}>{selected.units}</Descriptions.Item>
            <Descriptions.Item label="ABC">
              <AbcTag value={selected.abcClass} />
            </Descriptions.Item>
            <Descriptions.Item label={t('binMap.lastCounted')}>
              <DateTime value={selected.lastCountedAt} empty={t('binMap.never')} />
            </Descriptions.Item>
            <Descriptions.Item label={t('counts.kind')}>
              {t(`binMap.kinds.${selected.kind}`)}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      ) : null}
    </>
  );
}
