import type { PickList } from '../../api/outbound';

/**
 * The pick path on the zone's bin map as a small SVG: aisles and cross aisles, the walk from the
 * dispatch point and back, and the stops numbered in walking order (done grey, next red).
 */
export function PickMap({ list, height = 260 }: { list: PickList; height?: number }) {
  const { layout, waypoints, tasks } = list;
  const xs = [...layout.aisleXsMm, layout.depot.xMm, ...waypoints.map((p) => p.xMm)];
  const ys = [...layout.crossAisleYsMm, layout.depot.yMm, ...waypoints.map((p) => p.yMm)];
  const minX = Math.min(...xs);
  const maxX = Math.max(...xs);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  const pad = Math.max(1500, (maxX - minX) * 0.05);
  const width = maxX - minX + 2 * pad;
  const tall = maxY - minY + 2 * pad;
  // y grows away from the dispatch point: draw it upwards, dispatch at the bottom.
  const X = (x: number) => x - minX + pad;
  const Y = (y: number) => maxY - y + pad;
  const unit = Math.max(width, tall) / 100;
  const stops = new Map<string, { x: number; y: number; seq: number; status: 'done' | 'open' | 'next' }>();
  for (const t of tasks) {
    if (t.status === 'cancelled') continue;
    const key = `${t.xMm},${t.yMm}`;
    const status = t.id === list.nextTaskId ? 'next' : t.status === 'open' ? 'open' : 'done';
    const prev = stops.get(key);
    if (!prev) stops.set(key, { x: t.xMm, y: t.yMm, seq: t.seq, status });
    else if (status === 'next' || (status === 'open' && prev.status === 'done')) prev.status = status;
  }
  const colour = { done: '#bfbfbf', open: '#1677ff', next: '#f5222d' } as const;
  return (
    <svg
      viewBox={`0 0 ${width} ${tall}`}
      style={{ width: '100%', height, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 6 }}
      role="img"
      aria-label="pick path"
      data-testid="pick-map"
    >
      {layout.crossAisleYsMm.map((y) => (
        <line
          key={`c${y}`}
          x1={X(layout.aisleXsMm[0])}
          x2={X(layout.aisleXsMm[layout.aisleXsMm.length - 1])}
          y1={Y(y)}
          y2={Y(y)}
          stroke="#d9d9d9"
          strokeWidth={unit * 1.2}
        />
      ))}
      {layout.aisleXsMm.map((x, i) => (
        <g key={`a${x}`}>
          <line
            x1={X(x)}
            x2={X(x)}
            y1={Y(layout.crossAisleYsMm[0])}
            y2={Y(layout.crossAisleYsMm[layout.crossAisleYsMm.length - 1])}
            stroke="#e8e8e8"
            strokeWidth={unit * 1.6}
          />
          {layout.aisleNames?.[i] ? (
            <text
              x={X(x)}
              y={Y(layout.crossAisleYsMm[layout.crossAisleYsMm.length - 1]) - unit * 1.5}
              fontSize={unit * 3}
              textAnchor="middle"
              fill="#8c8c8c"
            >
              {layout.aisleNames[i]}
            </text>
          ) : null}
        </g>
      ))}
      <polyline
        points={waypoints.map((p) => `${X(p.xMm)},${Y(p.yMm)}`).join(' ')}
        fill="none"
        stroke="#52c41a"
        strokeWidth={unit * 0.5}
        strokeLinejoin="round"
      />
      <rect
        x={X(layout.depot.xMm) - unit * 2}
        y={Y(layout.depot.yMm) - unit * 2}
        width={unit * 4}
        height={unit * 4}
        fill="#595959"
      />
      {[...stops.values()].map((s) => (
        <g key={`${s.x},${s.y}`}>
          <circle
            cx={X(s.x)}
            cy={Y(s.y)}
            r={unit * (s.status === 'next' ? 2.6 : 2)}
            fill={colour[s.status]}
          />
          <text x={X(s.x)} y={Y(s.y) + unit * 0.9} fontSize={unit * 2.4} textAnchor="middle" fill="#fff">
            {s.seq}
          </text>
        </g>
      ))}
    </svg>
  );
}
