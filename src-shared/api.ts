/**
 * The one contract between the screens and the main process. Every call is declared once
 * here with the schema its input must pass and the type it returns; the preload, the
 * loopback client, the handlers and the mock used by component tests are all typed from it.
 */
import { z } from 'zod';
import type { Channel } from './channels';
import {
  CUSTOMER_SORT_COLUMNS,
  PRODUCT_FAMILIES,
  type AppInfo,
  type BankNames,
  type CustomerPage,
  type CustomerProfile,
  type Dashboard,
  type HouseholdSettings,
  type JobInfo,
} from './domain';
import type { EventName, Events } from './events';
import type {
  DownloadFile,
  ImportOutcome,
  ImportQuality,
  ImportRecord,
  ImportTargets,
  MappingSuggestion,
  QuarantinePage,
  SavedProfile,
  SniffedFile,
} from './imports';
import { IMPORT_KINDS, mappingProfileSchema } from './mapping-profile';
import { merchantRuleSchema, type MerchantCategory, type MerchantRule } from './merchants';
import type { CustomerKli, KliDetail, KliLibrary, KliPreview, KliSummary, TriggerHitsPage, TriggerRule } from './kli';
import { customKliSchema, kliIdSchema, kliRuleSchema, triggerRuleSchema } from './kli-schema';
import type {
  AudienceCatalog,
  AudienceCount,
  AudienceDetails,
  AudienceExplanation,
  AudienceSummary,
  AudienceVersion,
} from './audience';
import { ruleLimitsError, ruleNodeSchema } from './audience-schema';
import type { AuditPage } from './audit-log';
import type { BackupList, RestoreOutcome } from './backup';
import { ROLES, type PeopleState } from './people';
import type { ErasurePreview, PrivacyOverview, RetentionPolicy } from './privacy';
import type { HistoryImport, HistoryReport } from './history';
import {
  ATTRIBUTIONS,
  type CampaignReport,
  type CampaignSummary,
  type ResponseImport,
  type ResponseImportResult,
  type ResponseRow,
} from './measure';
import type { CustomerScore, ScoreModel, ScoreTrainResult } from './scores';
import {
  CHANNELS,
  type LetterTemplate,
  type Offer,
  type PlanCell,
  type PlanOverlap,
  type PlanProjection,
  type PlanRow,
  type PlanSettings,
  type PlanView,
  type ProductEconomics,
  type RecipientRow,
  type RunSummary,
} from './plan';

/** A file on this machine, as the desktop file dialog or the browser-mode upload gives it. */
const filePath = z.string().min(1).max(4096);
const profileName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

const recordId = z.number().int().positive();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is written YYYY-MM');
const offerInputSchema = z
  .object({
    code: z
      .string()
      .regex(/^[A-Z0-9][A-Z0-9-]{0,19}$/, 'an offer code is up to 20 capital letters, digits and hyphens'),
    product_code: z.string().min(1).max(40),
    name: z.string().trim().min(1).max(80),
    headline: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(4000),
    incentive: z.string().trim().max(400).default(''),
    response_days: z.number().int().min(1).max(730).default(90),
    channels: z.partialRecord(z.enum(CHANNELS), z.number().min(0).max(100)),
    template_id: recordId.nullable(),
    apy: z.number().min(0).max(25).nullable().default(null),
    prescreened: z.boolean().default(false),
  })
  .strict();
/** An audience rule with its limits (depth, size) checked; fields and values are checked by the compiler. */
const audienceRule = ruleNodeSchema.superRefine((rule, ctx) => {
  const error = ruleLimitsError(rule);
  if (error) ctx.addIssue({ code: 'custom', message: error });
});
const suppressionIds = z.array(z.string().min(1).max(80)).max(100).default([]);
const productCode = z.string().trim().min(1).max(40).nullable().default(null);
const audienceDraft = z
  .object({ rule: audienceRule, product_code: productCode, suppressions_off: suppressionIds })
  .strict();
/** A rule to count or explain, with the product offered and the suppressions turned off. */
export const audienceQuery = z
  .object({
    rule: audienceRule,
    product_code: productCode,
    suppressions_off: suppressionIds,
    suppressions: z.boolean().default(true),
    as_of: isoDate.optional(),
  })
  .strict();

/** The audit log's filters; an empty one (the screen's "All") filters nothing. */
const auditFilters = {
  entity: z.string().max(80).optional(),
  actor: z.string().max(120).optional(),
  search: z.string().trim().max(200).optional(),
};

export const schemas = {
  'app:info': z.object({}).strict(),
  'home:dashboard': z.object({}).strict(),
  'customers:list': z
    .object({
      page: z.number().int().min(0).max(1_000_000),
      page_size: z.number().int().min(1).max(500),
      search: z.string().max(200).default(''),
      sort: z.enum(CUSTOMER_SORT_COLUMNS).default('name'),
      direction: z.enum(['asc', 'desc']).default('asc'),
    })
    .strict(),
  'customers:get': z.object({ id: z.number().int().positive() }).strict(),
  'demo:rebuild': z
    .object({
      customers: z.number().int().min(100).max(250_000).optional(),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31)
        .optional(),
    })
    .strict(),
  'jobs:get': z.object({ id: z.string().min(1).max(100) }).strict(),
  'jobs:cancel': z.object({ id: z.string().min(1).max(100) }).strict(),
  'import:sniff': z.object({ paths: z.array(filePath).min(1).max(50), profile: profileName.optional() }).strict(),
  'import:targets': z.object({}).strict(),
  'import:suggest': z
    .object({
      kind: z.enum(IMPORT_KINDS),
      columns: z.array(z.string().max(200)).max(500),
      rows: z.array(z.array(z.string().max(2000)).max(500)).max(50),
    })
    .strict(),
  'import:start': z
    .object({
      paths: z.array(filePath).min(1).max(50),
      profile: mappingProfileSchema,
      quarantine: z.boolean().default(false),
      as_of: isoDate.optional(),
    })
    .strict(),
  'import:outcome': z.object({ job_id: z.string().min(1).max(100) }).strict(),
  'import:report': z
    .object({
      source: z.union([
        z.object({ job_id: z.string().min(1).max(100) }).strict(),
        z.object({ import_id: z.number().int().positive() }).strict(),
      ]),
      format: z.enum(['csv', 'xlsx']),
    })
    .strict(),
  'profiles:list': z.object({}).strict(),
  'profiles:save': z.object({ profile: mappingProfileSchema, overwrite: z.boolean().default(false) }).strict(),
  'profiles:delete': z.object({ name: profileName }).strict(),
  'imports:list': z.object({}).strict(),
  'imports:quality': z.object({ id: z.number().int().positive() }).strict(),
  'imports:quarantine': z
    .object({
      id: z.number().int().positive(),
      page: z.number().int().min(0).max(1_000_000).default(0),
      page_size: z.number().int().min(1).max(500).default(100),
    })
    .strict(),
  'imports:rollback': z.object({ id: z.number().int().positive() }).strict(),
  'households:get': z.object({}).strict(),
  'households:set-rule': z
    .object({
      rule: z
        .object({
          use_core_id: z.boolean(),
          by_address: z.boolean(),
          ignore_unit: z.boolean(),
          shared_accounts: z.boolean(),
        })
        .strict(),
    })
    .strict(),
  'merchants:rules': z.object({}).strict(),
  'merchants:save-rules': z.object({ rules: z.array(merchantRuleSchema).max(2000) }).strict(),
  'merchants:try': z
    .object({
      description: z.string().max(500),
      mcc: z.string().max(10).nullable().default(null),
      rules: z.array(merchantRuleSchema).max(2000),
    })
    .strict(),
  'bank:get': z.object({}).strict(),
  'bank:set': z
    .object({
      name: z.string().trim().min(1, 'the bank needs a name').max(120),
      short_name: z.string().trim().max(20).default(''),
    })
    .strict(),
  'kli:library': z.object({}).strict(),
  'kli:get': z.object({ id: kliIdSchema }).strict(),
  'kli:compute': z
    .object({ lookback_months: z.number().int().min(1).max(36).optional(), full: z.boolean().default(false) })
    .strict(),
  'kli:preview': z.object({ definition: customKliSchema }).strict(),
  'scores:train': z
    .object({
      families: z.array(z.enum(PRODUCT_FAMILIES)).min(1).max(PRODUCT_FAMILIES.length).optional(),
      window_months: z.number().int().min(1).max(24).optional(),
    })
    .strict(),
  'scores:outcome': z.object({ job_id: z.string().min(1).max(100) }).strict(),
  'scores:models': z.object({}).strict(),
  'scores:customer': z.object({ customer_id: z.number().int().positive() }).strict(),
  'kli:save': z.object({ definition: customKliSchema, overwrite: z.boolean().default(false) }).strict(),
  'kli:delete': z.object({ id: kliIdSchema }).strict(),
  'kli:tune': z.object({ id: kliIdSchema, rule: kliRuleSchema.nullable() }).strict(),
  'kli:customer': z.object({ customer_id: z.number().int().positive() }).strict(),
  'triggers:list': z.object({}).strict(),
  'triggers:save': z.object({ rules: z.array(triggerRuleSchema).max(200) }).strict(),
  'triggers:run': z.object({}).strict(),
  'triggers:hits': z
    .object({
      page: z.number().int().min(0).max(1_000_000).default(0),
      page_size: z.number().int().min(1).max(500).default(100),
    })
    .strict(),
  'triggers:export': z.object({ format: z.enum(['csv', 'xlsx']) }).strict(),
  'audience:catalog': z.object({}).strict(),
  'audience:count': audienceQuery,
  'audience:details': audienceQuery,
  'audience:explain': audienceQuery.extend({ customer: z.string().trim().min(1).max(40) }).strict(),
  'audience:list': z.object({}).strict(),
  'audience:get': z.object({ id: recordId }).strict(),
  'audience:create': z
    .object({ name: z.string().trim().min(1, 'an audience needs a name').max(120), draft: audienceDraft })
    .strict(),
  'audience:save': z.object({ id: recordId, draft: audienceDraft }).strict(),
  'audience:submit': z.object({ version_id: recordId }).strict(),
  'audience:approve': z
    .object({
      version_id: recordId,
      approver: z.string().trim().min(1, 'say who approves').max(120),
      comment: z.string().max(2000).default(''),
      acknowledge_fair_lending: z.boolean().default(false),
    })
    .strict(),
  'audience:return': z.object({ version_id: recordId, reason: z.string().max(2000).default('') }).strict(),
  'audience:retire': z.object({ version_id: recordId }).strict(),
  'audit:list': z
    .object({
      ...auditFilters,
      offset: z.number().int().min(0).max(1_000_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    })
    .strict(),
  'audit:export': z.object({ format: z.enum(['csv', 'xlsx']), ...auditFilters }).strict(),
  'responses:import': z
    .object({ path: filePath, profile: z.string().trim().min(1).max(80), run_id: recordId.optional() })
    .strict(),
  'responses:scan': z.object({ run_id: recordId.optional() }).strict(),
  'responses:imports': z.object({}).strict(),
  'responses:delete-import': z.object({ import_id: recordId }).strict(),
  'responses:list': z
    .object({ status: z.enum(['matched', 'doubtful', 'confirmed', 'rejected', 'unmatched']).optional() })
    .strict(),
  'responses:decide': z.object({ id: recordId, decision: z.enum(['confirmed', 'rejected']) }).strict(),
  'report:campaign': z
    .object({
      run_id: recordId,
      attribution: z.enum(ATTRIBUTIONS).default('last'),
      branch: z.string().trim().min(1).max(40).nullable().default(null),
    })
    .strict(),
  'report:overview': z.object({ attribution: z.enum(ATTRIBUTIONS).default('last') }).strict(),
  'history:import': z
    .object({ path: filePath, name: z.string().trim().min(1).max(120), family: z.enum(PRODUCT_FAMILIES) })
    .strict(),
  'history:list': z.object({}).strict(),
  'history:report': z.object({ id: recordId }).strict(),
  'history:delete': z.object({ id: recordId }).strict(),
  'people:list': z.object({}).strict(),
  'people:save': z
    .object({
      id: recordId.optional(),
      name: z.string().trim().min(1).max(80),
      role: z.enum(ROLES),
      /** A new PIN of 4–8 digits; null removes it; left out keeps it. */
      pin: z
        .string()
        .regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits')
        .nullable()
        .optional(),
    })
    .strict(),
  'people:remove': z.object({ id: recordId }).strict(),
  'people:sign-in': z.object({ id: recordId, pin: z.string().max(8).optional() }).strict(),
  'people:four-eyes': z.object({ on: z.boolean() }).strict(),
  'backups:list': z.object({}).strict(),
  'backups:create': z.object({}).strict(),
  /** A backup in the backups folder (or one the desktop's file dialog picked). */
  'backups:restore': z.object({ file: filePath }).strict(),
  'privacy:overview': z.object({}).strict(),
  'privacy:erase-preview': z.object({ customer_number: z.string().trim().min(1).max(40) }).strict(),
  'privacy:erase': z.object({ customer_number: z.string().trim().min(1).max(40) }).strict(),
  'retention:get': z.object({}).strict(),
  'retention:set': z
    .object({
      responses_months: z.number().int().min(12).max(120),
      contacts_months: z.number().int().min(12).max(120),
    })
    .strict(),
  'retention:purge': z.object({ kind: z.enum(['responses', 'contacts', 'prescreen']) }).strict(),
  /** The person read the personal-data warning before saving a run's files or a lead list. */
  'exports:acknowledge': z
    .object({ what: z.string().trim().min(1).max(80), destination: z.string().trim().min(1).max(4096) })
    .strict(),
  'report:export': z
    .object({
      run_id: recordId,
      attribution: z.enum(ATTRIBUTIONS).default('last'),
      branch: z.string().trim().min(1).max(40).nullable().default(null),
      format: z.enum(['pdf', 'xlsx']),
    })
    .strict(),
  'plan:get': z.object({}).strict(),
  'plan:projections': z.object({}).strict(),
  'plan:overlap': z.object({}).strict(),
  'plan:settings': z
    .object({
      start_month: month.optional(),
      months: z.number().int().min(1).max(36).optional(),
      control_share: z.number().min(0).max(0.5).optional(),
      offers_per_household: z.number().int().min(1).max(3).optional(),
      budget: z.number().min(0).max(1e10).nullable().optional(),
    })
    .strict(),
  'plan:add-row': z.object({ audience_id: recordId }).strict(),
  'plan:remove-row': z.object({ audience_id: recordId }).strict(),
  'plan:reorder': z.object({ audience_ids: z.array(recordId).min(1).max(500) }).strict(),
  'plan:set-cell': z.object({ month, audience_id: recordId, offer_id: recordId.nullable() }).strict(),
  'plan:run-month': z
    .object({
      month,
      out_dir: filePath,
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31 - 1)
        .optional(),
    })
    .strict(),
  'plan:run-outcome': z.object({ job_id: z.string().min(1).max(100) }).strict(),
  'plan:runs': z.object({}).strict(),
  'plan:finalize': z.object({ run_id: recordId }).strict(),
  'plan:recipients': z
    .object({
      run_id: recordId,
      page: z.number().int().min(1).default(1),
      page_size: z.number().int().min(1).max(500).default(100),
    })
    .strict(),
  'plan:preview': z.object({ offer_id: recordId, customer: z.string().trim().min(1).max(40) }).strict(),
  'plan:calibration': z.object({}).strict(),
  'plan:sample-size': z
    .object({
      /** The control group's expected response rate (0.02 is 2%). */
      base_rate: z.number().min(0).max(0.99),
      /** The lift worth detecting, in rate points (0.01 is one point). */
      lift: z.number().positive().max(0.99),
      control_share: z.number().positive().max(0.5),
    })
    .strict(),
  'offers:save': z.object({ offer: offerInputSchema }).strict(),
  'templates:save': z.object({ name: z.string().trim().min(1).max(80), body: z.string().min(1).max(20_000) }).strict(),
  'economics:set': z
    .object({
      code: z.string().min(1).max(40),
      average_balance: z.number().min(0).max(1e9),
      spread_percent: z.number().min(-100).max(100),
      annual_fee: z.number().min(0).max(1e6),
      life_months: z.number().int().min(1).max(600),
      acquisition_cost: z.number().min(0).max(1e7),
    })
    .strict(),
} as const satisfies Record<Channel, z.ZodType>;

export interface ApiOutputs {
  'app:info': AppInfo;
  'home:dashboard': Dashboard;
  'customers:list': CustomerPage;
  'customers:get': CustomerProfile;
  'demo:rebuild': JobInfo;
  'jobs:get': JobInfo | null;
  'jobs:cancel': { cancelled: boolean };
  'import:sniff': SniffedFile[];
  'import:targets': ImportTargets;
  'import:suggest': MappingSuggestion;
  'import:start': JobInfo;
  /** Null while the job runs (or when no import job has this id). */
  'import:outcome': ImportOutcome | null;
  'import:report': DownloadFile;
  'profiles:list': SavedProfile[];
  'profiles:save': SavedProfile;
  'profiles:delete': { deleted: boolean };
  'imports:list': ImportRecord[];
  'imports:quality': ImportQuality;
  'imports:quarantine': QuarantinePage;
  'imports:rollback': ImportRecord;
  'households:get': HouseholdSettings;
  /** Regroups every customer by the new rule before it returns. */
  'households:set-rule': HouseholdSettings;
  'merchants:rules': MerchantRule[];
  /** Saves the rules and cleans every loaded transaction again; `changed` transactions got a new merchant or category. */
  'merchants:save-rules': { rules: MerchantRule[]; changed: number };
  /** What a description becomes under these (unsaved) rules, for trying a rule before saving it. */
  'merchants:try': { merchant: string; category: MerchantCategory };
  'bank:get': BankNames;
  /** KLIs computed before the change still read the old names: the library says it is out of date. */
  'bank:set': BankNames;
  /** Every KLI (built in and custom) with its figures from the last compute. */
  'kli:library': KliLibrary;
  'kli:get': KliDetail;
  /** Starts a compute job (incremental unless `full` or the rules changed). */
  'kli:compute': JobInfo;
  /** Starts learning the next-product scores (a job; see src-main/scores/train.ts). */
  'scores:train': JobInfo;
  /** What a scores job learned and left out (skipped families with why, notes); null while it runs. */
  'scores:outcome': ScoreTrainResult | null;
  /** Each family's model: openers, holdout AUC, lift by decile, strongest features. */
  'scores:models': ScoreModel[];
  /** A customer's scores, best first, each with its reasons. */
  'scores:customer': CustomerScore[];
  /** What a draft custom KLI would flag, computed on the spot (nothing saved). */
  'kli:preview': KliPreview;
  'kli:save': KliSummary;
  /** Custom KLIs only. */
  'kli:delete': { deleted: boolean };
  /** A built-in KLI's parameters changed (rule of the same type), or restored with null. */
  'kli:tune': KliSummary;
  /** The KLIs a customer has (own or through the household), each with its evidence. */
  'kli:customer': CustomerKli[];
  'triggers:list': TriggerRule[];
  /** Replaces the whole list. */
  'triggers:save': TriggerRule[];
  /** Evaluates every enabled trigger on the latest snapshots and stores the hits. */
  'triggers:run': TriggerHitsPage;
  'triggers:hits': TriggerHitsPage;
  'triggers:export': DownloadFile;
  /** The rule builder's fields (parametric ones expanded for this bank), products and suppressions. */
  'audience:catalog': AudienceCatalog;
  /** The waterfall of a rule being edited (live count). */
  'audience:count': AudienceCount;
  /** A sample of who the mailing reaches, and counts by branch and by product family held. */
  'audience:details': AudienceDetails;
  'audience:explain': AudienceExplanation;
  'audience:list': AudienceSummary[];
  'audience:get': AudienceSummary;
  'audience:create': AudienceSummary;
  /** The newest version edited in place (draft or submitted), or the next version when it is approved or retired. */
  'audience:save': AudienceVersion;
  'audience:submit': AudienceVersion;
  'audience:approve': AudienceVersion;
  'audience:return': AudienceVersion;
  'audience:retire': AudienceVersion;
  /** Newest first, with the kinds of record and the people the filters can choose. */
  'audit:list': AuditPage;
  /** Every entry the filters match, not one page. */
  'audit:export': DownloadFile;
  /** Reads a response file through a profile and matches each response back (see responses import). */
  'responses:import': ResponseImportResult;
  /** Takes new accounts already in the bank's data (opened on or after the drop) as responses. */
  'responses:scan': ResponseImportResult;
  'responses:imports': ResponseImport[];
  /** Takes an import back whole; returns the imports left. */
  'responses:delete-import': ResponseImport[];
  /** Responses of one match status, or all (at most 5,000, oldest import first). */
  'responses:list': ResponseRow[];
  /** Confirms or rejects a match made by name and address. */
  'responses:decide': ResponseRow;
  /** A run's results per cell and in total, its data quality, response curve and funnel. */
  'report:campaign': CampaignReport;
  /** Every run's totals, newest first (ROMI by campaign). */
  'report:overview': CampaignSummary[];
  /** Imports a past campaign's contacts and outcomes as the baseline. */
  'history:import': HistoryImport;
  'history:list': HistoryImport[];
  /** Response rates by segment of one history. */
  'history:report': HistoryReport;
  /** Removes a history; returns the ones left. */
  'history:delete': HistoryImport[];
  'people:list': PeopleState;
  'people:save': PeopleState;
  'people:remove': PeopleState;
  'people:sign-in': PeopleState;
  'people:four-eyes': PeopleState;
  'backups:list': BackupList;
  'backups:create': BackupList;
  'backups:restore': RestoreOutcome;
  'privacy:overview': PrivacyOverview;
  'privacy:erase-preview': ErasurePreview;
  'privacy:erase': ErasurePreview;
  'retention:get': RetentionPolicy;
  'retention:set': RetentionPolicy;
  'retention:purge': RetentionPolicy;
  'exports:acknowledge': { recorded: true };
  /** The executive report: a PDF with its charts, or the workbook of the tables behind them. */
  'report:export': DownloadFile;
  /** The matrix and everything it is made of: months, rows, cells, offers, templates, economics, settings. */
  'plan:get': PlanView;
  /** Each cell's expected pieces, cost, responses and return, with the months' and the year's totals. */
  'plan:projections': PlanProjection;
  /** Households each planned audience selects today, and how many each pair shares. */
  'plan:overlap': PlanOverlap;
  'plan:settings': PlanSettings;
  'plan:add-row': PlanRow[];
  /** Takes an audience off the plan with its cells. */
  'plan:remove-row': PlanRow[];
  'plan:reorder': PlanRow[];
  'plan:set-cell': PlanCell[];
  /** Starts a month run (a job): recipients, control groups, keycodes and the files in out_dir. */
  'plan:run-month': JobInfo;
  /** What a month run made; null while it runs. */
  'plan:run-outcome': RunSummary | null;
  'plan:runs': RunSummary[];
  /** Locks a reviewed run and writes the contact history of its mailed pieces. */
  'plan:finalize': RunSummary;
  'plan:recipients': { rows: RecipientRow[]; total: number };
  /** One merged letter of an offer for a customer, as a one-page PDF. */
  'plan:preview': DownloadFile;
  /** One page with the envelope windows and folds drawn, to check a printer before a run. */
  'plan:calibration': DownloadFile;
  /** Households needed to prove a lift (95% confidence, 80% power); null when no size can. */
  'plan:sample-size': { control_needed: number | null; mailed_needed: number | null; households_needed: number | null };
  'offers:save': Offer;
  'templates:save': LetterTemplate;
  'economics:set': ProductEconomics;
}

export type { Channel } from './channels';
export { CHANNELS, isChannel } from './channels';
// Every channel has a schema and an output type, and nothing else does.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _schemasMatch: Exactly<keyof typeof schemas, Channel> = true;
const _outputsMatch: Exactly<keyof ApiOutputs, Channel> = true;
void _schemasMatch;
void _outputsMatch;
export type ApiInput<C extends Channel> = z.input<(typeof schemas)[C]>;
export type ApiParsedInput<C extends Channel> = z.output<(typeof schemas)[C]>;
export type ApiOutput<C extends Channel> = ApiOutputs[C];

export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'no_database'
  | 'unknown_channel'
  | 'busy'
  | 'internal'
  /** The person signed in may not take this step (their role, or four-eyes). */
  | 'forbidden'
  /** The database has people and nobody has signed in. */
  | 'sign_in';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

/** Results cross the boundary wrapped, so an error keeps its code and its meaning. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the preload (desktop) or the loopback client (browser) puts on `window.api`. */
export interface Api {
  invoke<C extends Channel>(channel: C, input: ApiInput<C>): Promise<Result<ApiOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}
