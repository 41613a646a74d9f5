/** One handler per contract entry: the input arrives already validated against its schema. */
import type { ApiOutput, ApiParsedInput, Channel } from '../../src-shared/api';
import type { AppContext } from '../app/context';
import { AppError } from '../app/errors';
import { getDashboard } from '../bank/stats';
import { getCustomerProfile } from '../customers/customer-profile';
import { listCustomers } from '../customers/list-customers';

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
};
