/**
 * Print-ready letters (pdfkit): US Letter, one page a letter, tri-folded into a #10 double-window
 * envelope. The return address and the recipient block sit inside the envelope's windows (the
 * positions below, in inches from the page's top-left corner; the calibration page prints them
 * as boxes to hold against an envelope). Fonts are embedded (Liberation, SIL Open Font License).
 * Pages are written to the file as they are made, so memory stays flat in the number of letters.
 */
import { createWriteStream, readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { resourcePath } from '../app/paths';

const IN = 72;
/** #10 double-window envelope, letter tri-folded with the top third facing the windows. */
export const WINDOWS = {
  return: { x: 0.5 * IN, y: 0.5 * IN, width: 3.25 * IN, height: 0.875 * IN },
  recipient: { x: 0.875 * IN, y: 2.0 * IN, width: 4.0 * IN, height: 1.125 * IN },
};
/** Where the letter folds (thirds of 11 inches). */
const FOLDS = [(11 / 3) * IN, ((2 * 11) / 3) * IN];
const PAGE = { width: 8.5 * IN, height: 11 * IN };
const MARGIN = 1 * IN;

export interface Letter {
  keycode: string;
  date: string;
  /** The recipient block, USPS style (addressBlock in merge.ts). */
  address: string[];
  /** The merged letter text: salutation, paragraphs (blank-line separated), closing. */
  text: string;
  disclosures: string[];
}

export interface LetterStyle {
  bankName: string;
  returnAddress: string[];
  signer: { name: string; title: string };
}

const FONTS = {
  serif: 'LiberationSerif-Regular.ttf',
  serifBold: 'LiberationSerif-Bold.ttf',
  serifItalic: 'LiberationSerif-Italic.ttf',
  sans: 'LiberationSans-Regular.ttf',
  sansBold: 'LiberationSans-Bold.ttf',
} as const;

/** The font files, read once (one PDF a letter opens hundreds of documents). */
const fontFiles = new Map<string, Buffer>();
function fontFile(file: string): Buffer {
  let data = fontFiles.get(file);
  if (!data) fontFiles.set(file, (data = readFileSync(resourcePath('fonts', file))));
  return data;
}

/** A US Letter document with the embedded fonts (serif, serifBold, serifItalic, sans, sansBold). */
export function newDocument(title: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'LETTER',
    margin: 0,
    autoFirstPage: false,
    info: { Title: title, Creator: 'Mainstreet' },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, fontFile(file));
  return doc;
}

/** The bank's mark and name at the top right (clear of both windows). */
function letterhead(doc: PDFKit.PDFDocument, style: LetterStyle): void {
  const size = 0.42 * IN;
  const x = PAGE.width - MARGIN - size;
  const y = 0.5 * IN;
  doc.save().roundedRect(x, y, size, size, 5).fill('#1f3a5f').restore();
  doc
    .font('sansBold')
    .fontSize(18)
    .fillColor('#ffffff')
    .text(style.bankName.slice(0, 1).toUpperCase(), x, y + 7, { width: size, align: 'center', lineBreak: false });
  doc
    .font('serifBold')
    .fontSize(12)
    .fillColor('#1f3a5f')
    .text(style.bankName, 4.25 * IN, y + size + 6, { width: PAGE.width - MARGIN - 4.25 * IN, align: 'right' });
  doc.fillColor('#000000');
}

/** What pdfkit keeps of a page: its dictionary (for the page tree) and the resources and content it points to. */
interface PageObjects {
  dictionary: { data: object };
  resources: { data: object };
  content: { data: object };
}

/**
 * Adds a page. pdfkit writes the previous page's objects to the file when the next one starts,
 * but keeps them (data included) until the end for the page tree, which needs only their
 * numbers: their data is let go, so memory stays flat however many letters.
 */
function nextPage(doc: PDFKit.PDFDocument): void {
  const inside = doc as unknown as { page?: PageObjects; _fontFamilies?: Record<string, { layoutCache?: object }> };
  const previous = inside.page;
  doc.addPage();
  if (previous) for (const written of [previous.dictionary, previous.resources, previous.content]) written.data = {};
  // Each font also remembers the layout of every word it has set (names, streets, keycodes):
  // forgotten every 200 pages, it is rebuilt for the common words at once.
  if (doc.bufferedPageRange().start % 200 === 0) {
    for (const font of Object.values(inside._fontFamilies ?? {}))
      if (font.layoutCache) font.layoutCache = Object.create(null);
  }
}

function drawLetter(doc: PDFKit.PDFDocument, letter: Letter, style: LetterStyle): void {
  nextPage(doc);
  letterhead(doc, style);
  const ret = WINDOWS.return;
  doc
    .font('sans')
    .fontSize(9)
    .text(style.returnAddress.join('\n'), ret.x + 4, ret.y + 6, { width: ret.width - 8, lineGap: 1 });
  const to = WINDOWS.recipient;
  doc
    .font('sans')
    .fontSize(10.5)
    .text(letter.address.join('\n'), to.x + 4, to.y + 8, { width: to.width - 8, lineGap: 1.5 });

  // Below the first fold: the date, the letter, the signature.
  let y = FOLDS[0]! + 0.3 * IN;
  doc.font('serif').fontSize(11).text(letter.date, MARGIN, y);
  y += 0.4 * IN;
  const width = PAGE.width - 2 * MARGIN;
  const footerTop = PAGE.height - 0.5 * IN - disclosureHeight(doc, letter.disclosures, width);
  const signatureHeight = 1.0 * IN;
  doc
    .font('serif')
    .fontSize(11)
    // Paragraphs come separated by blank lines; the gap between them is the layout's.
    .text(letter.text.replace(/\n\s*\n/g, '\n'), MARGIN, y, {
      width,
      height: Math.max(0, footerTop - signatureHeight - y - 0.2 * IN),
      paragraphGap: 9,
      lineGap: 2,
      ellipsis: true,
    });
  y = doc.y + 14;
  doc.font('serif').fontSize(11).text('Sincerely,', MARGIN, y);
  doc
    .font('serifItalic')
    .fontSize(20)
    .fillColor('#1f3a5f')
    .text(style.signer.name, MARGIN, y + 14, { lineBreak: false });
  doc
    .fillColor('#000000')
    .font('serif')
    .fontSize(11)
    .text(`${style.signer.name}\n${style.signer.title}`, MARGIN, y + 42);

  // The footer: disclosures, and the keycode a response is matched by.
  doc.font('serif').fontSize(7.5).text(letter.disclosures.join('  '), MARGIN, footerTop, { width, lineGap: 1 });
  doc
    .font('sans')
    .fontSize(8)
    .text(letter.keycode, MARGIN, PAGE.height - 0.45 * IN, { width, align: 'right', lineBreak: false });
}

function disclosureHeight(doc: PDFKit.PDFDocument, disclosures: readonly string[], width: number): number {
  if (disclosures.length === 0) return 0;
  return doc.font('serif').fontSize(7.5).heightOfString(disclosures.join('  '), { width, lineGap: 1 }) + 6;
}

/** Writes the letters to one PDF; resolves with the number of pages once the file is complete. */
export async function writeLettersPdf(
  path: string,
  letters: Iterable<Letter>,
  style: LetterStyle,
  title = 'Letters',
): Promise<{ pages: number }> {
  const doc = newDocument(title);
  const out = createWriteStream(path);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  let pages = 0;
  for (const letter of letters) {
    drawLetter(doc, letter, style);
    pages++;
    // Let the finished pages flow to the file now and then, so memory stays flat however many letters.
    if (pages % 25 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    if (out.writableNeedDrain) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  if (pages === 0) {
    doc.addPage();
    doc.font('serif').fontSize(12).text('No letters in this run.', MARGIN, MARGIN);
  }
  doc.end();
  await finished;
  return { pages };
}

/** One page with the windows and folds drawn, to hold against an envelope before a print run. */
export async function writeCalibrationPdf(path: string, style: LetterStyle): Promise<void> {
  const sample: Letter = {
    keycode: 'K000000000000',
    date: 'Calibration page',
    address: ['RECIPIENT NAME', '123 MAIN ST APT 4', 'ANYTOWN IA 50010-1234'],
    text: 'Hold this page against a #10 double-window envelope, folded in thirds at the dashed lines: both addresses must sit inside their windows with room to spare on every side.',
    disclosures: [],
  };
  const doc = newDocument('Envelope calibration');
  const out = createWriteStream(path);
  const finished = new Promise<void>((resolve, reject) => out.on('finish', resolve).on('error', reject));
  doc.pipe(out);
  drawLetter(doc, sample, style);
  doc.save().lineWidth(0.75).strokeColor('#c0392b');
  for (const box of Object.values(WINDOWS)) doc.rect(box.x, box.y, box.width, box.height).stroke();
  doc.dash(4, { space: 4 });
  for (const y of FOLDS) doc.moveTo(0, y).lineTo(PAGE.width, y).stroke();
  doc.restore();
  doc.end();
  await finished;
}
