/**
 * The running app's state, shared by the desktop window and browser mode: the data folder,
 * the open database, and the long jobs. Handlers reach the database only through here.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { AppInfo, JobInfo } from '../../src-shared/domain';
import type { ImportOutcome } from '../../src-shared/imports';
import type { MappingProfile } from '../../src-shared/mapping-profile';
import type { ImportRunInput } from '../jobs/registry';
import type { EventName, Events } from '../../src-shared/events';
import { autoBackup } from '../backup/auto';
import { createBackup } from '../backup/backup';
import { resolvePassphrase } from '../backup/passphrase';
import type { AuditRow } from '../../src-shared/audit-log';
import type { BackupEntry, BackupList, Recovery, RestoreOutcome } from '../../src-shared/backup';
import type { Person } from '../../src-shared/people';
import { backupsDir } from '../backup/auto';
import { restoreBackup } from '../backup/backup';
import { backupEntry, listBackups } from '../backup/library';
import { audit, currentActor, setSignedIn } from '../db/audit';
import { getPerson, hasPeople, listPeople, requireAdministrator, signIn } from '../people/people';
import { moveDatabaseFile, NewerDatabaseError, openDatabase, useNativeBinding, type Db } from '../db/open';
import { DEFAULT_DEMO_CUSTOMERS, DEFAULT_DEMO_SEED } from '../demo';
import { JobRunner } from '../jobs/job-runner';
import type { DemoBuildResult } from '../bank/demo-bank';
import { getSetting } from '../bank/stats';
import { readAppConfig, writeAppConfig } from './app-config';
import type { KliComputeInput, PlanRunInput, ScoresTrainInput } from '../jobs/registry';
import type { RunSummary } from '../../src-shared/plan';
import type { ProductFamily } from '../../src-shared/domain';
import type { ScoreTrainResult } from '../../src-shared/scores';
import { LiveCountWorker, runTask, type TaskInput, type TaskName } from '../jobs/tasks';
import type { AudienceCount } from '../../src-shared/audience';
import { AppError } from './errors';
import { log, startLog, stopLog } from './log';

export interface AppContextOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  version: string;
  workerPath: string;
  emit: <E extends EventName>(event: E, payload: Events[E]) => void;
  /** better-sqlite3 built for the Electron ABI, when running inside the desktop app. */
  nativeBinding?: string;
  /** Size of the demo bank built on first launch. */
  demoCustomers?: number;
  demoSeed?: number;
  /** Back up into the data folder's backups/ before imports and month runs, and on close (default on). */
  autoBackup?: boolean;
  /** Run SQLite's quick check on a worker after each open (default on). */
  integrityCheck?: boolean;
}

export class AppContext {
  private db: Db | null = null;
  private path: string | null = null;
  private blockingJobId: string | null = null;
  private person: Person | null = null;
  private recovery: Recovery | null = null;
  readonly jobs: JobRunner;
  private readonly liveCounts: LiveCountWorker;

  constructor(readonly options: AppContextOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    startLog(options.dataDir);
    log('info', 'app.start', { mode: options.mode, version: options.version });
    useNativeBinding(options.nativeBinding);
    this.jobs = new JobRunner({
      workerPath: options.workerPath,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      onUpdate: (job) => {
        if (job.state !== 'running')
          log(job.state === 'failed' ? 'warn' : 'info', `job.${job.state}`, { kind: job.kind, id: job.id });
        options.emit('job:progress', job);
      },
    });
    this.liveCounts = new LiveCountWorker(options.workerPath, options.nativeBinding);
  }

  get demoPath(): string {
    return join(this.options.dataDir, 'demo-bank.sqlite');
  }

  /** Opens the last database, or starts building the demo bank on first launch. */
  start(): void {
    const last = readAppConfig(this.options.dataDir).last_db;
    if (last && existsSync(last)) {
      this.open(last);
      return;
    }
    this.rebuildDemo({});
  }

  info(): AppInfo {
    const blocking = this.blockingJobId ? this.jobs.get(this.blockingJobId) : null;
    return {
      version: this.options.version,
      db_path: this.path,
      data_dir: this.options.dataDir,
      mode: this.options.mode,
      blocking_job: blocking && blocking.state !== 'done' ? blocking : null,
      currency: (this.db && getSetting(this.db, 'currency')) ?? 'USD',
      bank_name: this.db ? (getSetting(this.db, 'bank_name') ?? 'Your bank') : null,
      person: this.person ? { id: this.person.id, name: this.person.name, role: this.person.role } : null,
      sign_in_needed: this.signInNeeded(),
      recovery: this.recovery,
    };
  }

  requireDb(): Db {
    if (!this.db) {
      throw new AppError(
        'no_database',
        this.blockingJobId
          ? 'The demo bank is still being built. It opens by itself when ready.'
          : 'No database is open. Use File › Open… or File › New database….',
      );
    }
    return this.db;
  }

  /** The open database, or null (lists that also have built-in entries work without one). */
  currentDb(): Db | null {
    return this.db;
  }

  /**
   * Opens a database after a quick integrity check. A damaged one is not opened: the screens
   * offer the newest good backup instead (`info().recovery`). A database from a newer
   * Mainstreet is refused as before.
   */
  open(path: string): void {
    let db: Db | null = null;
    try {
      db = openDatabase(path);
      // A cheap first look: the tables every screen reads first must answer.
      db.prepare('SELECT COUNT(*) FROM settings').get();
      db.prepare('SELECT id FROM customers LIMIT 1').get();
    } catch (error) {
      if (error instanceof NewerDatabaseError) throw error;
      db?.close();
      this.closeDb();
      this.markDamaged(
        path,
        `It cannot be read (${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}).`,
      );
      return;
    }
    this.closeDb();
    log('info', 'db.open', { file: basename(path) });
    this.recovery = null;
    this.db = db;
    this.path = path;
    this.person = this.resumePerson(db as Db, path);
    setSignedIn(this.person?.name ?? null);
    writeAppConfig(this.options.dataDir, { ...readAppConfig(this.options.dataDir), last_db: path });
    this.options.emit('db:changed', { db_path: path });
    if (this.options.integrityCheck !== false) this.integrity = this.checkInBackground(path);
  }

  private integrity: Promise<void> = Promise.resolve();

  /** The quick check of the database last opened, for tests and for closing cleanly. */
  integrityChecked(): Promise<void> {
    return this.integrity;
  }

  /**
   * SQLite's quick check of every page, on a worker (seconds on a big bank): the screens work
   * meanwhile, and a damaged database is swapped for the recovery offer when it is found.
   */
  private async checkInBackground(path: string): Promise<void> {
    let problem: string | null = null;
    try {
      const result = await runTask<string>(this.options.workerPath, this.options.nativeBinding, 'db:check', {
        dbPath: path,
        actor: 'system',
      });
      if (result !== 'ok') problem = `SQLite's check found damage (${result.slice(0, 200)}).`;
    } catch (error) {
      problem = `It cannot be read (${error instanceof Error ? error.message.slice(0, 200) : 'unknown error'}).`;
    }
    if (problem === null || this.path !== path) return;
    this.closeDb();
    this.markDamaged(path, problem);
  }

  /** Keeps a damaged database closed and offers its backups instead. */
  private markDamaged(path: string, problem: string): void {
    log('error', 'db.damaged', { file: basename(path) });
    this.recovery = { db_path: path, problem, backups: listBackups(this.options.dataDir) };
    writeAppConfig(this.options.dataDir, { ...readAppConfig(this.options.dataDir), last_db: path });
    this.options.emit('db:changed', { db_path: path });
  }

  /** The person who last worked on this database carries on, unless they have a PIN to enter. */
  private resumePerson(db: Db, path: string): Person | null {
    if (!hasPeople(db)) return null;
    const last = readAppConfig(this.options.dataDir).last_person;
    const candidates = listPeople(db);
    const previous = last && last.db === path ? candidates.find((p) => p.id === last.id) : undefined;
    if (previous && !previous.has_pin) return previous;
    // On a team's first open here, an administrator without a PIN carries on; else the screens ask.
    return candidates.find((p) => p.role === 'administrator' && !p.has_pin) ?? null;
  }

  /** The database has people and nobody has signed in: the screens ask who is working. */
  signInNeeded(): boolean {
    return this.db !== null && this.person === null && hasPeople(this.db);
  }

  signedIn(): Person | null {
    return this.person;
  }

  signIn(id: number, pin: string | undefined): Person {
    const db = this.requireDb();
    const person = signIn(db, id, pin);
    this.person = person;
    setSignedIn(person.name);
    writeAppConfig(this.options.dataDir, {
      ...readAppConfig(this.options.dataDir),
      last_person: { db: this.path ?? '', id },
    });
    return person;
  }

  /** After a change to people: the signed-in person's name or role may have changed. */
  refreshPerson(): void {
    if (!this.db) return;
    if (this.person) {
      try {
        this.person = getPerson(this.db, this.person.id);
      } catch {
        this.person = null;
      }
    } else if (hasPeople(this.db)) {
      // The first person was just added by the machine's account: they are the one at the keyboard.
      this.person = listPeople(this.db)[0] ?? null;
    }
    setSignedIn(this.person?.name ?? null);
  }

  /** Builds the demo bank in a worker beside its file, then swaps it in; the open one stays usable meanwhile. */
  rebuildDemo(input: { customers?: number; seed?: number }): JobInfo {
    const target = this.demoPath;
    const staging = `${target}.new`;
    const job = this.jobs.start(
      'demo:build',
      {
        dbPath: staging,
        customers: input.customers ?? this.options.demoCustomers ?? DEFAULT_DEMO_CUSTOMERS,
        seed: input.seed ?? this.options.demoSeed ?? DEFAULT_DEMO_SEED,
      },
      (value) => {
        const result = value as DemoBuildResult;
        if (this.path === target) this.closeDb();
        moveDatabaseFile(result.db_path, target);
        this.blockingJobId = null;
        this.open(target);
      },
    );
    // With nothing open yet, the screens wait for this build.
    if (!this.db) this.blockingJobId = job.id;
    return job;
  }

  private readonly importOutcomes = new Map<string, ImportOutcome>();

  /**
   * Starts an import of files on this machine into the open database, in a worker. One import
   * at a time: a second one while another runs is refused, not joined.
   */
  startImport(input: {
    paths: string[];
    profile: MappingProfile;
    quarantine: boolean;
    as_of?: string | undefined;
  }): JobInfo {
    this.requireDb();
    const dbPath = this.path;
    if (!dbPath) throw new AppError('no_database', 'No database is open.');
    if (this.jobs.running('import:run')) {
      throw new AppError('busy', 'An import is already running. Wait for it to finish or cancel it.');
    }
    const paths = input.paths.map((p) => checkReadableFile(p));
    const job = this.jobs.start(
      'import:run',
      {
        dbPath,
        paths,
        profile: input.profile,
        quarantine: input.quarantine,
        ...(input.as_of ? { asOf: input.as_of } : {}),
        actor: currentActor(),
        ...(this.options.autoBackup !== false ? { backupDataDir: this.options.dataDir } : {}),
      } satisfies ImportRunInput,
      (value) => {
        const outcome = value as ImportOutcome;
        this.importOutcomes.set(job.id, outcome);
        if (outcome.status === 'loaded') this.options.emit('db:changed', { db_path: dbPath });
      },
    );
    return job;
  }

  /** A call that reads much of the bank, answered on a worker thread (jobs/tasks.ts). */
  runTask<T>(task: TaskName, input: Omit<TaskInput<TaskName>, 'dbPath' | 'actor'>): Promise<T> {
    this.requireDb();
    const dbPath = this.path;
    if (!dbPath) return Promise.reject(new AppError('no_database', 'No database is open.'));
    return runTask<T>(this.options.workerPath, this.options.nativeBinding, task, {
      ...input,
      dbPath,
      actor: currentActor(),
    });
  }

  /** An audience's live count, from the worker that keeps what it read between edits of the rule. */
  liveCount(query: unknown): Promise<AudienceCount> {
    this.requireDb();
    const dbPath = this.path;
    if (!dbPath) return Promise.reject(new AppError('no_database', 'No database is open.'));
    return this.liveCounts.count(dbPath, query);
  }

  private readonly scoreOutcomes = new Map<string, ScoreTrainResult>();

  /** What a scores run learned and left out; null while it runs (a failed run's error is on its job). */
  scoresOutcome(jobId: string): ScoreTrainResult | null {
    const job = this.jobs.get(jobId);
    if (!job || job.kind !== 'scores:train') throw new AppError('not_found', `No scores job ${jobId}.`);
    return this.scoreOutcomes.get(jobId) ?? null;
  }

  private readonly runOutcomes = new Map<string, RunSummary>();

  /** Runs a month of the plan in a worker; its files go to `outDir`. */
  startPlanRun(input: { month: string; out_dir: string; seed?: number | undefined }): JobInfo {
    this.requireDb();
    const dbPath = this.path;
    if (!dbPath) throw new AppError('no_database', 'No database is open.');
    if (this.jobs.running('import:run'))
      throw new AppError('busy', 'An import is running; run the month when it has finished.');
    const job = this.jobs.start(
      'plan:run',
      {
        dbPath,
        month: input.month,
        outDir: input.out_dir,
        ...(input.seed === undefined ? {} : { seed: input.seed }),
        actor: currentActor(),
        ...(this.options.autoBackup !== false ? { backupDataDir: this.options.dataDir } : {}),
      } satisfies PlanRunInput,
      (value) => {
        this.runOutcomes.set(job.id, value as RunSummary);
        this.options.emit('db:changed', { db_path: dbPath });
      },
    );
    return job;
  }

  /** What a month run made; null while it runs (a failed run's reason is on its job). */
  planRunOutcome(jobId: string): RunSummary | null {
    const job = this.jobs.get(jobId);
    if (!job || job.kind !== 'plan:run') throw new AppError('not_found', `No month-run job ${jobId}.`);
    return this.runOutcomes.get(jobId) ?? null;
  }

  /** Learns the next-product scores in a worker (one run at a time: a second call joins it). */
  startScoresTrain(input: { families?: ProductFamily[] | undefined; window_months?: number | undefined }): JobInfo {
    this.requireDb();
    const dbPath = this.path;
    if (!dbPath) throw new AppError('no_database', 'No database is open.');
    if (this.jobs.running('import:run'))
      throw new AppError('busy', 'An import is running; train the scores when it has finished.');
    const job = this.jobs.start(
      'scores:train',
      {
        dbPath,
        ...(input.families ? { families: input.families } : {}),
        ...(input.window_months ? { windowMonths: input.window_months } : {}),
        actor: currentActor(),
      } satisfies ScoresTrainInput,
      (value) => {
        this.scoreOutcomes.set(job.id, value as ScoreTrainResult);
        this.options.emit('db:changed', { db_path: dbPath });
      },
    );
    return job;
  }

  /** Recomputes the KLI library in a worker; incremental unless asked for in full. */
  startKliCompute(input: { lookback_months?: number | undefined; full: boolean }): JobInfo {
    this.requireDb();
    const dbPath = this.path;
    if (!dbPath) throw new AppError('no_database', 'No database is open.');
    if (this.jobs.running('import:run'))
      throw new AppError('busy', 'An import is running; compute KLIs when it has finished.');
    // A compute already running is joined: the runner hands back its job, so a reloaded screen
    // follows the same progress bar.
    return this.jobs.start(
      'kli:compute',
      {
        dbPath,
        full: input.full,
        ...(input.lookback_months ? { lookbackMonths: input.lookback_months } : {}),
        actor: currentActor(),
      } satisfies KliComputeInput,
      () => this.options.emit('db:changed', { db_path: dbPath }),
    );
  }

  /** How an import job ended; null while it runs. */
  importOutcome(jobId: string): ImportOutcome | null {
    const job = this.jobs.get(jobId);
    if (!job || job.kind !== 'import:run') throw new AppError('not_found', `No import job ${jobId}.`);
    if (job.state === 'running') return null;
    if (job.state === 'cancelled') return { status: 'cancelled' };
    if (job.state === 'failed') return { status: 'failed', message: job.error ?? 'The import stopped unexpectedly.' };
    return this.importOutcomes.get(jobId) ?? null;
  }

  /** Tells the screens the open database changed under them (an import rolled back). */
  databaseChanged(): void {
    if (this.path) this.options.emit('db:changed', { db_path: this.path });
  }

  /**
   * An encrypted backup (SQLite's online backup: consistent even while the database is in use),
   * under this computer's backup key or MAINSTREET_BACKUP_PASSPHRASE.
   */
  async backup(destination: string): Promise<void> {
    const db = this.requireDb();
    const { passphrase } = resolvePassphrase({ dataDir: this.options.dataDir, create: true });
    await createBackup(db, destination, passphrase);
    audit(db, { actor: currentActor(), action: 'backup', entity: 'database', detail: { destination } });
  }

  /** The backups folder, newest first. */
  backups(): BackupList {
    const { source } = resolvePassphrase({ dataDir: this.options.dataDir, create: true });
    return { folder: backupsDir(this.options.dataDir), backups: listBackups(this.options.dataDir), key: source };
  }

  /** What a backup file holds, from its header (for a restore's preview). */
  previewBackup(file: string): BackupEntry {
    return backupEntry(checkReadableFile(file));
  }

  /** Backs up now into the backups folder (File › Back up… and Settings › Backups). */
  async backupNow(): Promise<BackupList> {
    const db = this.requireDb();
    if (!this.path) throw new AppError('no_database', 'No database is open.');
    const file = await autoBackup(db, this.path, this.options.dataDir, 'manual');
    audit(db, { actor: currentActor(), action: 'backup', entity: 'database', detail: { destination: file } });
    return this.backups();
  }

  /**
   * Restores a backup over the open database (or over a damaged one that failed its check).
   * The open one is backed up first; a damaged one is set aside. No job may be running.
   */
  async restore(file: string): Promise<RestoreOutcome> {
    const dbPath = this.path ?? this.recovery?.db_path;
    if (!dbPath) throw new AppError('no_database', 'No database is open to restore over.');
    if (this.jobs.anyRunning()) {
      throw new AppError('busy', 'A job is running. Restore when it has finished, or cancel it.');
    }
    const entry = backupEntry(checkReadableFile(file));
    if (this.db) {
      // Restoring is the administrator's on a team (it replaces everyone's work).
      requireAdministrator(this.db, this.person, 'restore a backup');
    }
    const { passphrase } = resolvePassphrase({ dataDir: this.options.dataDir, create: false });
    const damaged = this.db === null;
    const previous = damaged
      ? null
      : join(
          backupsDir(this.options.dataDir),
          `${basename(dbPath).replace(/\.[^.]+$/, '')}-${new Date().toISOString().replace(/[:.]/g, '-')}-before-restore.msbackup`,
        );
    if (previous) mkdirSync(backupsDir(this.options.dataDir), { recursive: true });
    const actor = currentActor();
    // The audit trail outlives a restore: entries made after the backup are carried over.
    const carried = this.db
      ? (this.db
          .prepare('SELECT at, actor, action, entity, entity_id, detail FROM audit_log WHERE at > ? ORDER BY id')
          .all(entry.created_at) as Omit<AuditRow, 'id'>[])
      : [];
    this.closeDb();
    let result;
    try {
      result = await restoreBackup(file, dbPath, passphrase, previous);
    } finally {
      this.open(dbPath);
    }
    if (this.db) {
      const insert = this.db.prepare(
        'INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (@at, @actor, @action, @entity, @entity_id, @detail)',
      );
      this.db.transaction(() => carried.forEach((row) => insert.run(row)))();
      audit(this.db, {
        actor,
        action: 'backup.restore',
        entity: 'database',
        detail: { from: file, created_at: result.created_at, previous: result.previous_backup, damaged },
      });
    }
    return { ...entry, restored_to: dbPath, previous: result.previous_backup };
  }

  private closeDb(): void {
    void this.liveCounts.stop();
    this.db?.close();
    this.db = null;
    this.path = null;
    this.person = null;
    setSignedIn(null);
  }

  async close(): Promise<void> {
    await this.integrity;
    await this.jobs.shutdown();
    if (this.db && this.path && this.options.autoBackup !== false) {
      try {
        await autoBackup(this.db, this.path, this.options.dataDir, 'on-close');
      } catch (error) {
        // A failed backup must not keep the app from closing; the next one will be tried.
        log('error', 'backup.failed', { reason: 'on-close', error: error instanceof Error ? error.name : 'unknown' });
      }
    }
    this.closeDb();
    await stopLog();
  }
}

/** A path the user picked must be an existing, non-empty file: said plainly when it is not. */
export function checkReadableFile(path: string): string {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new AppError('invalid_input', `${path}: no such file. Pick the file again.`);
  }
  if (!stats.isFile()) throw new AppError('invalid_input', `${path} is a folder, not a file.`);
  if (stats.size === 0) throw new AppError('invalid_input', `${path} is empty.`);
  return path;
}

/** A folder the user picked for output: made when missing; refused when it is a file or cannot be written. */
export function checkWritableDir(path: string): string {
  const dir = resolve(path);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch {
    throw new AppError('invalid_input', `${dir}: the files cannot be written there. Pick another folder.`);
  }
  if (!statSync(dir).isDirectory()) throw new AppError('invalid_input', `${dir} is a file, not a folder.`);
  return dir;
}
