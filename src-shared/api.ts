/**
 * The one contract between the screens and the main process. Every call is declared once
 * here with the schema its input must pass and the type it returns; the preload, the
 * loopback client, the handlers and the mock used by component tests are all typed from it.
 */
import { z } from 'zod';
import type { Channel } from './channels';
import {
  CUSTOMER_SORT_COLUMNS,
  type AppInfo,
  type CustomerPage,
  type CustomerProfile,
  type Dashboard,
  type JobInfo,
} from './domain';
import type { EventName, Events } from './events';

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
} as const satisfies Record<Channel, z.ZodType>;

export interface ApiOutputs {
  'app:info': AppInfo;
  'home:dashboard': Dashboard;
  'customers:list': CustomerPage;
  'customers:get': CustomerProfile;
  'demo:rebuild': JobInfo;
  'jobs:get': JobInfo | null;
  'jobs:cancel': { cancelled: boolean };
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

export type ErrorCode = 'invalid_input' | 'not_found' | 'no_database' | 'unknown_channel' | 'busy' | 'internal';

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
