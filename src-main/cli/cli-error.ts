import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isIsoDate } from '../../src-shared/domain';
import { AppError } from '../app/errors';
import { openDatabase, type Db } from '../db/open';

/** An error the CLI reports as it is, with its exit code: 2 for wrong usage, 1 otherwise. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}

export function intOption(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CliError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`, 2);
  }
  return value;
}

/** An optional --as-of date, checked. */
export function dateOption(raw: string | undefined): string | undefined {
  if (raw !== undefined && !isIsoDate(raw))
    throw new CliError(`--as-of "${raw}" is not a date: write it as YYYY-MM-DD.`, 2);
  return raw;
}

export function requireOption(name: string, raw: string | undefined): string {
  if (!raw) throw new CliError(`--${name} is required`, 2);
  return raw;
}

/** Opens the database named by --db, which must already exist (reading commands never create one). */
export function openExistingDb(raw: string | undefined): Db {
  const dbPath = resolve(requireOption('db', raw));
  if (!existsSync(dbPath))
    throw new CliError(`No database at ${dbPath}. Build one with: mainstreet demo --db ${dbPath}`);
  return openDatabase(dbPath);
}

/**
 * Runs `work` on the database named by --db and closes it (once its promise settles, for async
 * work); an AppError (a refusal the user can act on) becomes the command's error message,
 * `explain` saying more where it can.
 */
export function withExistingDb<T>(
  raw: string | undefined,
  work: (db: Db) => T,
  explain: (error: AppError) => string = (error) => error.message,
): T {
  const db = openExistingDb(raw);
  const fail = (error: unknown): never => {
    db.close();
    throw error instanceof AppError ? new CliError(explain(error)) : error;
  };
  let result: T;
  try {
    result = work(db);
  } catch (error) {
    return fail(error);
  }
  if (result instanceof Promise) {
    return result.then((value: unknown) => {
      db.close();
      return value;
    }, fail) as T;
  }
  db.close();
  return result;
}
