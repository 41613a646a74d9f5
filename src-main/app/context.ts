/**
 * The running app's state, shared by the desktop window and browser mode: the data folder,
 * the open database, and the long jobs. Handlers reach the database only through here.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo, JobInfo } from '../../src-shared/domain';
import type { EventName, Events } from '../../src-shared/events';
import { audit, currentActor } from '../db/audit';
import { moveDatabaseFile, openDatabase, useNativeBinding, type Db } from '../db/open';
import { DEFAULT_DEMO_CUSTOMERS, DEFAULT_DEMO_SEED } from '../demo';
import { JobRunner } from '../jobs/job-runner';
import type { DemoBuildResult } from '../bank/demo-bank';
import { readAppConfig, writeAppConfig } from './app-config';
import { AppError } from './errors';

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
}

export class AppContext {
  private db: Db | null = null;
  private path: string | null = null;
  private blockingJobId: string | null = null;
  readonly jobs: JobRunner;

  constructor(readonly options: AppContextOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    useNativeBinding(options.nativeBinding);
    this.jobs = new JobRunner({
      workerPath: options.workerPath,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      onUpdate: (job) => options.emit('job:progress', job),
    });
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

  open(path: string): void {
    const db = openDatabase(path);
    this.closeDb();
    this.db = db;
    this.path = path;
    writeAppConfig(this.options.dataDir, { last_db: path });
    this.options.emit('db:changed', { db_path: path });
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

  /** SQLite's online backup: consistent even while the database is in use. */
  async backup(destination: string): Promise<void> {
    const db = this.requireDb();
    await db.backup(destination);
    audit(db, { actor: currentActor(), action: 'backup', entity: 'database', detail: { destination } });
  }

  private closeDb(): void {
    this.db?.close();
    this.db = null;
    this.path = null;
  }

  async close(): Promise<void> {
    await this.jobs.shutdown();
    this.closeDb();
  }
}
