/**
 * Reading a rule file (JSON, see README "Audience rules"): the shape is checked here, the
 * fields and values by the compiler. Every error names the file and the place in it.
 */
import { readFileSync } from 'node:fs';
import type { RuleNode } from '../../src-shared/audience';
import { ruleConditionSchema, ruleNodeSchema } from '../../src-shared/audience-schema';
import { AppError } from '../app/errors';

/** "rule.all[2].op" from a schema issue's path under `start`. */
function pathWords(path: readonly PropertyKey[], start: string): string {
  return path.reduce<string>(
    (words, key) => (typeof key === 'number' ? `${words}[${key}]` : `${words}.${String(key)}`),
    start,
  );
}

/**
 * Where a rule's shape is wrong and how, found by walking it (a schema union alone can only say
 * the whole rule is wrong): "rule.all[0].op: …". Null when the shape is right.
 */
function shapeError(node: unknown, path: string): string | null {
  const GROUP = 'expected a condition {"field", "op", "value"} or a group {"all": […]}, {"any": […]} or {"not": …}';
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return `${path}: ${GROUP}`;
  const keys = Object.keys(node);
  if ('field' in node) {
    const parsed = ruleConditionSchema.safeParse(node);
    if (parsed.success) return null;
    const issue = parsed.error.issues[0]!;
    return `${pathWords(issue.path, path)}: ${issue.message}`;
  }
  if (keys.length !== 1) return `${path}: ${GROUP}`;
  const key = keys[0]!;
  const value = (node as Record<string, unknown>)[key];
  if (key === 'not') return shapeError(value, `${path}.not`);
  if (key !== 'all' && key !== 'any') return `${path}: ${GROUP}`;
  if (!Array.isArray(value)) return `${path}.${key}: expected a list of conditions and groups`;
  for (let i = 0; i < value.length; i++) {
    const error = shapeError(value[i], `${path}.${key}[${i}]`);
    if (error) return error;
  }
  return null;
}

/** A rule from JSON text, or an AppError naming `source` and the place at fault. */
export function parseRule(text: string, source: string): RuleNode {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('invalid_input', `${source} is not JSON: ${(error as Error).message}`);
  }
  const parsed = ruleNodeSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError(
      'invalid_input',
      `${source}: ${shapeError(json, 'rule') ?? `rule: ${parsed.error.issues[0]!.message}`}`,
    );
  }
  return parsed.data;
}

export function readRuleFile(path: string): RuleNode {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `Cannot read the rule file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return parseRule(text, path);
}
