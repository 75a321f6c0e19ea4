import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db/database';
import type { Lang } from '../../platform/i18n/i18n';
import { AppError } from '../../platform/lib/errors';
import { getRoutePlanRow } from './route-plan.service';
import { buildRouteSheets } from './route-sheet.data';
import { renderRouteSheetsPdf } from './route-sheet.pdf';
import { renderRouteSheetsXlsx } from './route-sheet.xlsx';

export interface SheetFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Drivers' route sheets of a finished plan, every route and a summary, or one route. */
export async function renderRouteSheets(
  db: Db,
  principal: Principal,
  id: string,
  options: { format: 'pdf' | 'xlsx'; route?: number; lang: Lang; now: Date },
): Promise<SheetFile> {
  const row = await getRoutePlanRow(db, principal, id);
  if (row.status !== 'succeeded' || !row.result) {
    throw new AppError('conflict', 'transport.route_plan.not_finished', { number: row.number });
  }
  const count = row.result.routes.length;
  if (options.route !== undefined && options.route > count) {
    throw new AppError('not_found', 'transport.route_plan.no_such_route', { route: options.route, count });
  }
  const sheet = buildRouteSheets(row.plan, row.result, {
    number: row.number,
    name: row.name,
    lang: options.lang,
    now: options.now,
    only: options.route,
  });
  const withSummary = options.route === undefined;
  const base = `${row.number}${options.route ? `-${options.route}` : ''}`;
  if (options.format === 'xlsx') {
    return {
      fileName: `${base}.xlsx`,
      contentType: XLSX_TYPE,
      body: await renderRouteSheetsXlsx(sheet, row.plan, withSummary),
    };
  }
  return {
    fileName: `${base}.pdf`,
    contentType: 'application/pdf',
    body: await renderRouteSheetsPdf(sheet, withSummary),
  };
}
