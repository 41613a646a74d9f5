/**
 * The shape of an audience rule (a rule file, or what the builder sends). The main process
 * validates with this; whether each field exists and each value suits its field is checked by
 * the compiler, which knows the bank (its KLIs, products, triggers).
 */
import { z } from 'zod';
import { RULE_OPS, type RuleNode } from './audience';

/** Deeper nesting than this is refused (no builder makes it; a hostile file could). */
export const MAX_RULE_DEPTH = 12;
/** At most this many conditions in one rule. */
export const MAX_RULE_CONDITIONS = 300;

const scalar = z.union([z.string().max(200), z.number().finite(), z.boolean()]);

export const ruleConditionSchema = z
  .object({
    field: z.string().trim().min(1).max(120),
    op: z.enum(RULE_OPS),
    value: z.union([scalar, z.array(scalar).min(1).max(500)]),
  })
  .strict();

export const ruleNodeSchema: z.ZodType<RuleNode> = z.lazy(() =>
  z.union([
    ruleConditionSchema,
    z.object({ all: z.array(ruleNodeSchema).max(100) }).strict(),
    z.object({ any: z.array(ruleNodeSchema).max(100) }).strict(),
    z.object({ not: ruleNodeSchema }).strict(),
  ]),
);

/** Depth and size limits, with the path of the first node past them; null when within. */
export function ruleLimitsError(rule: RuleNode): string | null {
  let conditions = 0;
  const walk = (node: RuleNode, path: string, depth: number): string | null => {
    if (depth > MAX_RULE_DEPTH) return `${path}: groups nest deeper than ${MAX_RULE_DEPTH} levels`;
    if ('field' in node) {
      conditions++;
      return conditions > MAX_RULE_CONDITIONS ? `${path}: more than ${MAX_RULE_CONDITIONS} conditions` : null;
    }
    if ('not' in node) return walk(node.not, `${path}.not`, depth + 1);
    const [key, children] = 'all' in node ? ['all', node.all] : ['any', node.any];
    for (let i = 0; i < children.length; i++) {
      const error = walk(children[i]!, `${path}.${key}[${i}]`, depth + 1);
      if (error) return error;
    }
    return null;
  };
  return walk(rule, 'rule', 0);
}
