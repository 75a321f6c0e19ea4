/**
 * Route sheets as an Excel workbook: a summary sheet (every route, totals, unassigned stops), then a
 * sheet per vehicle with the driver line and the stops in order. Quantities are numeric cells (kg,
 * m³, items, yuan) so the dispatcher can sum and filter them.
 */
import ExcelJS from 'exceljs';
import type { RoutePlan } from './route-plan.schemas';
import { hoursMin, type RouteSheetDoc } from './route-sheet.data';

/** Row (1-based) of the stop table's header on a vehicle sheet; stops follow it. */
export const XLSX_STOP_HEADER_ROW = 8;
/** Row of the route table's header on the summary sheet. */
export const XLSX_SUMMARY_HEADER_ROW = 7;

const bold = { bold: true };
const title = { bold: true, size: 14 };

function sheetName(index: number, vehicle: string, used: Set<string>): string {
  const base = `${index} ${vehicle}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base.slice(0, 27)} ~${k}`;
  used.add(name.toLowerCase());
  return name;
}

const kgOf = (g: number) => Math.round(g / 100) / 10;
const m3Of = (cm3: number) => Math.round(cm3 / 10_000) / 100;
const yuanOf = (fen: number) => Math.round(fen) / 100;

export async function renderRouteSheetsXlsx(
  sheet: RouteSheetDoc,
  plan: RoutePlan,
  withSummary: boolean,
): Promise<Buffer> {
  const l = sheet.labels;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Wayline';
  workbook.created = sheet.generatedAt;
  const used = new Set<string>();
  const stopById = new Map(plan.stops.map((s) => [s.id, s]));
  const header = [sheet.planLine, sheet.dateLine, sheet.depotLine].filter(Boolean).join('    ');

  if (withSummary) {
    const ws = workbook.addWorksheet(l.summaryTitle.slice(0, 31), {
      views: [{ state: 'frozen', ySplit: XLSX_SUMMARY_HEADER_ROW }],
    });
    used.add(l.summaryTitle.slice(0, 31).toLowerCase());
    const t = sheet.result.totals;
    ws.getCell('A1').value = l.summaryTitle;
    ws.getCell('A1').font = title;
    ws.getCell('A2').value = sheet.planLine;
    ws.getCell('A3').value = sheet.dateLine;
    ws.getCell('A4').value = sheet.depotLine;
    ws.getCell('A5').value =
      `${l.vehiclesUsed}: ${t.vehicles}    ${l.served}: ${t.served} / ${t.stops}    ` +
      `${l.distance}: ${t.km.toFixed(1)} km    ${l.cost}: ¥${yuanOf(t.costFen).toFixed(2)}`;
    ws.getRow(XLSX_SUMMARY_HEADER_ROW).values = [
      l.seq,
      l.vehicle,
      l.stops,
      l.departure,
      l.return,
      'km',
      l.duration,
      l.weight,
      `${l.weight} %`,
      l.volume,
      `${l.volume} %`,
      l.items,
      `${l.items} %`,
      `${l.cost} ¥`,
    ];
    ws.getRow(XLSX_SUMMARY_HEADER_ROW).font = bold;
    for (const r of sheet.routes) {
      const route = r.route;
      ws.addRow([
        r.index,
        r.vehicle,
        route.stops.length,
        route.departure,
        route.return,
        route.km,
        hoursMin(route.durationMin),
        kgOf(route.load.weightG),
        route.utilisationPct.weightG,
        m3Of(route.load.volumeCm3),
        route.utilisationPct.volumeCm3,
        route.load.items,
        route.utilisationPct.items,
        yuanOf(route.costFen),
      ]);
    }
    ws.addRow([l.total, '', t.served, '', '', t.km, '', '', '', '', '', '', '', yuanOf(t.costFen)]).font =
      bold;
    ws.addRow([]);
    ws.addRow([`${l.unassigned} (${sheet.result.unassigned.length})`]).font = bold;
    ws.addRow([l.stop, l.address, l.reason]).font = bold;
    for (const u of sheet.result.unassigned) {
      ws.addRow([u.id, u.name ?? stopById.get(u.id)?.address ?? '', u.message]);
    }
    ws.columns.forEach((c, i) => {
      c.width = [6, 30, 8, 10, 10, 10, 10, 12, 10, 12, 10, 8, 8, 12][i] ?? 12;
    });
  }

  for (const r of sheet.routes) {
    const ws = workbook.addWorksheet(sheetName(r.index, r.vehicle, used), {
      views: [{ state: 'frozen', ySplit: XLSX_STOP_HEADER_ROW }],
      pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
    });
    ws.getCell('A1').value = `${l.title} · ${l.route} ${r.index}`;
    ws.getCell('A1').font = title;
    ws.getCell('A2').value = `${l.vehicle}: ${r.vehicle}`;
    ws.getCell('A2').font = bold;
    ws.getCell('A3').value = header;
    ws.getCell('A4').value =
      `${l.driver}: ____________    ${l.plate}: ____________    ${l.phone}: ____________`;
    ws.getCell('A5').value = `${l.shift}: ${r.shift}    ${l.planned}: ${r.planned}`;
    ws.getCell('A6').value = r.summary.map((s) => `${s.label}: ${s.value}`).join('    ');
    const head = ws.getRow(XLSX_STOP_HEADER_ROW);
    head.values = [
      l.seq,
      l.stop,
      l.stop,
      l.address,
      l.phone,
      l.window,
      l.eta,
      l.departure,
      l.weight,
      l.volume,
      l.items,
      l.service,
      l.signature,
    ];
    head.font = bold;
    for (const s of r.route.stops) {
      const input = stopById.get(s.id);
      const row = ws.addRow([
        s.seq,
        s.id,
        s.kind === 'pickup' ? `[${l.pickup}] ${s.name ?? ''}`.trim() : (s.name ?? ''),
        input?.address ?? '',
        input?.contact ?? '',
        input?.windows?.length ? input.windows.map((w) => `${w.from}–${w.to}`).join(', ') : l.anyTime,
        s.waitMin > 0 ? `${s.arrival} (${s.start})` : s.arrival,
        s.departure,
        kgOf(s.demand.weightG),
        m3Of(s.demand.volumeCm3),
        s.demand.items,
        Math.round(input?.serviceMin ?? 0),
        '',
      ]);
      row.height = 24;
      row.getCell(13).border = { bottom: { style: 'thin' } };
    }
    ws.columns.forEach((c, i) => {
      c.width = [5, 10, 30, 36, 22, 16, 13, 9, 10, 10, 7, 8, 16][i] ?? 12;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
