/**
 * The executive report of a campaign: a PDF for the board (the headline figures, the lift by
 * cell with its confidence bars, the cumulative response curve mailed vs control, the cells'
 * table, data quality and every formula) and an XLSX workbook with the tables behind each chart.
 */
import { writeFileSync } from 'node:fs';
import type { DownloadFile } from '../../src-shared/imports';
import ExcelJS from 'exceljs';
import type { Db } from '../db/open';
import { getSetting } from '../bank/stats';
import { newDocument } from '../plan/letters';
import { FORMULAS, type CampaignReport, type CellFigures } from './report';

const IN = 72;
const LEFT = 0.75 * IN;
const WIDTH = 7 * IN;
const INK = '#1d2733';
const MUTED = '#5b6472';
const MAILED = '#1f4e8c';
const CONTROL = '#b0753a';

export const percent = (v: number | null, digits = 2) => (v === null ? '—' : `${(v * 100).toFixed(digits)}%`);
export const dollarsOf = (cents: number | null) =>
  cents === null
    ? '—'
    : `${cents < 0 ? '−' : ''}$${Math.round(Math.abs(cents) / 100).toLocaleString('en-US', { maximumFractionDigits: 0 })}`;

/** The headline figures of a set (a cell, or the whole run), as label and value. */
export function headline(f: CellFigures): [string, string][] {
  return [
    ['Pieces mailed', f.mailed.toLocaleString('en-US')],
    ['Held out (control)', f.control.toLocaleString('en-US')],
    ['Response rate, mailed', percent(f.rate_mailed)],
    ['Response rate, control', percent(f.rate_control)],
    ['Lift (incremental rate)', percent(f.lift)],
    ['95% interval of the lift', `${percent(f.lift_ci_low)} to ${percent(f.lift_ci_high)}`],
    ['p-value', f.p_value === null ? '—' : f.p_value < 0.0001 ? '< 0.0001' : f.p_value.toFixed(4)],
    ['Incremental balances', dollarsOf(f.incremental_balance_cents)],
    ['Cost', dollarsOf(f.cost_cents)],
    ['ROMI', percent(f.romi, 0)],
    ['Payback', f.payback_months === null ? '—' : `${f.payback_months} months`],
  ];
}

function lines(doc: PDFKit.PDFDocument, text: string, size = 9, color = MUTED): void {
  doc.font('sans').fontSize(size).fillColor(color).text(text, LEFT, doc.y, { width: WIDTH });
}

function heading(doc: PDFKit.PDFDocument, text: string): void {
  if (doc.y > 9.3 * IN) doc.addPage();
  doc.moveDown(0.8);
  doc.font('sansBold').fontSize(13).fillColor(INK).text(text, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
}

/** Lift by cell: a dot at the estimate, a bar across its 95% interval, the zero line marked. */
function liftChart(doc: PDFKit.PDFDocument, report: CampaignReport): void {
  const rows = [
    ...report.cells.map((c) => ({ label: `${c.audience} · ${c.offer}`, f: c as CellFigures })),
    { label: 'All cells', f: report.totals },
  ];
  const known = rows.filter((r) => r.f.lift !== null);
  const lo = Math.min(0, ...known.map((r) => r.f.lift_ci_low!));
  const hi = Math.max(0.001, ...known.map((r) => r.f.lift_ci_high!));
  const labelWidth = 2.6 * IN;
  const plot = { x: LEFT + labelWidth, width: WIDTH - labelWidth - 0.2 * IN };
  const xOf = (v: number) => plot.x + ((v - lo) / (hi - lo)) * plot.width;
  const top = doc.y + 6;
  const rowHeight = 22;
  doc.save().strokeColor('#9aa3af').lineWidth(0.75);
  doc
    .moveTo(xOf(0), top - 4)
    .lineTo(xOf(0), top + rows.length * rowHeight)
    .stroke();
  doc.restore();
  rows.forEach((r, i) => {
    const y = top + i * rowHeight + rowHeight / 2;
    doc
      .font(i === rows.length - 1 ? 'sansBold' : 'sans')
      .fontSize(8.5)
      .fillColor(INK);
    doc.text(r.label, LEFT, y - 5, { width: labelWidth - 8, height: 12, ellipsis: true, lineBreak: false });
    if (r.f.lift === null) {
      doc.fillColor(MUTED).text('no control group', plot.x, y - 5, { lineBreak: false });
      return;
    }
    doc.save().strokeColor(MAILED).lineWidth(2);
    doc.moveTo(xOf(r.f.lift_ci_low!), y).lineTo(xOf(r.f.lift_ci_high!), y).stroke();
    doc.restore();
    doc.save().fillColor(MAILED).circle(xOf(r.f.lift), y, 3.5).fill().restore();
    doc.font('sans').fontSize(7.5).fillColor(MUTED);
    doc.text(percent(r.f.lift), xOf(r.f.lift) - 20, y + 4, { width: 40, align: 'center', lineBreak: false });
  });
  const axisY = top + rows.length * rowHeight + 4;
  doc.font('sans').fontSize(7.5).fillColor(MUTED);
  if (lo < 0) doc.text(percent(lo, 1), plot.x - 20, axisY, { width: 40, align: 'center', lineBreak: false });
  doc.text('0%', xOf(0) - 20, axisY, { width: 40, align: 'center', lineBreak: false });
  doc.text(percent(hi, 1), plot.x + plot.width - 20, axisY, { width: 40, align: 'center', lineBreak: false });
  doc.y = axisY + 14;
  lines(
    doc,
    'The dot is the lift (mailed rate minus control rate); the bar its 95% interval. A bar clear of zero is a proven lift.',
    8,
  );
}

/** Cumulative response rate by day since the drop, mailed and control. */
function curveChart(doc: PDFKit.PDFDocument, report: CampaignReport): void {
  const days = report.by_day;
  const box = { x: LEFT + 0.4 * IN, y: doc.y + 8, width: WIDTH - 0.6 * IN, height: 1.9 * IN };
  const top = Math.max(0.0001, ...days.map((d) => Math.max(d.mailed, d.control)));
  const last = days.at(-1)?.day ?? 90;
  const xOf = (day: number) => box.x + (day / Math.max(1, last)) * box.width;
  const yOf = (v: number) => box.y + box.height - (v / top) * box.height;
  doc.save().strokeColor('#c8ced6').lineWidth(0.5).rect(box.x, box.y, box.width, box.height).stroke().restore();
  for (const [key, color] of [
    ['control', CONTROL],
    ['mailed', MAILED],
  ] as const) {
    doc.save().strokeColor(color).lineWidth(1.6);
    days.forEach((d, i) => (i === 0 ? doc.moveTo(xOf(d.day), yOf(d[key])) : doc.lineTo(xOf(d.day), yOf(d[key]))));
    doc.stroke().restore();
  }
  doc.font('sans').fontSize(7.5).fillColor(MUTED);
  doc.text(percent(top, 2), LEFT - 0.1 * IN, box.y - 3, { width: 0.45 * IN, align: 'right', lineBreak: false });
  doc.text('0%', LEFT - 0.1 * IN, box.y + box.height - 6, { width: 0.45 * IN, align: 'right', lineBreak: false });
  doc.text('drop', box.x - 10, box.y + box.height + 3, { width: 30, lineBreak: false });
  doc.text(`day ${last}`, box.x + box.width - 40, box.y + box.height + 3, {
    width: 40,
    align: 'right',
    lineBreak: false,
  });
  doc.fillColor(MAILED).text('— mailed', box.x + box.width / 2 - 60, box.y + box.height + 3, { lineBreak: false });
  doc.fillColor(CONTROL).text('— control', box.x + box.width / 2 + 10, box.y + box.height + 3, { lineBreak: false });
  doc.y = box.y + box.height + 18;
}

function cellTable(doc: PDFKit.PDFDocument, report: CampaignReport): void {
  const columns: { title: string; width: number; value: (f: CellFigures) => string }[] = [
    { title: 'Mailed', width: 0.6, value: (f) => f.mailed.toLocaleString('en-US') },
    { title: 'Control', width: 0.6, value: (f) => f.control.toLocaleString('en-US') },
    { title: 'Rate m.', width: 0.6, value: (f) => percent(f.rate_mailed) },
    { title: 'Rate c.', width: 0.6, value: (f) => percent(f.rate_control) },
    { title: 'Lift', width: 0.6, value: (f) => percent(f.lift) },
    { title: 'p', width: 0.55, value: (f) => (f.p_value === null ? '—' : f.p_value.toFixed(3)) },
    { title: 'ROMI', width: 0.6, value: (f) => percent(f.romi, 0) },
  ];
  const labelWidth = WIDTH - columns.reduce((s, c) => s + c.width * IN, 0);
  const row = (label: string, values: string[], bold: boolean) => {
    if (doc.y > 9.8 * IN) doc.addPage();
    const y = doc.y;
    doc
      .font(bold ? 'sansBold' : 'sans')
      .fontSize(8.5)
      .fillColor(INK);
    doc.text(label, LEFT, y, { width: labelWidth - 6, height: 11, ellipsis: true, lineBreak: false });
    let x = LEFT + labelWidth;
    values.forEach((v, i) => {
      doc.text(v, x, y, { width: columns[i]!.width * IN - 4, align: 'right', lineBreak: false });
      x += columns[i]!.width * IN;
    });
    doc.y = y + 15;
  };
  row(
    'Cell',
    columns.map((c) => c.title),
    true,
  );
  for (const c of report.cells)
    row(
      `${c.audience} · ${c.offer}`,
      columns.map((k) => k.value(c)),
      false,
    );
  row(
    'All cells',
    columns.map((k) => k.value(report.totals)),
    true,
  );
}

export async function reportPdf(db: Db, report: CampaignReport): Promise<Buffer> {
  const bank = getSetting(db, 'bank_name') ?? 'Your bank';
  const doc = newDocument(`Campaign results, ${report.month}`);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.addPage({ size: 'LETTER', margin: 0.75 * IN });
  doc
    .font('sans')
    .fontSize(9)
    .fillColor(MUTED)
    .text(bank, LEFT, 0.6 * IN);
  doc
    .font('sansBold')
    .fontSize(20)
    .fillColor(INK)
    .text(`Campaign results: ${report.month} (run ${report.run_id})`, LEFT, doc.y + 2, { width: WIDTH });
  lines(
    doc,
    `Dropped ${report.drop_date} · ${report.status === 'final' ? 'final run' : 'run for review'} · attribution by ${report.attribution_words}.`,
  );
  doc.moveDown(0.6);
  const figures = headline(report.totals);
  const colWidth = WIDTH / 2;
  const startY = doc.y;
  figures.forEach(([label, value], i) => {
    const x = LEFT + (i % 2) * colWidth;
    const y = startY + Math.floor(i / 2) * 17;
    doc
      .font('sans')
      .fontSize(9)
      .fillColor(MUTED)
      .text(label, x, y, { width: colWidth * 0.55, lineBreak: false });
    doc
      .font('sansBold')
      .fontSize(10)
      .fillColor(INK)
      .text(value, x + colWidth * 0.55, y - 1, { width: colWidth * 0.42, lineBreak: false });
  });
  doc.y = startY + Math.ceil(figures.length / 2) * 17 + 4;

  heading(doc, 'Lift by cell, with its 95% interval');
  liftChart(doc, report);
  heading(doc, 'Cumulative response rate by day since the drop');
  curveChart(doc, report);
  heading(doc, 'Cells');
  cellTable(doc, report);
  heading(doc, 'Data quality');
  const q = report.quality;
  lines(
    doc,
    `Match rate ${percent(q.match_rate, 1)} · ${q.responses} responses matched to this run's households · ${q.outside_window} outside every response window · ${q.already_held} for a kind of product the household already held · ${q.other_campaigns} given to another campaign · ${q.doubtful} doubtful matches waiting · ${q.unmatched} unmatched.`,
    9,
    INK,
  );
  heading(doc, 'How each figure is worked out');
  lines(doc, report.method, 8.5, INK);
  for (const [name, formula] of Object.entries(FORMULAS)) {
    if (doc.y > 10 * IN) doc.addPage();
    doc.moveDown(0.2);
    lines(doc, `${name.replace(/_/g, ' ')}: ${formula}`, 8.5);
  }
  doc.end();
  return done;
}

export async function reportXlsx(report: CampaignReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mainstreet';
  const sheet = (name: string, header: string[], rows: (string | number | null)[][], widths: number[]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = header.map((h, i) => ({ header: h, width: widths[i] ?? 14 }));
    ws.getRow(1).font = { bold: true };
    for (const r of rows) ws.addRow(r.map((v) => v ?? ''));
    return ws;
  };
  const keys: (keyof CellFigures)[] = [
    'mailed',
    'control',
    'responders_mailed',
    'responders_control',
    'direct_mailed',
    'indirect_mailed',
    'direct_control',
    'indirect_control',
    'rate_mailed',
    'rate_control',
    'lift',
    'lift_ci_low',
    'lift_ci_high',
    'p_value',
    'incremental_responses',
    'incremental_balance_cents',
    'cost_cents',
    'margin_cents',
    'romi',
    'payback_months',
    'break_even_rate',
  ];
  const value = (f: CellFigures, k: keyof CellFigures) => {
    const v = f[k];
    return typeof v === 'number' ? v : null;
  };
  sheet(
    'Cells',
    ['audience', 'offer', ...keys, 'romi_conservative', 'romi_aggressive'],
    [
      ...report.cells.map((c) => [
        c.audience,
        c.offer,
        ...keys.map((k) => value(c, k)),
        c.scenarios.conservative,
        c.scenarios.aggressive,
      ]),
      [
        'All cells',
        '',
        ...keys.map((k) => value(report.totals, k)),
        report.totals.scenarios.conservative,
        report.totals.scenarios.aggressive,
      ],
    ],
    [34, 12],
  );
  sheet(
    'By day',
    ['day since drop', 'cumulative rate mailed', 'cumulative rate control'],
    report.by_day.map((d) => [d.day, d.mailed, d.control]),
    [16, 24, 24],
  );
  sheet(
    'Data quality',
    ['measure', 'value'],
    Object.entries(report.quality).map(([k, v]) => [k, v]),
    [28, 14],
  );
  sheet(
    'Formulas',
    ['figure', 'formula'],
    [['method', report.method], ['attribution', report.attribution_words], ...Object.entries(FORMULAS)],
    [24, 120],
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Writes the files asked for; returns their paths. */
export async function writeReportFiles(
  db: Db,
  report: CampaignReport,
  to: { pdf?: string; xlsx?: string },
): Promise<string[]> {
  const files: string[] = [];
  if (to.pdf) {
    writeFileSync(to.pdf, await reportPdf(db, report));
    files.push(to.pdf);
  }
  if (to.xlsx) {
    writeFileSync(to.xlsx, await reportXlsx(report));
    files.push(to.xlsx);
  }
  return files;
}

/** The report as a screen downloads it. */
export async function reportDownload(db: Db, report: CampaignReport, format: 'pdf' | 'xlsx'): Promise<DownloadFile> {
  const base = `campaign-${report.month}-run-${report.run_id}${report.branch ? `-${report.branch}` : ''}`;
  return format === 'pdf'
    ? { file_name: `${base}.pdf`, mime: 'application/pdf', base64: (await reportPdf(db, report)).toString('base64') }
    : {
        file_name: `${base}.xlsx`,
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        base64: (await reportXlsx(report)).toString('base64'),
      };
}
