import { useState } from 'react';
import { MERCHANT_CATEGORY_LABELS } from '../../src-shared/merchant-categories';
import type { MerchantRule } from '../../src-shared/merchants';
import { useCall } from '../lib/use-call';

/** Type a description as a core writes it and see what the rules being edited make of it. */
export function RuleTester({ rules }: { rules: MerchantRule[] }) {
  const [description, setDescription] = useState('');
  const result = useCall('merchants:try', { description, mcc: null, rules });
  return (
    <div className="rule-tester">
      <label>
        Try a description{' '}
        <input
          value={description}
          placeholder="POS PURCHASE 1234 HY-VEE #1532 AMES IA"
          onChange={(e) => setDescription(e.target.value)}
        />
      </label>
      {description.trim() !== '' && result.data && (
        <p role="status" data-testid="rule-try">
          Merchant <strong>{result.data.merchant || '—'}</strong>, category{' '}
          <strong>{MERCHANT_CATEGORY_LABELS[result.data.category]}</strong>
        </p>
      )}
    </div>
  );
}
