import { useState } from 'react';
import { CHANNELS, type Channel, type Offer, type PlanView } from '../../src-shared/plan';
import { call } from '../lib/api';
import { FormDialog } from '../audiences/form-dialog';
import { errorText } from './plan-words';

type ChannelCosts = Record<Channel, { on: boolean; cost: string }>;

const CHANNEL_NAMES: Record<Channel, string> = {
  mail: 'Mail',
  email: 'Email',
  banner: 'Online-banking banner',
  branch: 'Branch lead',
};

function channelCosts(offer: Offer | null): ChannelCosts {
  const costs = {} as ChannelCosts;
  for (const c of CHANNELS) {
    const cost = offer?.channels[c];
    costs[c] = {
      on: cost !== undefined || (offer === null && c === 'mail'),
      cost: cost === undefined ? '' : String(cost),
    };
  }
  return costs;
}

/** Blank stays blank (the API says what is missing); anything else is read as a number. */
const numberOrNaN = (text: string) => (text.trim() === '' ? Number.NaN : Number(text.replace(/[$,\s]/g, '')));

/**
 * A new offer, or an edited one (by its code): product, letter text, channels with their cost a
 * piece, the template, and what brings the required notices (an APY, a prescreened credit offer).
 * What the API refuses is shown in the dialog.
 */
export function OfferDialog({
  offer,
  view,
  onSaved,
  onCancel,
}: {
  offer: Offer | null;
  view: PlanView;
  onSaved: (offer: Offer) => void;
  onCancel: () => void;
}) {
  const [code, setCode] = useState(offer?.code ?? '');
  const [product, setProduct] = useState(offer?.product_code ?? view.economics[0]?.code ?? '');
  const [name, setName] = useState(offer?.name ?? '');
  const [headline, setHeadline] = useState(offer?.headline ?? '');
  const [body, setBody] = useState(offer?.body ?? '');
  const [incentive, setIncentive] = useState(offer?.incentive ?? '');
  const [days, setDays] = useState(String(offer?.response_days ?? 90));
  const [channels, setChannels] = useState(() => channelCosts(offer));
  const [template, setTemplate] = useState(offer?.template_id === null || !offer ? '' : String(offer.template_id));
  const [apy, setApy] = useState(offer?.apy === null || !offer ? '' : String(offer.apy));
  const [prescreened, setPrescreened] = useState(offer?.prescreened ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const setChannel = (c: Channel, patch: Partial<ChannelCosts[Channel]>) =>
    setChannels((all) => ({ ...all, [c]: { ...all[c], ...patch } }));

  const save = async () => {
    setBusy(true);
    setError(null);
    const picked = Object.fromEntries(
      CHANNELS.filter((c) => channels[c].on).map((c) => [
        c,
        channels[c].cost.trim() === '' ? 0 : numberOrNaN(channels[c].cost),
      ]),
    );
    try {
      const saved = await call('offers:save', {
        offer: {
          code: code.trim().toUpperCase(),
          product_code: product,
          name,
          headline,
          body,
          incentive,
          response_days: numberOrNaN(days),
          channels: picked,
          template_id: template === '' ? null : Number(template),
          apy: apy.trim() === '' ? null : numberOrNaN(apy),
          prescreened,
        },
      });
      onSaved(saved);
    } catch (e) {
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <FormDialog
      title={offer ? `Edit offer ${offer.code}` : 'New offer'}
      submitLabel="Save offer"
      canSubmit={code.trim() !== '' && product !== ''}
      busy={busy}
      error={error}
      onSubmit={() => void save()}
      onCancel={onCancel}
    >
      <div className="offer-form">
        <label className="field">
          <span>Code</span>
          <input type="text" value={code} onChange={(e) => setCode(e.target.value)} readOnly={offer !== null} />
        </label>
        <label className="field">
          <span>Product</span>
          <select value={product} onChange={(e) => setProduct(e.target.value)}>
            {view.economics.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name} ({p.code})
              </option>
            ))}
          </select>
        </label>
        <label className="field wide">
          <span>Name</span>
          <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field wide">
          <span>Headline</span>
          <input type="text" value={headline} onChange={(e) => setHeadline(e.target.value)} />
        </label>
        <label className="field wide">
          <span>Offer paragraph</span>
          <textarea rows={4} value={body} onChange={(e) => setBody(e.target.value)} />
        </label>
        <label className="field wide">
          <span>Incentive</span>
          <input type="text" value={incentive} onChange={(e) => setIncentive(e.target.value)} />
        </label>
        <label className="field">
          <span>Days to respond</span>
          <input type="text" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
        </label>
        <label className="field">
          <span>Letter template</span>
          <select value={template} onChange={(e) => setTemplate(e.target.value)}>
            <option value="">The standard letter</option>
            {view.templates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>APY quoted (%)</span>
          <input
            type="text"
            inputMode="decimal"
            value={apy}
            placeholder="none"
            onChange={(e) => setApy(e.target.value)}
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={prescreened} onChange={(e) => setPrescreened(e.target.checked)} />
          Prescreened credit offer (prints the FCRA opt-out notice)
        </label>
        <fieldset className="checks wide">
          <legend>Channels and cost a piece ($)</legend>
          {CHANNELS.map((c) => (
            <div key={c} className="channel-row">
              <label className="check">
                <input
                  type="checkbox"
                  checked={channels[c].on}
                  onChange={(e) => setChannel(c, { on: e.target.checked })}
                />
                {CHANNEL_NAMES[c]}
              </label>
              <input
                type="text"
                inputMode="decimal"
                aria-label={`${CHANNEL_NAMES[c]} cost a piece`}
                value={channels[c].cost}
                disabled={!channels[c].on}
                onChange={(e) => setChannel(c, { cost: e.target.value })}
              />
            </div>
          ))}
        </fieldset>
      </div>
    </FormDialog>
  );
}
