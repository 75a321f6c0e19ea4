/**
 * Route sheets as PDF (A4 landscape): a page (or more) per vehicle with the driver line, shift,
 * summary and the stops in order with a signature column, then a plan summary page. Text is set in
 * Noto Sans SC; pdfkit embeds only the glyphs used, so a sheet stays small.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { loadText, type RouteSheetDoc, type SheetRoute, yuan } from './route-sheet.data';

const FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
let fontBuffer: Buffer | null = null;

/** The CJK font, read from disk once per process. */
function cjkFont(): Buffer {
  fontBuffer ??= fs.readFileSync(createRequire(import.meta.url).resolve(FONT_MODULE));
  return fontBuffer;
}

const MARGIN = 32;
const FOOTER = 22;
const GREY = '#f0f2f5';
const LINE = '#b8bec7';
const MUTED = '#5c6470';

interface Column {
  key: 'seq' | 'stop' | 'address' | 'window' | 'eta' | 'goods' | 'serviceMin' | 'signature';
  width: number;
  align?: 'left' | 'right' | 'center';
}

const STOP_COLUMNS: Column[] = [
  { key: 'seq', width: 26, align: 'center' },
  { key: 'stop', width: 150 },
  { key: 'address', width: 196 },
  { key: 'window', width: 82 },
  { key: 'eta', width: 70 },
  { key: 'goods', width: 108 },
  { key: 'serviceMin', width: 50, align: 'right' },
  { key: 'signature', width: 96 },
];

type Doc = PDFKit.PDFDocument;

function table(
  doc: Doc,
  headers: string[],
  widths: number[],
  rows: string[][],
  options: { minRow?: number; onNewPage?: () => void; align?: ('left' | 'right' | 'center')[] } = {},
) {
  const left = MARGIN;
  const bottom = doc.page.height - MARGIN - FOOTER;
  const pad = 4;
  const drawRow = (cells: string[], header: boolean) => {
    doc.fontSize(header ? 8.5 : 8.5);
    const height = Math.max(
      options.minRow ?? 18,
      ...cells.map((c, i) => doc.heightOfString(c, { width: widths[i] - 2 * pad }) + 2 * pad),
    );
    if (doc.y + height > bottom) {
      doc.addPage();
      options.onNewPage?.();
      if (!header) drawRow(headers, true);
    }
    const y = doc.y;
    let x = left;
    if (header)
      doc
        .rect(
          left,
          y,
          widths.reduce((a, b) => a + b, 0),
          height,
        )
        .fill(GREY);
    cells.forEach((cell, i) => {
      doc.rect(x, y, widths[i], height).lineWidth(0.5).strokeColor(LINE).stroke();
      doc
        .fillColor(header ? '#1f2329' : '#000000')
        .text(cell, x + pad, y + pad, { width: widths[i] - 2 * pad, align: options.align?.[i] ?? 'left' });
      x += widths[i];
    });
    doc.x = left;
    doc.y = y + height;
  };
  drawRow(headers, true);
  for (const row of rows) drawRow(row, false);
}

function routeHeader(doc: Doc, sheet: RouteSheetDoc, route: SheetRoute, continued: boolean) {
  const l = sheet.labels;
  doc.x = MARGIN;
  doc.y = MARGIN;
  doc.fillColor('#000000').fontSize(16).text(`${l.title} · ${l.route} ${route.index}`, { continued: false });
  doc.fontSize(12).text(`${l.vehicle}: ${route.vehicle}${continued ? ' …' : ''}`);
  doc
    .fillColor(MUTED)
    .fontSize(8.5)
    .text([sheet.planLine, sheet.dateLine, sheet.depotLine].filter(Boolean).join('    '));
  doc.moveDown(0.4);
  if (continued) return;
  doc
    .fillColor('#000000')
    .fontSize(10)
    .text(`${l.driver}: ______________    ${l.plate}: ______________    ${l.phone}: ______________`);
  doc.moveDown(0.3);
  doc.text(`${l.shift}: ${route.shift}        ${l.planned}: ${route.planned}`);
  doc.moveDown(0.3);
  doc.fontSize(9).text(route.summary.map((s) => `${s.label}: ${s.value}`).join('    '));
  doc.moveDown(0.5);
}

function routePages(doc: Doc, sheet: RouteSheetDoc, route: SheetRoute) {
  const l = sheet.labels;
  routeHeader(doc, sheet, route, false);
  table(
    doc,
    [l.seq, l.stop, l.address, l.window, l.eta, l.goods, l.service, l.signature],
    STOP_COLUMNS.map((c) => c.width),
    route.stops.map((s) => [
      String(s.seq),
      s.stop,
      s.address,
      s.window,
      s.eta,
      s.goods,
      String(s.serviceMin),
      '',
    ]),
    {
      minRow: 24,
      align: STOP_COLUMNS.map((c) => c.align ?? 'left'),
      onNewPage: () => routeHeader(doc, sheet, route, true),
    },
  );
  doc.moveDown(1);
  if (doc.y > doc.page.height - MARGIN - FOOTER - 20) doc.addPage();
  doc
    .fillColor('#000000')
    .fontSize(10)
    .text(`${l.driver} ${l.signature}: ______________        ${l.return}: ________        `, MARGIN);
}

function summaryPage(doc: Doc, sheet: RouteSheetDoc) {
  const l = sheet.labels;
  const { result } = sheet;
  doc.x = MARGIN;
  doc.y = MARGIN;
  doc.fillColor('#000000').fontSize(16).text(l.summaryTitle);
  doc
    .fillColor(MUTED)
    .fontSize(8.5)
    .text([sheet.planLine, sheet.dateLine, sheet.depotLine].filter(Boolean).join('    '));
  doc.moveDown(0.4);
  const t = result.totals;
  doc
    .fillColor('#000000')
    .fontSize(10)
    .text(
      [
        `${l.vehiclesUsed}: ${t.vehicles}`,
        `${l.served}: ${t.served} / ${t.stops}`,
        `${l.distance}: ${t.km.toFixed(1)} km`,
        `${l.cost}: ${yuan(t.costFen)}`,
      ].join('    '),
    );
  doc.moveDown(0.5);
  const rows = sheet.routes.map((r) => [
    String(r.index),
    r.vehicle,
    String(r.route.stops.length),
    r.route.departure,
    r.route.return,
    r.route.km.toFixed(1),
    loadText(r.route),
    yuan(r.route.costFen),
  ]);
  rows.push([l.total, '', String(t.served), '', '', t.km.toFixed(1), '', yuan(t.costFen)]);
  table(
    doc,
    [l.seq, l.vehicle, l.stops, l.departure, l.return, 'km', `${l.load} (${l.utilisation})`, l.cost],
    [30, 190, 50, 60, 60, 60, 240, 88],
    rows,
    { align: ['center', 'left', 'right', 'left', 'left', 'right', 'left', 'right'] },
  );
  doc.moveDown(1);
  doc.fontSize(11).text(`${l.unassigned} (${result.unassigned.length})`, MARGIN);
  doc.moveDown(0.3);
  if (result.unassigned.length === 0) {
    doc.fontSize(9).fillColor(MUTED).text(l.none);
    return;
  }
  table(
    doc,
    [l.stop, l.reason],
    [260, 518],
    result.unassigned.map((u) => [[u.id, u.name].filter(Boolean).join(' '), u.message]),
  );
}

function footers(doc: Doc, sheet: RouteSheetDoc) {
  const range = doc.bufferedPageRange();
  const stamp = sheet.generatedAt.toISOString().slice(0, 16).replace('T', ' ');
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN - 10;
    const page = sheet.labels.page.replace('{page}', String(i + 1)).replace('{pages}', String(range.count));
    doc
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(`${sheet.labels.generated} · ${stamp} UTC · ${sheet.planLine}`, MARGIN, y, {
        lineBreak: false,
      });
    doc.text(page, doc.page.width - MARGIN - 120, y, { width: 120, align: 'right', lineBreak: false });
  }
}

/** Render the sheets; resolves with the PDF bytes. */
export function renderRouteSheetsPdf(sheet: RouteSheetDoc, withSummary: boolean): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margin: MARGIN,
    bufferPages: true,
    autoFirstPage: false,
    info: { Title: `${sheet.labels.title} ${sheet.planLine}`, Producer: 'Wayline', Creator: 'Wayline' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  for (const route of sheet.routes) {
    doc.addPage();
    routePages(doc, sheet, route);
  }
  if (withSummary) {
    doc.addPage();
    summaryPage(doc, sheet);
  }
  footers(doc, sheet);
  doc.end();
  return done;
}
