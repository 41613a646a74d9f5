import { ResponsiveBar } from '@nivo/bar';
import { FAMILY_INFO, type FamilyPenetration } from '../../src-shared/domain';
import { formatInt, formatShare } from '../lib/format';

/** Share of households holding each product family: the cross-sell gaps at a glance. */
export function PenetrationChart({ penetration }: { penetration: FamilyPenetration[] }) {
  const data = [...penetration]
    .sort((a, b) => a.share - b.share)
    .map((p) => ({
      family: FAMILY_INFO[p.family].label,
      share: Math.round(p.share * 1000) / 10,
      households: p.households,
    }));
  return (
    <figure className="chart">
      <div className="chart-canvas" aria-hidden="true">
        <ResponsiveBar
          data={data}
          keys={['share']}
          indexBy="family"
          layout="horizontal"
          margin={{ top: 4, right: 48, bottom: 28, left: 170 }}
          padding={0.28}
          colors={['#1f4e8c']}
          valueScale={{ type: 'linear', min: 0, max: 100 }}
          axisBottom={{ tickValues: [0, 25, 50, 75, 100], format: (v) => `${v}%` }}
          axisLeft={{ tickSize: 0, tickPadding: 8 }}
          enableGridX
          enableGridY={false}
          label={(d) => `${d.value ?? 0}%`}
          labelSkipWidth={28}
          labelTextColor="#ffffff"
          isInteractive={false}
          animate={false}
          theme={{ text: { fontSize: 12, fill: '#2b3340' } }}
        />
      </div>
      <figcaption className="visually-hidden">
        <table>
          <caption>Share of households holding each product family</caption>
          <thead>
            <tr>
              <th scope="col">Product family</th>
              <th scope="col">Households</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {penetration.map((p) => (
              <tr key={p.family}>
                <th scope="row">{FAMILY_INFO[p.family].label}</th>
                <td>{formatInt(p.households)}</td>
                <td>{formatShare(p.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
