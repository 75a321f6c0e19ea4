import { Flex, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoutePlanDetail, RoutePlanResult } from '../../api/transport';
import { routeColor, routeLabel } from './plan-units';

const W = 860;
const H = 540;
const PAD = 28;

interface Point {
  x: number;
  y: number;
}

/**
 * The routes drawn from the coordinates (no map tiles, so it works offline): one colour per
 * vehicle, the depot as a black square, unassigned stops as red crosses. Click a route in the legend
 * to bring it forward.
 */
export function RoutePlot({ detail, result }: { detail: RoutePlanDetail; result: RoutePlanResult }) {
  const { t } = useTranslation();
  const [focus, setFocus] = useState<number | null>(null);
  const plan = detail.plan;

  const { depot, byId } = useMemo(() => {
    const planar = plan.coordinates === 'planar';
    const raw = (p: { lat?: number; lon?: number; x?: number; y?: number }) =>
      planar ? { x: p.x ?? 0, y: p.y ?? 0 } : { x: p.lon ?? 0, y: p.lat ?? 0 };
    const d = raw(plan.depot ?? {});
    const all = [d, ...plan.stops.map(raw)];
    // Longitude degrees shrink with latitude; planar coordinates are already to scale.
    const kx = planar ? 1 : Math.cos(((all.reduce((s, p) => s + p.y, 0) / all.length) * Math.PI) / 180);
    const xs = all.map((p) => p.x * kx);
    const ys = all.map((p) => p.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = Math.min((W - 2 * PAD) / Math.max(1e-9, x1 - x0), (H - 2 * PAD) / Math.max(1e-9, y1 - y0));
    const ox = (W - (x1 - x0) * scale) / 2;
    const oy = (H - (y1 - y0) * scale) / 2;
    const project = (p: Point): Point => ({
      x: ox + (p.x * kx - x0) * scale,
      y: H - (oy + (p.y - y0) * scale),
    });
    const byId = new Map(plan.stops.map((s) => [s.id, { stop: s, at: project(raw(s)) }]));
    return { depot: project(d), byId };
  }, [plan]);

  const unassigned = result.unassigned.flatMap((u) => {
    const s = byId.get(u.id);
    return s ? [{ ...u, at: s.at }] : [];
  });

  return (
    <div>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={t('routePlan.detail.plot')}
        data-testid="route-plot"
        style={{ background: '#fafbfc', border: '1px solid #f0f0f0', borderRadius: 8, display: 'block' }}
      >
        {result.routes.map((route, i) => {
          const points = [depot, ...route.stops.map((s) => byId.get(s.id)?.at ?? depot), depot];
          const dim = focus !== null && focus !== i;
          return (
            <g
              key={`${route.vehicleId}-${route.vehicleNo}`}
              opacity={dim ? 0.12 : 1}
              data-testid="route-path"
            >
              <polyline
                points={points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}
                fill="none"
                stroke={routeColor(i)}
                strokeWidth={focus === i ? 3 : 2}
                strokeLinejoin="round"
              />
              {route.stops.map((s) => {
                const at = byId.get(s.id)?.at ?? depot;
                return (
                  <circle
                    key={s.id}
                    cx={at.x}
                    cy={at.y}
                    r={4.5}
                    fill={routeColor(i)}
                    stroke="#fff"
                    strokeWidth={1}
                  >
                    <title>
                      {`${routeLabel(route)} · ${s.seq}. ${s.id}${s.name ? ` ${s.name}` : ''}\n${s.arrival}–${s.departure}`}
                    </title>
                  </circle>
                );
              })}
            </g>
          );
        })}
        {unassigned.map((u) => (
          <g key={u.id} stroke="#ff4d4f" strokeWidth={2.5} data-testid="route-unassigned">
            <line x1={u.at.x - 6} y1={u.at.y - 6} x2={u.at.x + 6} y2={u.at.y + 6} />
            <line x1={u.at.x - 6} y1={u.at.y + 6} x2={u.at.x + 6} y2={u.at.y - 6} />
            <title>{`${u.id}${u.name ? ` ${u.name}` : ''}: ${u.message}`}</title>
          </g>
        ))}
        <g data-testid="route-depot">
          <rect x={depot.x - 7} y={depot.y - 7} width={14} height={14} fill="#1f2329" />
          <text x={depot.x + 10} y={depot.y - 8} fontSize={13} fill="#1f2329">
            {plan.depot?.name || t('routePlan.detail.depot')}
          </text>
        </g>
      </svg>
      <Flex gap={6} wrap style={{ marginTop: 8 }}>
        {result.routes.map((route, i) => (
          <Tag.CheckableTag
            key={`${route.vehicleId}-${route.vehicleNo}`}
            checked={focus === i}
            onChange={(on) => setFocus(on ? i : null)}
            style={{ border: `1px solid ${routeColor(i)}` }}
          >
            <span style={{ color: focus === i ? undefined : routeColor(i) }}>●</span> {routeLabel(route)} ·{' '}
            {route.stops.length}
          </Tag.CheckableTag>
        ))}
        {unassigned.length ? (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            ✕ {t('routePlan.detail.unassignedMark', { count: unassigned.length })}
          </Typography.Text>
        ) : null}
      </Flex>
    </div>
  );
}
