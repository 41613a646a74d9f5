/**
 * The boundary every request crosses, from the window or from loopback: the channel is
 * checked, the input parsed with its schema, the handler called, and the outcome wrapped so
 * an error keeps its code. Unexpected errors are logged without their data and reported as
 * `internal`.
 */
import { z } from 'zod';
import { isChannel, schemas, type ApiError, type Channel, type Result } from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { AppError } from '../app/errors';
import { log } from '../app/log';
import { NotFoundError } from '../customers/customer-profile';
import { handlers } from './handlers';

function describeZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'input'}: ${issue.message}`)
    .join('; ');
}

function toApiError(error: unknown, channel: Channel): ApiError {
  if (error instanceof AppError) return { code: error.code, message: error.message };
  if (error instanceof NotFoundError) return { code: 'not_found', message: error.message };
  if (error instanceof z.ZodError) return { code: 'invalid_input', message: describeZodError(error) };
  // Never log the message: it may quote customer data. The stack's first frame is enough to start.
  const where = error instanceof Error ? (error.stack?.split('\n')[1]?.trim() ?? error.name) : typeof error;
  console.error(`[api] internal error ${error instanceof Error ? error.name : ''} ${where}`);
  log('error', 'api.internal', { channel, error: error instanceof Error ? error.name : typeof error });
  return { code: 'internal', message: 'Something went wrong inside Mainstreet. Details are in the log.' };
}

/** What may be asked before anyone has signed in: who the people are, and signing in. */
const BEFORE_SIGN_IN = new Set<Channel>(['app:info', 'people:list', 'people:sign-in', 'jobs:get', 'backups:list']);

async function run<C extends Channel>(ctx: AppContext, channel: C, input: unknown): Promise<unknown> {
  if (ctx.signInNeeded() && !BEFORE_SIGN_IN.has(channel)) {
    throw new AppError('sign_in', 'Choose who is working first (and enter your PIN if you have one).');
  }
  const parsed = schemas[channel].parse(input ?? {});
  const handler = handlers[channel] as (ctx: AppContext, input: unknown) => unknown;
  return handler(ctx, parsed);
}

export async function dispatch(ctx: AppContext, channel: unknown, input: unknown): Promise<Result<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'unknown_channel', message: `Unknown API call: ${String(channel).slice(0, 60)}` },
    };
  }
  try {
    return { ok: true, value: await run(ctx, channel, input) };
  } catch (error) {
    return { ok: false, error: toApiError(error, channel) };
  }
}
