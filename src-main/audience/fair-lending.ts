/**
 * The fair-lending check: a credit offer's audience that selects on age, sex, marital status or
 * geography may treat applicants unequally on a prohibited basis (ECOA / Regulation B, the Fair
 * Housing Act for home loans; ZIP and city selection is how redlining happens). The check only
 * warns: a reviewer acknowledges each warning when approving, and the acknowledgement is kept.
 */
import type { FairLendingWarning, RuleNode } from '../../src-shared/audience';

const PROTECTED: Record<string, string> = {
  age: 'age',
  birth_date: 'age (birth date)',
  gender: 'sex',
  marital_status: 'marital status',
  zip: 'geography (ZIP code)',
  city: 'geography (city)',
  state: 'geography (state)',
};

/** Warnings for a rule, when the product offered is credit; none otherwise. */
export function fairLendingWarnings(rule: RuleNode, credit: boolean): FairLendingWarning[] {
  if (!credit) return [];
  const warnings: FairLendingWarning[] = [];
  const walk = (node: RuleNode, path: string) => {
    if ('field' in node) {
      const basis = PROTECTED[node.field];
      if (basis) {
        warnings.push({
          path,
          field: node.field,
          message: `Selects a credit offer's audience on ${basis}: a prohibited basis under fair-lending law unless a compliance reviewer confirms it is permitted (for example, a program for applicants 62 and over).`,
        });
      }
      return;
    }
    if ('not' in node) return walk(node.not, `${path}.not`);
    const [key, children] = 'all' in node ? ['all', node.all] : ['any', node.any];
    children.forEach((child, i) => walk(child, `${path}.${key}[${i}]`));
  };
  walk(rule, 'rule');
  return warnings;
}
