/**
 * A run's output files, for the mailed pieces only (the control group gets nothing): the
 * letters (PDF), the print vendor's mail file (CSV and XLSX), the email tool's audience with
 * send dates around the letter drop, the online-banking banner audience, and the branches'
 * lead lists with talking points from each customer's KLIs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { audit } from '../db/audit';
import ExcelJS from 'exceljs';
import type { Channel, Offer } from '../../src-shared/plan';
import { AppError } from '../app/errors';
import type { Db } from '../db/open';
import { getSetting } from '../bank/stats';
import { listDefinitions } from '../kli/definitions';
import { LETTER_ORDER } from '../audience/explain';
import { parseDay, isoOf } from '../demo/dates';
import { safeCell, tableCsv, tableXlsx, type TableColumn } from '../exports/table-file';
import { addressBlock, compileTemplate, householdNames, type MergeContext } from './merge';
import { writeLettersPdf, type Letter, type LetterStyle } from './letters';
import { listOffers } from './plan-store';
import { getRun } from './run-month';

interface Piece {
  customer_id: number;
  household_id: number;
  keycode: string;
  offer_id: number;
  customer_number: string;
  first_name: string;
  last_name: string;
  address_line1: string;
  address_line2: string | null;
  city: string;
  state: string;
  zip: string;
  email: string | null;
  branch_code: string | null;
  branch: string | null;
}

const PIECE_COLUMNS = `c.customer_number, c.first_name, c.last_name, c.address_line1, c.address_line2, c.city, c.state,
  c.zip, c.email, c.branch_code, b.name AS branch`;

function mailedPieces(db: Db, runId: number): Piece[] {
  return db
    .prepare(
      `SELECT r.customer_id, r.household_id, r.keycode, r.offer_id, ${PIECE_COLUMNS}
       FROM run_recipients r JOIN customers c ON c.id = r.customer_id LEFT JOIN branches b ON b.code = c.branch_code
       WHERE r.run_id = ? AND r.grp = 'mailed' ORDER BY r.keycode`,
    )
    .all(runId) as Piece[];
}

/** One customer's letter for an offer, dated the first of next month, with a sample keycode. */
export async function renderPreviewLetter(db: Db, offer: Offer, customerId: number, path: string): Promise<void> {
  const piece = db
    .prepare(
      `SELECT c.id AS customer_id, c.household_id, 'K000000000000' AS keycode, ? AS offer_id, ${PIECE_COLUMNS}
       FROM customers c LEFT JOIN branches b ON b.code = c.branch_code WHERE c.id = ?`,
    )
    .get(offer.id, customerId) as Piece | undefined;
  if (!piece) throw new AppError('not_found', `No customer ${customerId}.`);
  const now = new Date();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  await writeLettersPdf(
    path,
    mergedLetters(db, next, [piece], new Map([[offer.id, offer]])),
    letterStyle(db),
    'Preview',
  );
}

const longDate = (iso: string) =>
  new Date(`${iso}T12:00:00Z`).toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
const addDays = (iso: string, days: number) => isoOf(parseDay(iso) + days);

export function letterStyle(db: Db): LetterStyle {
  const bankName = getSetting(db, 'bank_name') ?? 'Your bank';
  const parse = <T>(key: string, fallback: T): T => {
    try {
      const text = getSetting(db, key);
      return text ? (JSON.parse(text) as T) : fallback;
    } catch {
      return fallback;
    }
  };
  return {
    bankName,
    returnAddress: parse<string[]>('letter_return_address', [bankName]),
    signer: parse('letter_signer', { name: 'The Marketing Team', title: bankName }),
  };
}

/** The merged letters of mailed pieces, made one at a time as the PDF asks for them. */
function* mergedLetters(
  db: Db,
  dropDate: string,
  pieces: readonly Piece[],
  offers: Map<number, Offer>,
): Generator<Letter> {
  const bank = {
    name: getSetting(db, 'bank_name') ?? 'Your bank',
    short_name: getSetting(db, 'bank_short_name') ?? '',
  };
  const templates = new Map<number, (c: MergeContext) => string>();
  const templateOf = (offer: Offer) => {
    let t = templates.get(offer.id);
    if (!t) {
      const body = db.prepare('SELECT body FROM letter_templates WHERE id = ?').pluck().get(offer.template_id) as
        string | undefined;
      if (body === undefined) throw new AppError('invalid_input', `The offer ${offer.code} has no letter template.`);
      t = compileTemplate(body);
      templates.set(offer.id, t);
    }
    return t;
  };
  const products = new Map(
    (db.prepare('SELECT code, name FROM products').all() as { code: string; name: string }[]).map((p) => [
      p.code,
      p.name,
    ]),
  );
  const partner = db.prepare(
    `SELECT first_name, last_name FROM customers c WHERE c.household_id = ? AND c.id != ? AND c.address_line1 = ?
       AND coalesce(c.deceased, 0) = 0 AND (c.birth_date IS NULL OR c.birth_date <= ?)
     ORDER BY ${LETTER_ORDER} LIMIT 1`,
  );
  const klis = db.prepare('SELECT kli_id, value FROM kli_results WHERE customer_id = ?');
  const bodies = new Map<number, (c: MergeContext) => string>();
  const contextFor = (p: Piece) => {
    const offer = offers.get(p.offer_id)!;
    const adultBorn = `${Number(dropDate.slice(0, 4)) - 18}${dropDate.slice(4)}`;
    const other = partner.get(p.household_id, p.customer_id, p.address_line1, adultBorn) as
      { first_name: string; last_name: string } | undefined;
    const people = [{ first_name: p.first_name, last_name: p.last_name }, ...(other ? [other] : [])];
    const names = householdNames(people);
    let body = bodies.get(offer.id);
    if (!body) bodies.set(offer.id, (body = compileTemplate(offer.body)));
    const context: MergeContext = {
      salutation: `Dear ${names}`,
      date: longDate(dropDate),
      keycode: p.keycode,
      customer: {
        first_name: p.first_name,
        last_name: p.last_name,
        full_name: `${p.first_name} ${p.last_name}`,
        customer_number: p.customer_number,
        city: p.city,
        state: p.state,
      },
      household: { names, size: people.length },
      offer: {
        code: offer.code,
        name: offer.name,
        headline: offer.headline,
        body: '',
        incentive: offer.incentive,
        apy: offer.apy === null ? '' : offer.apy.toFixed(2),
        respond_by: longDate(addDays(dropDate, offer.response_days)),
        response_days: offer.response_days,
      },
      product: { code: offer.product_code, name: products.get(offer.product_code) ?? offer.product_code },
      bank,
      kli: Object.fromEntries(
        (klis.all(p.customer_id) as { kli_id: string; value: number }[]).map((k) => [k.kli_id, k.value]),
      ),
    };
    context.offer.body = body(context);
    return { offer, context, names };
  };
  // A household allowed several offers a month gets them in one letter: the first offer's
  // template, then each other offer in a paragraph of its own with its keycode.
  const letters = new Map<number, Piece[]>();
  for (const p of pieces) letters.set(p.customer_id, [...(letters.get(p.customer_id) ?? []), p]);
  for (const [p, ...more] of letters.values()) {
    const { offer, context, names } = contextFor(p!);
    let text = templateOf(offer)(context);
    const disclosures = [...offer.disclosures];
    for (const extra of more) {
      const also = contextFor(extra);
      const merged = also.context.offer;
      text +=
        `\n\nAlso for you: ${merged.headline}\n\n${merged.body}` +
        (merged.incentive ? `\n\n${merged.incentive}` : '') +
        `\n\nFor this one, mention code ${extra.keycode} by ${merged.respond_by}.`;
      for (const notice of also.offer.disclosures) if (!disclosures.includes(notice)) disclosures.push(notice);
    }
    yield {
      keycode: [p!, ...more].map((x) => x.keycode).join(' · '),
      date: context.date,
      address: addressBlock({
        name: names,
        line1: p!.address_line1,
        line2: p!.address_line2,
        city: p!.city,
        state: p!.state,
        zip: p!.zip,
      }),
      text,
      disclosures,
    };
  }
}

/** The run's letters as one PDF (`letters render`). */
/**
 * The run's letters one PDF each, named by keycode, in `dir` (for a printer or a mail house that
 * takes them one by one); returns how many.
 */
export async function renderEachLetter(db: Db, runId: number, dir: string): Promise<{ files: number }> {
  const run = getRun(db, runId);
  mkdirSync(dir, { recursive: true });
  const offers = new Map(listOffers(db).map((o) => [o.id, o]));
  const style = letterStyle(db);
  let files = 0;
  for (const letter of mergedLetters(db, run.drop_date, mailedPieces(db, runId), offers)) {
    const name = letter.keycode.split(' · ')[0]!;
    await writeLettersPdf(join(dir, `${name}.pdf`), [letter], style, `Letter ${name}`);
    files++;
  }
  return { files };
}

export async function renderRunLetters(db: Db, runId: number, path: string): Promise<{ pages: number }> {
  const run = getRun(db, runId);
  const offers = new Map(listOffers(db).map((o) => [o.id, o]));
  return writeRunLetters(db, run, mailedPieces(db, runId), offers, path);
}

/** The run's letters into one PDF at `path`. */
function writeRunLetters(
  db: Db,
  run: { month: string; drop_date: string },
  pieces: readonly Piece[],
  offers: Map<number, Offer>,
  path: string,
): Promise<{ pages: number }> {
  return writeLettersPdf(
    path,
    mergedLetters(db, run.drop_date, pieces, offers),
    letterStyle(db),
    `Letters ${run.month}`,
  );
}

const uses = (offer: Offer | undefined, channel: Channel) =>
  offer !== undefined && offer.channels[channel] !== undefined;

/** Every file of a run, written into `dir`; returns their paths. */
export async function writeRunFiles(db: Db, runId: number, dir: string, actor: string): Promise<string[]> {
  const run = getRun(db, runId);
  mkdirSync(dir, { recursive: true });
  const offers = new Map(listOffers(db).map((o) => [o.id, o]));
  const pieces = mailedPieces(db, runId);
  const files: string[] = [];
  const save = (name: string, data: Buffer) => {
    const path = join(dir, name);
    writeFileSync(path, data);
    files.push(path);
  };
  const m = run.month;

  const letters = join(dir, `letters-${m}.pdf`);
  await writeRunLetters(db, run, pieces, offers, letters);
  files.push(letters);

  type MailRow = Record<'keycode' | 'offer' | 'customer' | 'name' | 'line1' | 'line2' | 'last_line', string>;
  const mail: MailRow[] = pieces.map((p) => {
    const block = addressBlock({
      name: `${p.first_name} ${p.last_name}`,
      line1: p.address_line1,
      line2: p.address_line2,
      city: p.city,
      state: p.state,
      zip: p.zip,
    });
    return {
      keycode: p.keycode,
      offer: offers.get(p.offer_id)!.code,
      customer: p.customer_number,
      name: block[0] ?? '',
      line1: block[1] ?? '',
      line2: block.length > 3 ? block[2]! : '',
      last_line: block.at(-1) ?? '',
    };
  });
  const mailColumns: TableColumn<MailRow>[] = [
    { key: 'keycode', header: 'Keycode', width: 16 },
    { key: 'offer', header: 'Offer code', width: 12 },
    { key: 'customer', header: 'Customer number', width: 16 },
    { key: 'name', header: 'Name', width: 32 },
    { key: 'line1', header: 'Address line 1', width: 32 },
    { key: 'line2', header: 'Address line 2', width: 20 },
    { key: 'last_line', header: 'City state ZIP', width: 28 },
  ];
  save(`mail-file-${m}.csv`, tableCsv(mailColumns, mail));
  save(`mail-file-${m}.xlsx`, await tableXlsx(`Mail ${m}`, mailColumns, mail));

  type EmailRow = Record<'customer' | 'email' | 'first_name' | 'offer' | 'keycode' | 'before' | 'after', string>;
  const email: EmailRow[] = pieces
    .filter((p) => p.email && uses(offers.get(p.offer_id), 'email'))
    .map((p) => ({
      customer: p.customer_number,
      email: p.email!,
      first_name: p.first_name,
      offer: offers.get(p.offer_id)!.code,
      keycode: p.keycode,
      before: addDays(run.drop_date, -3),
      after: addDays(run.drop_date, 10),
    }));
  save(
    `email-${m}.csv`,
    tableCsv(
      [
        { key: 'customer', header: 'Customer number', width: 16 },
        { key: 'email', header: 'Email', width: 30 },
        { key: 'first_name', header: 'First name', width: 16 },
        { key: 'offer', header: 'Offer code', width: 12 },
        { key: 'keycode', header: 'Keycode', width: 16 },
        { key: 'before', header: 'Send before the letter', width: 14 },
        { key: 'after', header: 'Send after the letter', width: 14 },
      ],
      email,
    ),
  );

  type BannerRow = Record<'customer' | 'offer' | 'from' | 'to', string>;
  const banner: BannerRow[] = pieces
    .filter((p) => uses(offers.get(p.offer_id), 'banner'))
    .map((p) => ({
      customer: p.customer_number,
      offer: offers.get(p.offer_id)!.code,
      from: run.drop_date,
      to: addDays(run.drop_date, offers.get(p.offer_id)!.response_days),
    }));
  save(
    `banner-${m}.csv`,
    tableCsv(
      [
        { key: 'customer', header: 'Customer number', width: 16 },
        { key: 'offer', header: 'Offer code', width: 12 },
        { key: 'from', header: 'Show from', width: 12 },
        { key: 'to', header: 'Show until', width: 12 },
      ],
      banner,
    ),
  );

  save(`branch-leads-${m}.xlsx`, await branchLeads(db, pieces, offers, m));
  // The files hold names, addresses and emails and leave the app: who saved them where is kept.
  audit(db, {
    actor,
    action: 'export.saved',
    entity: 'run',
    entity_id: String(runId),
    detail: { destination: dir, files: files.map((f) => basename(f)), personal_data: true, recipients: pieces.length },
  });
  return files;
}

/** The branches' lead lists: a sheet per branch, each lead with talking points from their KLIs. */
async function branchLeads(
  db: Db,
  pieces: readonly Piece[],
  offers: Map<number, Offer>,
  month: string,
): Promise<Buffer> {
  const names = new Map(listDefinitions(db).map((k) => [k.id, k.name]));
  const klis = db.prepare('SELECT kli_id FROM kli_results WHERE customer_id = ? ORDER BY kli_id').pluck();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Mainstreet';
  const byBranch = new Map<string, Piece[]>();
  for (const p of pieces.filter((x) => uses(offers.get(x.offer_id), 'branch'))) {
    const key = p.branch ? `${p.branch_code} ${p.branch}` : 'No branch';
    byBranch.set(key, [...(byBranch.get(key) ?? []), p]);
  }
  if (byBranch.size === 0) byBranch.set('No leads', []);
  for (const [branch, leads] of [...byBranch].sort(([a], [b]) => a.localeCompare(b))) {
    const sheet = workbook.addWorksheet(branch.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    sheet.columns = [
      { header: 'Customer number', width: 16 },
      { header: 'Name', width: 26 },
      { header: 'City', width: 16 },
      { header: 'Offer', width: 30 },
      { header: 'Keycode', width: 16 },
      { header: 'Talking points', width: 70 },
    ];
    sheet.getRow(1).font = { bold: true };
    for (const p of leads) {
      const offer = offers.get(p.offer_id)!;
      const points = (klis.all(p.customer_id) as string[]).map((id) => names.get(id) ?? id);
      sheet.addRow(
        [
          p.customer_number,
          `${p.first_name} ${p.last_name}`,
          p.city,
          `${offer.name} (${offer.code})`,
          p.keycode,
          points.join('; '),
        ].map(safeCell),
      );
    }
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 6 } };
  }
  workbook.title = `Branch leads ${month}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
