import type { AudienceDetails } from '../../src-shared/audience';
import { FAMILY_INFO, PRODUCT_FAMILIES, type ProductFamily } from '../../src-shared/domain';
import { formatInt } from '../lib/format';
import { href } from '../lib/router';

function familyLabel(family: string): string {
  return (PRODUCT_FAMILIES as readonly string[]).includes(family) ? FAMILY_INFO[family as ProductFamily].label : family;
}

function Breakdown({
  label,
  heading,
  rows,
}: {
  label: string;
  heading: string;
  rows: { name: string; customers: number }[];
}) {
  if (rows.length === 0) return <p className="muted small">No one to break down.</p>;
  return (
    <table className="data-table compact" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="num">
            Customers
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name}>
            <th scope="row" className="wrap">
              {row.name}
            </th>
            <td className="num">{formatInt(row.customers)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A sample of who would get the letter (in letter order), and where they bank and what they hold. */
export function DetailsPanel({ details, outdated }: { details: AudienceDetails; outdated: boolean }) {
  return (
    <section
      className={outdated ? 'panel audience-details outdated' : 'panel audience-details'}
      aria-labelledby="audience-details-heading"
      aria-busy={outdated}
      data-testid="audience-details"
    >
      <h2 id="audience-details-heading">Who they are</h2>
      <div className="breakdowns">
        <div>
          <h3>By branch</h3>
          <Breakdown
            label="Customers by branch"
            heading="Branch"
            rows={details.by_branch.map((b) => ({ name: b.branch ?? 'No branch', customers: b.customers }))}
          />
        </div>
        <div>
          <h3>By product held</h3>
          <Breakdown
            label="Customers by product family"
            heading="Product family"
            rows={details.by_family.map((f) => ({ name: familyLabel(f.family), customers: f.customers }))}
          />
        </div>
      </div>
      <h3>
        Sample <span className="muted small">(the first {formatInt(details.sample.length)} in letter order)</span>
      </h3>
      {details.sample.length === 0 ? (
        <p className="muted small">No customer is left after the suppressions.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table compact" aria-label="Sample of the audience">
            <thead>
              <tr>
                <th scope="col">Customer</th>
                <th scope="col">Name</th>
                <th scope="col">City</th>
                <th scope="col">Branch</th>
              </tr>
            </thead>
            <tbody>
              {details.sample.map((c) => (
                <tr key={c.id} data-testid="audience-sample-row">
                  <td>
                    <a href={href({ screen: 'customer', id: c.id })}>{c.customer_number}</a>
                  </td>
                  <td className="wrap">{c.name}</td>
                  <td className="wrap">
                    {c.city}, {c.state}
                  </td>
                  <td>{c.branch ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
