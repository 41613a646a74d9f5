import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { currentActor } from '../db/audit';
import { ATTRIBUTIONS, campaignReport, type Attribution, type CellFigures } from '../measure/report';
import { writeReportFiles } from '../measure/report-export';
import { deleteHistory, historyReport, importHistory, listHistories } from '../measure/history';
import { CORE_DATA, importResponses, scanCoreResponses } from '../measure/responses';
import { CliError, intOption, requireOption, withExistingDb } from './cli-error';

export const RESPONSES_USAGE = `mainstreet responses scan --db FILE [--run ID] [--json]
    Takes the accounts already imported with the bank's data (the next monthly core export)
    that opened on or after the drop as responses, once each; prints the same as import.
mainstreet responses import --db FILE --profile NAME [--run ID] PATH [--json]
    Imports a response file and matches each response back to a household mailed or held out
    (customer number, then household, keycode, then name and address). --profile
    mainstreet-responses reads the response layout (new accounts with balances, applications,
    approvals, keycodes); any profile with an accounts file (mainstreet-standard, a core's)
    reads new accounts, which count when they open on or after the drop. Without --run the
    responses are matched to every final run. --json prints {rows, matched, unmatched,
    match_rate} and also import_id, not_responses and doubtful.`;

export const REPORT_USAGE = `mainstreet report campaign --db FILE --run ID [--attribution last|first|equal] [--json]
    A run's results per cell: {mailed, control, responders_mailed, responders_control,
    rate_mailed, rate_control, lift, lift_ci_low, lift_ci_high, p_value,
    incremental_balance_cents, cost_cents, romi, payback_months} and totals.
mainstreet report export --db FILE --run ID --pdf FILE --xlsx FILE [--attribution last|first|equal]
    The executive report: a PDF with its charts, and a workbook with the tables behind them.`;

export async function responsesCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'import' && sub !== 'scan')
    throw new CliError(sub ? `Unknown responses command "${sub}".` : 'Say what to do: import or scan.', 2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      profile: { type: 'string' },
      run: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const runId = intOption('--run', values.run, 1, Number.MAX_SAFE_INTEGER);
  const profile = sub === 'import' ? requireOption('profile', values.profile) : CORE_DATA;
  if (sub === 'import' && positionals.length !== 1) throw new CliError('Give one response file (PATH).', 2);
  await withExistingDb(values.db, async (db) => {
    const result =
      sub === 'scan'
        ? scanCoreResponses(db, { runId, actor: currentActor() })
        : await importResponses(db, {
            file: resolve(positionals[0]!),
            profile,
            runId,
            actor: currentActor(),
          });
    if (values.json) {
      const { rows, matched, unmatched, match_rate, import_id, not_responses, doubtful } = result;
      console.log(JSON.stringify({ rows, matched, unmatched, match_rate, import_id, not_responses, doubtful }));
      return;
    }
    console.log(`Imported ${result.rows} rows (import ${result.import_id}).`);
    console.log(`  ${result.not_responses} dated before the drop (not responses)`);
    console.log(`  ${result.matched} matched, ${result.unmatched} not (${result.doubtful} doubtful, to confirm)`);
    console.log(`  match rate ${(result.match_rate * 100).toFixed(1)}%`);
  });
}

function attributionOption(raw: string | undefined): Attribution {
  const value = raw ?? 'last';
  if (!(ATTRIBUTIONS as readonly string[]).includes(value))
    throw new CliError(`--attribution is one of ${ATTRIBUTIONS.join(', ')}, not "${value}".`, 2);
  return value as Attribution;
}

const CONTRACT = [
  'mailed',
  'control',
  'responders_mailed',
  'responders_control',
  'rate_mailed',
  'rate_control',
  'lift',
  'lift_ci_low',
  'lift_ci_high',
  'p_value',
  'incremental_balance_cents',
  'cost_cents',
  'romi',
  'payback_months',
] as const;

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(2)}%`);

function printFigures(label: string, f: CellFigures): void {
  console.log(
    `  ${label}: ${f.mailed} mailed, ${f.control} held out; responded ${pct(f.rate_mailed)} vs ${pct(f.rate_control)}; lift ${pct(f.lift)} (95% CI ${pct(f.lift_ci_low)} to ${pct(f.lift_ci_high)}, p ${f.p_value === null ? '—' : f.p_value.toFixed(4)}); ROMI ${f.romi === null ? '—' : `${(f.romi * 100).toFixed(0)}%`}`,
  );
}

export async function reportCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'campaign' && sub !== 'export')
    throw new CliError(sub ? `Unknown report command "${sub}".` : 'Say what to do: campaign or export.', 2);
  const { values } = parseArgs({
    args: rest,
    options: {
      db: { type: 'string' },
      run: { type: 'string' },
      attribution: { type: 'string' },
      pdf: { type: 'string' },
      xlsx: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const runId = intOption('--run', requireOption('run', values.run), 1, Number.MAX_SAFE_INTEGER)!;
  const attribution = attributionOption(values.attribution);
  if (sub === 'export') {
    if (!values.pdf && !values.xlsx) throw new CliError('Say where to write: --pdf FILE and/or --xlsx FILE.', 2);
    await withExistingDb(values.db, async (db) => {
      const report = campaignReport(db, runId, attribution);
      const files = await writeReportFiles(db, report, {
        pdf: values.pdf ? resolve(values.pdf) : undefined,
        xlsx: values.xlsx ? resolve(values.xlsx) : undefined,
      });
      for (const f of files) console.log(values.json ? JSON.stringify(f) : `wrote ${f}`);
    });
    return;
  }
  await withExistingDb(values.db, (db) => {
    const report = campaignReport(db, runId, attribution);
    if (values.json) {
      const pick = (f: CellFigures) => Object.fromEntries(CONTRACT.map((k) => [k, f[k]]));
      console.log(
        JSON.stringify({
          run_id: report.run_id,
          month: report.month,
          attribution: report.attribution,
          method: report.method,
          cells: report.cells.map(({ audience, offer, ...c }) => ({ audience, offer, ...pick(c), ...c })),
          totals: { ...pick(report.totals), ...report.totals },
          quality: report.quality,
        }),
      );
      return;
    }
    console.log(`Run ${report.run_id} (${report.month}), ${report.attribution_words}`);
    for (const c of report.cells) printFigures(`${c.audience} · ${c.offer}`, c);
    printFigures('Total', report.totals);
    console.log(`  ${report.method}`);
  });
}

export const HISTORY_USAGE = `mainstreet history import --db FILE --name NAME [--family cd] PATH [--json]
    Imports a past campaign's contact list with outcomes (e.g. the UCI bank-marketing file:
    ; or , separated, an outcome column y / outcome / responded) as the baseline: response
    rates by segment, and the family's rate for projections until the bank has its own.
mainstreet history list --db FILE [--json]
mainstreet history report --db FILE --id N [--json]
    Response rates by age band, job, previous outcome, month, channel, marital status, education.
mainstreet history delete --db FILE --id N`;

export async function historyCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      name: { type: 'string' },
      family: { type: 'string', default: 'cd' },
      id: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const print = (value: unknown, words: () => void) => (values.json ? console.log(JSON.stringify(value)) : words());
  if (sub === 'import') {
    if (positionals.length !== 1) throw new CliError('Give one contact-list file (PATH).', 2);
    const name = requireOption('name', values.name);
    await withExistingDb(values.db, async (db) => {
      const h = await importHistory(db, {
        file: resolve(positionals[0]!),
        name,
        family: values.family,
        actor: currentActor(),
      });
      print(h, () =>
        console.log(`History ${h.id} "${h.name}": ${h.contacts} contacts, ${h.responders} responded (${pct(h.rate)}).`),
      );
    });
    return;
  }
  if (sub === 'list') {
    await withExistingDb(values.db, (db) => {
      const list = listHistories(db);
      print(list, () => {
        for (const h of list) console.log(`${h.id}  ${h.name} (${h.family}): ${h.contacts} contacts, ${pct(h.rate)}`);
      });
    });
    return;
  }
  if (sub === 'report' || sub === 'delete') {
    const id = intOption('--id', requireOption('id', values.id), 1, Number.MAX_SAFE_INTEGER)!;
    await withExistingDb(values.db, (db) => {
      if (sub === 'delete') {
        deleteHistory(db, id, currentActor());
        return;
      }
      const report = historyReport(db, id);
      print(report, () => {
        console.log(
          `${report.history.name}: ${report.history.contacts} contacts, ${pct(report.history.rate)} responded`,
        );
        for (const seg of report.segments) {
          console.log(`  ${seg.label}`);
          for (const v of seg.values)
            console.log(`    ${v.value.padEnd(16)} ${String(v.contacts).padStart(7)}  ${pct(v.rate)}`);
        }
      });
    });
    return;
  }
  throw new CliError(sub ? `Unknown history command "${sub}".` : 'Say what to do: import, list, report or delete.', 2);
}
