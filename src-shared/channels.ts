/**
 * The names of the API's calls and events, without their schemas, so the preload can check
 * a channel without bundling the validation library. api.ts and events.ts are checked
 * against these lists at compile time.
 */
export const CHANNELS = [
  'app:info',
  'home:dashboard',
  'customers:list',
  'customers:get',
  'demo:rebuild',
  'jobs:get',
  'jobs:cancel',
  'import:sniff',
  'import:targets',
  'import:suggest',
  'import:start',
  'import:outcome',
  'import:report',
  'profiles:list',
  'profiles:save',
  'profiles:delete',
  'imports:list',
  'imports:quality',
  'imports:quarantine',
  'imports:rollback',
  'households:get',
  'households:set-rule',
  'merchants:rules',
  'merchants:save-rules',
  'merchants:try',
  'bank:get',
  'bank:set',
  'kli:library',
  'kli:get',
  'kli:compute',
  'kli:preview',
  'kli:save',
  'kli:delete',
  'kli:tune',
  'kli:customer',
  'triggers:list',
  'triggers:save',
  'triggers:run',
  'triggers:hits',
  'triggers:export',
  'audience:catalog',
  'audience:count',
  'audience:details',
  'audience:explain',
  'audience:list',
  'audience:get',
  'audience:create',
  'audience:save',
  'audience:submit',
  'audience:approve',
  'audience:return',
  'audience:retire',
  'scores:train',
  'scores:outcome',
  'scores:models',
  'scores:customer',
  'audit:list',
  'audit:export',
  'responses:import',
  'responses:imports',
  'responses:delete-import',
  'responses:list',
  'responses:decide',
  'report:campaign',
  'report:overview',
  'report:export',
  'plan:get',
  'plan:projections',
  'plan:overlap',
  'plan:settings',
  'plan:add-row',
  'plan:remove-row',
  'plan:reorder',
  'plan:set-cell',
  'plan:run-month',
  'plan:run-outcome',
  'plan:runs',
  'plan:finalize',
  'plan:recipients',
  'plan:preview',
  'plan:calibration',
  'plan:sample-size',
  'offers:save',
  'templates:save',
  'economics:set',
] as const;

export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}

export const EVENT_NAMES = ['job:progress', 'db:changed'] as const;

export type EventName = (typeof EVENT_NAMES)[number];

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
