import type { CatalogStats, StorageClass } from '../../api/types';
import { STORAGE_CLASSES } from '../../api/types';
import type { EChartOption } from '../../components/echart';
import { STORAGE_CLASS_COLOR } from '../../components/storage-class-tag';

type Label = (storageClass: StorageClass) => string;

function counts(stats: CatalogStats): Record<StorageClass, number> {
  const out = Object.fromEntries(STORAGE_CLASSES.map((c) => [c, 0])) as Record<StorageClass, number>;
  for (const row of stats.byStorageClass) out[row.storageClass] = row.count;
  return out;
}

/** Doughnut of SKU counts per storage class, total in the middle. */
export function pieOption(stats: CatalogStats, label: Label, totalLabel: string): EChartOption {
  const byClass = counts(stats);
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, icon: 'circle', itemWidth: 10, itemHeight: 10 },
    title: {
      text: String(stats.total),
      subtext: totalLabel,
      left: 'center',
      top: '34%',
      textStyle: { fontSize: 26, fontWeight: 600 },
      subtextStyle: { fontSize: 12 },
    },
    series: [
      {
        type: 'pie',
        radius: ['52%', '72%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        label: { show: false },
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        data: STORAGE_CLASSES.map((c) => ({
          name: label(c),
          value: byClass[c],
          storageClass: c,
          itemStyle: { color: STORAGE_CLASS_COLOR[c] },
        })),
      },
    ],
  };
}

/** Horizontal bars of SKU counts per storage class. */
export function barOption(stats: CatalogStats, label: Label): EChartOption {
  const byClass = counts(stats);
  const classes = [...STORAGE_CLASSES].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', data: classes.map(label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        label: { show: true, position: 'right' },
        data: classes.map((c) => ({
          value: byClass[c],
          storageClass: c,
          itemStyle: { color: STORAGE_CLASS_COLOR[c], borderRadius: [0, 4, 4, 0] },
        })),
      },
    ],
  };
}

export function storageClassCount(stats: CatalogStats | undefined, c: StorageClass): number {
  return stats?.byStorageClass.find((r) => r.storageClass === c)?.count ?? 0;
}
