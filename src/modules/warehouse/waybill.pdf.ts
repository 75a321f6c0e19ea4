/**
 * Waybill labels (电子面单) as PDF for 100 × 150 mm thermal printers: one page per parcel, so a wave's
 * labels print as one batch. The waybill number is a Code 128 barcode, a QR code carries the
 * waybill and order numbers; the consignee's phone is masked (138****1234). Text is set in Noto Sans
 * SC, read from disk once per process; pdfkit embeds only the glyphs used.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import bwipjs from 'bwip-js/node';
import PDFDocument from 'pdfkit';

const FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';
let fontBuffer: Buffer | null = null;

function cjkFont(): Buffer {
  fontBuffer ??= fs.readFileSync(createRequire(import.meta.url).resolve(FONT_MODULE));
  return fontBuffer;
}

const MM = 72 / 25.4;
export const LABEL_SIZE: [number, number] = [100 * MM, 150 * MM];
const M = 8;

export interface LabelData {
  waybillNo: string;
  carrierName: string;
  serviceType: string;
  /** `chilled` / `frozen` print the cold-chain marker. */
  temperature: 'ambient' | 'chilled' | 'frozen';
  sender: { name: string; address: string };
  consignee: { name: string; phoneMasked: string; address: string };
  orderNumber: string;
  outboundNumber: string;
  parcelNo: number;
  parcelCount: number;
  weightG: number;
  dims: { lengthMm: number; widthMm: number; heightMm: number };
  cartonTypeId: string;
  /** Cash to collect on delivery (fen), on the first parcel only. */
  codAmountFen: number | null;
  printedAt: string;
}

const CAPTIONS = {
  'zh-CN': {
    service: { standard: '标准快递', express: '特快', cold_chain: '冷链' } as Record<string, string>,
    cold: { chilled: '冷链 · 冷藏 0~8℃', frozen: '冷链 · 冷冻 ≤ -18℃' },
    to: '收',
    from: '寄',
    order: '订单',
    outbound: '出库单',
    parcel: '件数',
    weight: '重量',
    dims: '尺寸',
    carton: '箱型',
    cod: '代收货款',
    printed: '打印',
  },
  en: {
    service: { standard: 'Standard', express: 'Express', cold_chain: 'Cold chain' } as Record<string, string>,
    cold: { chilled: 'COLD CHAIN · chilled 0~8℃', frozen: 'COLD CHAIN · frozen ≤ -18℃' },
    to: 'To',
    from: 'From',
    order: 'Order',
    outbound: 'Outbound',
    parcel: 'Parcel',
    weight: 'Weight',
    dims: 'Size',
    carton: 'Carton',
    cod: 'Collect on delivery',
    printed: 'Printed',
  },
};

type Doc = PDFKit.PDFDocument;

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
const kg = (g: number) => `${(g / 1000).toFixed(2)} kg`;

function rule(doc: Doc, y: number) {
  doc
    .moveTo(M, y)
    .lineTo(LABEL_SIZE[0] - M, y)
    .lineWidth(0.8)
    .strokeColor('#000000')
    .stroke();
}

function drawLabel(doc: Doc, l: LabelData, images: { barcode: string; qr: string }, lang: 'zh-CN' | 'en') {
  const c = CAPTIONS[lang];
  const W = LABEL_SIZE[0] - 2 * M;
  const right = LABEL_SIZE[0] - M;
  doc.fillColor('#000000');
  // Carrier and service.
  doc.fontSize(17).text(l.carrierName, M, M, { width: W * 0.6, lineBreak: false });
  const service = c.service[l.serviceType] ?? l.serviceType;
  doc.fontSize(12).text(service, M + W * 0.6, M + 3, { width: W * 0.4, align: 'right', lineBreak: false });
  let y = M + 26;
  if (l.temperature !== 'ambient') {
    doc.rect(M, y, W, 18).fill('#000000');
    doc
      .fillColor('#ffffff')
      .fontSize(10)
      .text(c.cold[l.temperature], M, y + 3, { width: W, align: 'center', lineBreak: false });
    doc.fillColor('#000000');
    y += 20;
  }
  rule(doc, y + 2);
  // Waybill number as Code 128, human-readable below.
  drawSvg(doc, images.barcode, M + 6, y + 7, W - 12, 54);
  doc
    .fontSize(12)
    .text(l.waybillNo, M, y + 63, { width: W, align: 'center', characterSpacing: 1.5, lineBreak: false });
  y += 82;
  rule(doc, y);
  // Consignee.
  doc
    .rect(M, y + 5, 18, 18)
    .lineWidth(0.8)
    .stroke();
  doc.fontSize(11).text(c.to, M, y + 7, { width: 18, align: 'center', lineBreak: false });
  doc.fontSize(13).text(`${l.consignee.name}  ${l.consignee.phoneMasked}`, M + 24, y + 5, {
    width: W - 24,
    lineBreak: false,
  });
  doc.fontSize(10).text(l.consignee.address, M + 24, y + 24, { width: W - 24, height: 40, ellipsis: true });
  y += 68;
  rule(doc, y);
  // Sender (the warehouse).
  doc
    .rect(M, y + 4, 14, 14)
    .lineWidth(0.6)
    .stroke();
  doc.fontSize(8.5).text(c.from, M, y + 5.5, { width: 14, align: 'center', lineBreak: false });
  doc.fontSize(8.5).text(l.sender.name, M + 20, y + 4, { width: W - 20, lineBreak: false });
  doc.fontSize(7.5).text(l.sender.address, M + 20, y + 16, { width: W - 20, height: 20, ellipsis: true });
  y += 38;
  rule(doc, y);
  // Parcel facts.
  const facts: string[] = [
    `${c.parcel}: ${l.parcelNo}/${l.parcelCount}`,
    `${c.weight}: ${kg(l.weightG)}`,
    `${c.dims}: ${l.dims.lengthMm}×${l.dims.widthMm}×${l.dims.heightMm} mm`,
    `${c.carton}: ${l.cartonTypeId}`,
  ];
  doc.fontSize(9);
  for (const [i, f] of facts.entries())
    doc.text(f, M + (i % 2) * (W / 2), y + 5 + Math.floor(i / 2) * 13, { width: W / 2, lineBreak: false });
  y += 32;
  if (l.codAmountFen !== null) {
    doc.rect(M, y, W, 18).lineWidth(1.2).stroke();
    doc
      .fontSize(11)
      .text(`${c.cod} ${yuan(l.codAmountFen)}`, M, y + 3, { width: W, align: 'center', lineBreak: false });
    y += 22;
  }
  rule(doc, y);
  // Order numbers, and the QR code.
  const qrSize = 74;
  drawSvg(doc, images.qr, right - qrSize, y + 6, qrSize, qrSize);
  doc.fontSize(9).text(`${c.order}: ${l.orderNumber}`, M, y + 8, { width: W - qrSize - 6, lineBreak: false });
  doc.text(`${c.outbound}: ${l.outboundNumber}`, M, y + 22, { width: W - qrSize - 6, lineBreak: false });
  doc
    .fontSize(7.5)
    .fillColor('#333333')
    .text(`${c.printed}: ${l.printedAt}`, M, y + 38, { width: W - qrSize - 6, lineBreak: false });
  doc.fillColor('#000000');
}

/** Barcodes as vector paths (crisp on a thermal head, and faster than rasterising). */
function barcodesOf(l: LabelData): { barcode: string; qr: string } {
  return {
    barcode: bwipjs.toSVG({ bcid: 'code128', text: l.waybillNo, height: 14, includetext: false }),
    qr: bwipjs.toSVG({
      bcid: 'qrcode',
      text: `${l.waybillNo}|${l.orderNumber}|${l.parcelNo}/${l.parcelCount}`,
    }),
  };
}

/** Draw bwip-js SVG output (stroked bars, or one filled path) into a box of the page. */
function drawSvg(doc: Doc, svg: string, x: number, y: number, width: number, height: number) {
  const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg);
  if (!box) return;
  doc.save();
  doc.translate(x, y);
  doc.scale(width / Number(box[1]), height / Number(box[2]));
  for (const [, attrs] of svg.matchAll(/<path([^>]*)\/>/g)) {
    const d = /\sd="([^"]+)"/.exec(attrs)?.[1];
    if (!d) continue;
    const stroke = /stroke-width="([\d.]+)"/.exec(attrs);
    if (stroke) doc.path(d).lineWidth(Number(stroke[1])).strokeColor('#000000').stroke();
    else doc.path(d).fillColor('#000000').fill();
  }
  doc.restore();
}

/** Render labels, one page each; resolves with the PDF bytes. */
export async function renderLabelsPdf(
  labels: readonly LabelData[],
  lang: 'zh-CN' | 'en' = 'zh-CN',
  title = 'Waybills',
): Promise<Buffer> {
  const images = labels.map(barcodesOf);
  const doc = new PDFDocument({
    size: LABEL_SIZE,
    margin: 0,
    autoFirstPage: false,
    info: { Title: title, Producer: 'Wayline', Creator: 'Wayline' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', cjkFont());
  doc.font('cjk');
  labels.forEach((l, i) => {
    doc.addPage({ size: LABEL_SIZE, margin: 0 });
    drawLabel(doc, l, images[i], lang);
  });
  doc.end();
  return done;
}
