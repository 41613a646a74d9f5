/**
 * `npm run bench -- letters [--letters N]`: renders N merged letters (10,000 by default) into
 * one PDF and prints letters/s and peak memory, then the same at a fifth of N to show memory
 * stays flat in the number of letters. Goal: at least 200 letters/s here. Reference, same run:
 * pdfkit alone writing as many pages of one line each in the same embedded fonts.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { createWriteStream } from 'node:fs';
import { resourcePath } from '../../src-main/app/paths';
import { writeLettersPdf, type Letter } from '../../src-main/plan/letters';
import { DISCLOSURES } from '../../src-main/plan/plan-store';
import { addressBlock, compileTemplate, type MergeContext } from '../../src-main/plan/merge';
import { STANDARD_TEMPLATE } from '../../src-main/plan/sample-plan';

const GOAL = 200;
const FIRST = ['John', 'Maria', 'Dwayne', 'Susan', 'Kim', 'Luis', 'Ann', 'Tomás'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Olson', 'Johnson', 'Schmidt', 'Lee', "O'Brien"];

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** The heap in use after a full collection, in MB: what the writer still holds. */
function retainedMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/**
 * N merged letters, made one at a time as the writer asks (the template merged for each);
 * `atEnd` is called before the last one is handed over, while the writer holds everything it keeps.
 */
function* letters(n: number, atEnd: () => void = () => {}): Generator<Letter> {
  const merge = compileTemplate(STANDARD_TEMPLATE);
  for (let i = 0; i < n; i++) {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    const context: MergeContext = {
      salutation: `Dear ${first} ${last}`,
      date: 'December 1, 2026',
      keycode: `K2612010${String(i).padStart(4, '0')}0`,
      customer: {
        first_name: first,
        last_name: last,
        full_name: `${first} ${last}`,
        customer_number: String(100000 + i),
        city: 'Ames',
        state: 'IA',
      },
      household: { names: `${first} ${last}`, size: 1 },
      offer: {
        code: 'HELOC-EQ',
        name: 'Home equity line',
        headline: 'Put the equity in your home to work.',
        body: 'As a Prairie Valley mortgage customer you can open a home equity line of credit for renovations, tuition or consolidating higher-rate debt, and draw on it only when you need it.',
        incentive: 'No closing costs on lines opened by the date below.',
        apy: '',
        respond_by: 'March 1, 2027',
        response_days: 90,
      },
      product: { code: 'HELOC', name: 'Home Equity Line of Credit' },
      bank: { name: 'Prairie Valley Community Bank', short_name: 'PVCB' },
      kli: {},
    };
    if (i === n - 1) atEnd();
    yield {
      keycode: context.keycode,
      date: context.date,
      address: addressBlock({
        name: `${first} ${last}`,
        line1: `${100 + (i % 900)} Main St.`,
        line2: i % 5 === 0 ? 'Apt. 4' : null,
        city: 'Ames',
        state: 'IA',
        zip: '500101234',
      }),
      text: merge(context),
      disclosures: [DISCLOSURES.equalHousing],
    };
  }
}

/** Runs `work`, sampling resident memory every 20 ms; returns seconds and the peak in MB. */
async function measured(work: () => Promise<unknown>): Promise<{ seconds: number; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(timer);
  return { seconds, peakMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20 };
}

async function bareDocument(path: string, pages: number): Promise<void> {
  const doc = new PDFDocument({ size: 'LETTER', margin: 0, autoFirstPage: false });
  doc.registerFont('serif', resourcePath('fonts', 'LiberationSerif-Regular.ttf'));
  const out = createWriteStream(path);
  const done = new Promise<void>((resolve) => out.on('finish', resolve));
  doc.pipe(out);
  for (let i = 0; i < pages; i++) {
    doc
      .addPage()
      .font('serif')
      .fontSize(11)
      .text(`Page ${i + 1}`, 72, 72);
    if (i % 25 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  doc.end();
  await done;
}

export async function runLettersBench(args: string[]): Promise<void> {
  const n = Number(option(args, '--letters') ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'mainstreet-letters-bench-'));
  const style = {
    bankName: 'Prairie Valley Community Bank',
    returnAddress: ['Prairie Valley Community Bank', 'PO Box 400', 'Ames IA 50010'],
    signer: { name: 'Karen Holt', title: 'Vice President, Marketing' },
  };
  try {
    console.log(`Letters benchmark: ${n.toLocaleString('en-US')} merged letters into one PDF`);
    const small = Math.max(1, Math.round(n / 5));
    const base = retainedMb();
    let heldSmall = 0;
    let heldFull = 0;
    const warm = await measured(() =>
      writeLettersPdf(
        join(dir, 'small.pdf'),
        letters(small, () => (heldSmall = retainedMb() - base)),
        style,
      ),
    );
    const bare = await measured(() => bareDocument(join(dir, 'bare.pdf'), n));
    const full = await measured(() =>
      writeLettersPdf(
        join(dir, 'letters.pdf'),
        letters(n, () => (heldFull = retainedMb() - base)),
        style,
      ),
    );
    const rate = n / full.seconds;
    console.log('');
    console.log(
      `Reference, same run: pdfkit alone, ${n} one-line pages: ${bare.seconds.toFixed(1)} s (${(n / bare.seconds).toFixed(0)} pages/s)`,
    );
    console.log(
      `Letters: ${n} in ${full.seconds.toFixed(1)} s = ${rate.toFixed(0)} letters/s (goal ≥ ${GOAL}: ${rate >= GOAL ? 'met' : 'NOT met'}); ${(statSync(join(dir, 'letters.pdf')).size / 2 ** 20).toFixed(1)} MB`,
    );
    console.log(
      `Peak memory (resident): ${full.peakMb.toFixed(0)} MB for ${n} letters, ${warm.peakMb.toFixed(0)} MB for ${small}`,
    );
    console.log(
      `Held by the writer just before the end (heap after a full collection): ${heldSmall.toFixed(1)} MB for ${small}, ` +
        `${heldFull.toFixed(1)} MB for ${n}: ${(((heldFull - heldSmall) / (n - small)) * 1024).toFixed(1)} KB a letter ` +
        '(the page tree’s entries, written last; the pages themselves are on disk)',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
