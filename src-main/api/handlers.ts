/** One handler per contract entry: the input arrives already validated against its schema. */
import type { ApiOutput, ApiParsedInput, Channel } from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { AppError } from '../app/errors';
import { audienceCatalog } from '../audience/catalog';
import { queryOptions } from '../audience/count';
import { explainCustomer } from '../audience/explain';
import {
  approveVersion,
  createAudience,
  getAudience,
  listAudiences,
  retireVersion,
  returnVersion,
  saveDraft,
  submitVersion,
} from '../audience/store';
import { householdSettings, setHouseholdRule } from '../bank/households';
import { getDashboard } from '../bank/stats';
import { getCustomerProfile } from '../customers/customer-profile';
import { listCustomers } from '../customers/list-customers';
import { audit, currentActor } from '../db/audit';
import {
  erasurePreview,
  eraseCustomer,
  privacyOverview,
  purgeDue,
  retentionPolicy,
  setRetention,
} from '../privacy/privacy';
import { checkCanApprove, peopleState, removePerson, savePerson, setFourEyes } from '../people/people';
import { customerScores, listScoreModels } from '../scores/store';
import {
  addPlanRow,
  removePlanRow,
  reorderPlanRows,
  saveOffer,
  saveTemplate,
  setEconomics,
  setPlanCell,
} from '../plan/plan-store';
import { calibrationPage, listRuns, planView, previewLetter, recipientsPage, setPlanSettings } from '../plan/plan-view';
import { finalizeRun, preflight } from '../plan/run-month';
import type { PlanOverlap, PlanProjection } from '../../src-shared/plan';
import { auditLogDownload, auditLogPage } from '../exports/audit-log';
import { importQuality, listImports, quarantineIssues, quarantinePage, rollbackImport } from '../ingest/import-history';
import { issueReport } from '../ingest/issue-report';
import { bankMerchantCleaner, listMerchantRules, saveMerchantRules } from '../ingest/merchant-rules';
import { deleteProfile, findProfile, listProfiles, saveProfile } from '../ingest/profiles/store';
import { importTargets, sniffAnyFiles } from '../ingest/sniff-files';
import { suggestMapping } from '../ingest/suggest-mapping';
import { checkReadableFile, checkWritableDir } from '../app/context';
import type { AudienceDetails } from '../../src-shared/audience';
import type { KliPreview, KliSummary, TriggerHitsPage } from '../../src-shared/kli';
import { getBankNames, setBankNames } from '../kli/bank-names';
import { deleteHistory, historyReport, importHistory, listHistories } from '../measure/history';
import { campaignOverview, campaignReport } from '../measure/report';
import { sampleSize } from '../measure/stats';
import { reportDownload } from '../measure/report-export';
import {
  decideMatch,
  deleteResponseImport,
  importResponses,
  listResponseImports,
  listResponses,
  scanCoreResponses,
} from '../measure/responses';
import { customerKlis, deleteCustomKli, kliDetail, kliLibrary, tuneKli } from '../kli/service';
import {
  evaluateTriggersAfterImport,
  exportTriggerHits,
  listTriggers,
  saveTriggers,
  triggerHits,
} from '../triggers/service';

type Handler<C extends Channel> = (ctx: AppContext, input: ApiParsedInput<C>) => ApiOutput<C> | Promise<ApiOutput<C>>;

export const handlers: { [C in Channel]: Handler<C> } = {
  'app:info': (ctx) => ctx.info(),
  'home:dashboard': (ctx) => getDashboard(ctx.requireDb()),
  'customers:list': (ctx, input) => listCustomers(ctx.requireDb(), input),
  'customers:get': (ctx, input) => getCustomerProfile(ctx.requireDb(), input.id),
  'demo:rebuild': (ctx, input) => ctx.rebuildDemo(input),
  'jobs:get': (ctx, input) => ctx.jobs.get(input.id),
  'jobs:cancel': (ctx, input) => {
    if (!ctx.jobs.get(input.id)) throw new AppError('not_found', `No job ${input.id}.`);
    return { cancelled: ctx.jobs.cancel(input.id) };
  },
  'import:sniff': (ctx, input) => {
    const profile = input.profile ? findProfile(ctx.currentDb(), input.profile) : null;
    if (input.profile && !profile) throw new AppError('not_found', `No profile named "${input.profile}".`);
    return sniffAnyFiles(input.paths.map(checkReadableFile), profile ?? null);
  },
  'import:targets': () => importTargets(),
  'import:suggest': (_ctx, input) => suggestMapping(input.kind, input.columns, input.rows),
  'import:start': (ctx, input) => ctx.startImport(input),
  'import:outcome': (ctx, input) => ctx.importOutcome(input.job_id),
  'import:report': async (ctx, input) => {
    if ('job_id' in input.source) {
      const outcome = ctx.importOutcome(input.source.job_id);
      if (!outcome || (outcome.status !== 'refused' && outcome.status !== 'loaded')) {
        throw new AppError('not_found', 'That import has no problems to report.');
      }
      return issueReport(outcome.errors, input.format, 'import-problems');
    }
    const id = input.source.import_id;
    return issueReport(quarantineIssues(ctx.requireDb(), id), input.format, `import-${id}-quarantine`);
  },
  'profiles:list': (ctx) => listProfiles(ctx.currentDb()),
  'profiles:save': (ctx, input) =>
    saveProfile(ctx.requireDb(), input.profile, { overwrite: input.overwrite, actor: currentActor() }),
  'profiles:delete': (ctx, input) => ({ deleted: deleteProfile(ctx.requireDb(), input.name, currentActor()) }),
  'imports:list': (ctx) => listImports(ctx.requireDb()),
  'imports:quality': (ctx, input) => importQuality(ctx.requireDb(), input.id),
  'imports:quarantine': (ctx, input) => quarantinePage(ctx.requireDb(), input.id, input.page, input.page_size),
  'imports:rollback': (ctx, input) => {
    if (ctx.jobs.running('import:run'))
      throw new AppError('busy', 'An import is running; roll back when it has finished.');
    const record = rollbackImport(ctx.requireDb(), input.id, currentActor());
    evaluateTriggersAfterImport(ctx.requireDb(), currentActor());
    ctx.databaseChanged();
    return record;
  },
  'households:get': (ctx) => householdSettings(ctx.requireDb()),
  'households:set-rule': (ctx, input) => {
    if (ctx.jobs.running('import:run'))
      throw new AppError('busy', 'An import is running; change the rule when it has finished.');
    const settings = setHouseholdRule(ctx.requireDb(), input.rule, currentActor());
    ctx.databaseChanged();
    return settings;
  },
  'merchants:rules': (ctx) => listMerchantRules(ctx.requireDb()),
  'merchants:save-rules': (ctx, input) => {
    if (ctx.jobs.running('import:run'))
      throw new AppError('busy', 'An import is running; save the rules when it has finished.');
    const saved = saveMerchantRules(ctx.requireDb(), input.rules, currentActor());
    ctx.databaseChanged();
    return saved;
  },
  'merchants:try': (ctx, input) => ({
    ...bankMerchantCleaner(ctx.requireDb(), input.rules)(input.description, input.mcc),
  }),
  'bank:get': (ctx) => getBankNames(ctx.requireDb()),
  'bank:set': (ctx, input) => {
    const names = setBankNames(ctx.requireDb(), input, currentActor());
    ctx.databaseChanged();
    return names;
  },
  'kli:library': (ctx) => kliLibrary(ctx.requireDb()),
  'kli:get': (ctx, input) => kliDetail(ctx.requireDb(), input.id),
  'kli:compute': (ctx, input) => ctx.startKliCompute(input),
  // Both read the whole lookback: answered on a worker thread.
  'kli:preview': (ctx, input) => ctx.runTask<KliPreview>('kli:preview', { definition: input.definition }),
  'kli:save': (ctx, input) =>
    ctx.runTask<KliSummary>('kli:save', { definition: input.definition, overwrite: input.overwrite }),
  'kli:delete': (ctx, input) => ({ deleted: deleteCustomKli(ctx.requireDb(), input.id, currentActor()) }),
  'kli:tune': (ctx, input) => tuneKli(ctx.requireDb(), input.id, input.rule, currentActor()),
  'kli:customer': (ctx, input) => customerKlis(ctx.requireDb(), input.customer_id),
  'triggers:list': (ctx) => listTriggers(ctx.requireDb()),
  'triggers:save': (ctx, input) => saveTriggers(ctx.requireDb(), input.rules, currentActor()),
  'triggers:run': async (ctx) => {
    const page = await ctx.runTask<TriggerHitsPage>('triggers:run', {});
    ctx.databaseChanged();
    return page;
  },
  'triggers:hits': (ctx, input) => triggerHits(ctx.requireDb(), input.page, input.page_size),
  'triggers:export': (ctx, input) => exportTriggerHits(ctx.requireDb(), input.format),
  'audience:catalog': (ctx) => audienceCatalog(ctx.requireDb()),
  // Counts and details read every customer: on worker threads, so a large bank never holds up
  // the window; the counting worker keeps what it read for the next edit (audience/live-count.ts).
  'audience:count': (ctx, input) => ctx.liveCount(input),
  'audience:details': (ctx, input) => ctx.runTask<AudienceDetails>('audience:details', { query: input }),
  'audience:explain': (ctx, input) => {
    const { customer, ...query } = input;
    return explainCustomer(ctx.requireDb(), input.rule, customer, queryOptions(query));
  },
  'audience:list': (ctx) => listAudiences(ctx.requireDb()),
  'audience:get': (ctx, input) => getAudience(ctx.requireDb(), input.id),
  'audience:create': (ctx, input) => createAudience(ctx.requireDb(), input.name, input.draft, currentActor()),
  'audience:save': (ctx, input) => saveDraft(ctx.requireDb(), input.id, input.draft, currentActor()),
  'audience:submit': (ctx, input) => submitVersion(ctx.requireDb(), input.version_id, currentActor()),
  'audience:approve': (ctx, input) => {
    const db = ctx.requireDb();
    // On a team, the approver is whoever is signed in, and must be allowed to approve.
    const person = ctx.signedIn();
    checkCanApprove(db, person);
    return approveVersion(
      db,
      input.version_id,
      {
        approver: person?.name ?? input.approver,
        comment: input.comment,
        acknowledge_fair_lending: input.acknowledge_fair_lending,
      },
      currentActor(),
    );
  },
  'audience:return': (ctx, input) => returnVersion(ctx.requireDb(), input.version_id, input.reason, currentActor()),
  'audience:retire': (ctx, input) => retireVersion(ctx.requireDb(), input.version_id, currentActor()),
  'scores:train': (ctx, input) => ctx.startScoresTrain(input),
  'scores:outcome': (ctx, input) => ctx.scoresOutcome(input.job_id),
  'scores:models': (ctx) => listScoreModels(ctx.requireDb()),
  'scores:customer': (ctx, input) => customerScores(ctx.requireDb(), input.customer_id),
  'plan:get': (ctx) => planView(ctx.requireDb()),
  // Counting every cell's audience reads much of the bank: on a worker.
  'plan:projections': (ctx) => ctx.runTask<PlanProjection>('plan:projections', {}),
  'plan:overlap': (ctx) => ctx.runTask<PlanOverlap>('plan:overlap', {}),
  'plan:settings': (ctx, input) => setPlanSettings(ctx.requireDb(), input, currentActor()),
  'plan:add-row': (ctx, input) => addPlanRow(ctx.requireDb(), input.audience_id, currentActor()),
  'plan:remove-row': (ctx, input) => removePlanRow(ctx.requireDb(), input.audience_id, currentActor()),
  'plan:reorder': (ctx, input) => reorderPlanRows(ctx.requireDb(), input.audience_ids, currentActor()),
  'plan:set-cell': (ctx, input) =>
    setPlanCell(ctx.requireDb(), input.month, input.audience_id, input.offer_id, currentActor()),
  'plan:run-month': (ctx, input) => {
    const problems = preflight(ctx.requireDb(), input.month);
    if (problems.length)
      throw new AppError('invalid_input', `${input.month} cannot run yet:\n- ${problems.join('\n- ')}`);
    return ctx.startPlanRun({ ...input, out_dir: checkWritableDir(input.out_dir) });
  },
  'plan:run-outcome': (ctx, input) => ctx.planRunOutcome(input.job_id),
  'plan:runs': (ctx) => listRuns(ctx.requireDb()),
  'plan:finalize': (ctx, input) => finalizeRun(ctx.requireDb(), input.run_id, currentActor()),
  'plan:recipients': (ctx, input) => recipientsPage(ctx.requireDb(), input.run_id, input.page, input.page_size),
  'plan:preview': (ctx, input) => previewLetter(ctx.requireDb(), input.offer_id, input.customer),
  'plan:calibration': (ctx) => calibrationPage(ctx.requireDb()),
  'plan:sample-size': (_ctx, input) => sampleSize(input.base_rate, input.lift, input.control_share),
  'offers:save': (ctx, input) => saveOffer(ctx.requireDb(), input.offer, currentActor()),
  'templates:save': (ctx, input) => saveTemplate(ctx.requireDb(), input.name, input.body, currentActor()),
  'economics:set': (ctx, input) => setEconomics(ctx.requireDb(), input, currentActor()),
  'audit:list': (ctx, input) => auditLogPage(ctx.requireDb(), input),
  'audit:export': (ctx, { format, ...filters }) => auditLogDownload(ctx.requireDb(), filters, format),
  'responses:import': (ctx, input) =>
    importResponses(ctx.requireDb(), {
      file: input.path,
      profile: input.profile,
      runId: input.run_id,
      actor: currentActor(),
    }),
  'responses:scan': (ctx, input) => scanCoreResponses(ctx.requireDb(), { runId: input.run_id, actor: currentActor() }),
  'responses:imports': (ctx) => listResponseImports(ctx.requireDb()),
  'responses:delete-import': (ctx, input) => {
    deleteResponseImport(ctx.requireDb(), input.import_id, currentActor());
    return listResponseImports(ctx.requireDb());
  },
  'responses:list': (ctx, input) => listResponses(ctx.requireDb(), input.status),
  'responses:decide': (ctx, input) => decideMatch(ctx.requireDb(), input.id, input.decision, currentActor()),
  'report:campaign': (ctx, input) =>
    campaignReport(ctx.requireDb(), input.run_id, { attribution: input.attribution, branch: input.branch }),
  'report:overview': (ctx, input) => campaignOverview(ctx.requireDb(), input.attribution),
  'history:import': (ctx, input) =>
    importHistory(ctx.requireDb(), { file: input.path, name: input.name, family: input.family, actor: currentActor() }),
  'history:list': (ctx) => listHistories(ctx.requireDb()),
  'history:report': (ctx, input) => historyReport(ctx.requireDb(), input.id),
  'history:delete': (ctx, input) => deleteHistory(ctx.requireDb(), input.id, currentActor()),
  'people:list': (ctx) => peopleState(ctx.requireDb(), ctx.signedIn()),
  'people:save': (ctx, input) => {
    const db = ctx.requireDb();
    savePerson(db, input, ctx.signedIn(), currentActor());
    ctx.refreshPerson();
    return peopleState(db, ctx.signedIn());
  },
  'people:remove': (ctx, input) => {
    const db = ctx.requireDb();
    removePerson(db, input.id, ctx.signedIn(), currentActor());
    return peopleState(db, ctx.signedIn());
  },
  'people:sign-in': (ctx, input) => {
    ctx.signIn(input.id, input.pin);
    return peopleState(ctx.requireDb(), ctx.signedIn());
  },
  'people:four-eyes': (ctx, input) => {
    const db = ctx.requireDb();
    setFourEyes(db, input.on, ctx.signedIn(), currentActor());
    return peopleState(db, ctx.signedIn());
  },
  'backups:list': (ctx) => ctx.backups(),
  'backups:create': (ctx) => ctx.backupNow(),
  'backups:restore': (ctx, input) => ctx.restore(input.file),
  'privacy:overview': (ctx) => privacyOverview(ctx.requireDb(), ctx.info().db_path ?? '', ctx.options.dataDir),
  'privacy:erase-preview': (ctx, input) => erasurePreview(ctx.requireDb(), input.customer_number),
  'privacy:erase': (ctx, input) =>
    eraseCustomer(ctx.requireDb(), input.customer_number, ctx.signedIn(), currentActor()),
  'retention:get': (ctx) => retentionPolicy(ctx.requireDb()),
  'retention:set': (ctx, input) => setRetention(ctx.requireDb(), input, ctx.signedIn(), currentActor()),
  'retention:purge': (ctx, input) => purgeDue(ctx.requireDb(), input.kind, ctx.signedIn(), currentActor()),
  'exports:acknowledge': (ctx, input) => {
    audit(ctx.requireDb(), {
      actor: currentActor(),
      action: 'export.warned',
      entity: 'export',
      detail: { what: input.what, destination: input.destination, personal_data: true },
    });
    return { recorded: true as const };
  },
  'report:export': (ctx, input) =>
    reportDownload(
      ctx.requireDb(),
      campaignReport(ctx.requireDb(), input.run_id, { attribution: input.attribution, branch: input.branch }),
      input.format,
    ),
};
