import { parseArgs } from 'node:util';
import { AppError } from '../app/errors';
import { RuleError } from '../audience/compile';
import { countAudience } from '../audience/count';
import { readRuleFile } from '../audience/rule-file';
import { CliError, openExistingDb, requireOption } from './cli-error';

export const AUDIENCE_USAGE = `mainstreet audience count --db FILE --rule RULE.json [--product CODE] [--no-suppressions] [--as-of YYYY-MM-DD] [--json]
    Counts the customers a rule file selects, then the suppression waterfall and one letter per
    household. --product names the product offered (owners are left out; credit offers leave
    out under-21s). --json prints {customers, households, waterfall:[{id, step, removed, remaining}]}.`;

export function audienceCommand(args: string[]): void {
  const [sub, ...rest] = args;
  if (sub === 'count') return count(rest);
  throw new CliError(sub ? `Unknown audience command "${sub}".` : 'Say what to do: count.', 2);
}

function count(args: string[]): void {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      rule: { type: 'string' },
      product: { type: 'string' },
      'no-suppressions': { type: 'boolean', default: false },
      'as-of': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const asOf = values['as-of'];
  if (asOf !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(asOf)))) {
    throw new CliError(`--as-of "${asOf}" is not a date: write it as YYYY-MM-DD.`, 2);
  }
  const rulePath = requireOption('rule', values.rule);
  const db = openExistingDb(values.db);
  try {
    const rule = readRuleFile(rulePath);
    const result = countAudience(db, rule, {
      asOf,
      product: values.product ?? null,
      suppressions: !values['no-suppressions'],
    });
    if (values.json) {
      console.log(JSON.stringify(result));
      return;
    }
    const width = Math.max(...result.waterfall.map((s) => s.step.length));
    for (const step of result.waterfall) {
      const removed = step.id === 'eligible' ? '' : `−${step.removed.toLocaleString('en-US')}`;
      console.log(
        `${step.step.padEnd(width)}  ${removed.padStart(10)}  ${step.remaining.toLocaleString('en-US').padStart(10)}`,
      );
    }
    console.log(
      `\n${result.customers.toLocaleString('en-US')} customers, ${result.households.toLocaleString('en-US')} households (letters)`,
    );
  } catch (error) {
    if (error instanceof RuleError) throw new CliError(`${rulePath}: ${error.message}`);
    if (error instanceof AppError) throw new CliError(error.message);
    throw error;
  } finally {
    db.close();
  }
}
