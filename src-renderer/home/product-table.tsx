import { FAMILY_INFO, type FamilyTotal, type ProductKind } from '../../src-shared/domain';
import { formatInt, formatWholeDollars } from '../lib/format';

const KINDS: { kind: ProductKind; label: string }[] = [
  { kind: 'deposit', label: 'Deposits' },
  { kind: 'loan', label: 'Loans' },
  { kind: 'service', label: 'Services' },
];

/** Open accounts and balances by family, grouped the way a bank's balance sheet reads. */
export function ProductTable({ products }: { products: FamilyTotal[] }) {
  return (
    <table className="data-table">
      <caption className="visually-hidden">Open accounts and balances by product family</caption>
      <thead>
        <tr>
          <th scope="col">Product family</th>
          <th scope="col" className="num">
            Open accounts
          </th>
          <th scope="col" className="num">
            Balance
          </th>
        </tr>
      </thead>
      {KINDS.map(({ kind, label }) => {
        const rows = products.filter((p) => FAMILY_INFO[p.family].kind === kind);
        if (rows.length === 0) return null;
        // Services (online banking, e-statements) carry no balance; a $0 total would mislead.
        const hasBalance = kind !== 'service';
        const accounts = rows.reduce((sum, r) => sum + r.accounts, 0);
        const balance = rows.reduce((sum, r) => sum + r.balance_cents, 0);
        return (
          <tbody key={kind}>
            <tr className="group-row">
              <th scope="rowgroup">{label}</th>
              <td className="num">{formatInt(accounts)}</td>
              <td className="num">{hasBalance ? formatWholeDollars(balance) : '—'}</td>
            </tr>
            {rows.map((p) => (
              <tr key={p.family}>
                <th scope="row" className="indent">
                  {FAMILY_INFO[p.family].label}
                </th>
                <td className="num">{formatInt(p.accounts)}</td>
                <td className="num">{hasBalance ? formatWholeDollars(p.balance_cents) : '—'}</td>
              </tr>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}
