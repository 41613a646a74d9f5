import { useEffect, useRef, useState } from 'react';
import type { LetterTemplate, PlanView } from '../../src-shared/plan';
import { call } from '../lib/api';
import { saveDownload } from '../lib/download';
import { useCall } from '../lib/use-call';
import { LetterPreview, useLetter } from './letter-preview';
import { MERGE_FIELDS } from './merge-fields';
import { errorText } from './plan-words';

/** The letter of an offer for a customer, merged by the main process as it would be printed. */
function Preview({ view, saved }: { view: PlanView; saved: number }) {
  const firstCustomer = useCall('customers:list', { page: 0, page_size: 1 });
  const [offerId, setOfferId] = useState(String(view.offers[0]?.id ?? ''));
  const [customer, setCustomer] = useState<string | null>(null);
  const [letter, showLetter] = useLetter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [calibrationError, setCalibrationError] = useState<string | null>(null);
  const shownCustomer = customer ?? firstCustomer.data?.rows[0]?.customer_number ?? '';
  const shownOnce = useRef(false);

  const preview = async () => {
    if (!offerId || !shownCustomer.trim()) return;
    shownOnce.current = true;
    setBusy(true);
    setError(null);
    try {
      showLetter(await call('plan:preview', { offer_id: Number(offerId), customer: shownCustomer.trim() }));
    } catch (e) {
      setError(`The letter could not be merged: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };

  // A template saved while a letter is shown: merge it again, so the preview follows the text.
  useEffect(() => {
    if (saved > 0 && shownOnce.current) void preview();
    // Only when a save happens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);

  return (
    <div className="template-preview">
      <h3>Preview</h3>
      <p className="muted">
        A letter merges with its offer&rsquo;s template: save the template, then preview an offer that uses it.
      </p>
      <div className="form-row">
        <label className="field">
          <span>Offer to preview</span>
          <select value={offerId} onChange={(e) => setOfferId(e.target.value)}>
            {view.offers.map((o) => (
              <option key={o.id} value={o.id}>
                {o.code} — {o.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Customer number</span>
          <input type="text" value={shownCustomer} onChange={(e) => setCustomer(e.target.value)} />
        </label>
        <div className="form-buttons">
          <button type="button" onClick={() => void preview()} disabled={busy || !offerId || !shownCustomer.trim()}>
            {busy ? 'Merging…' : 'Preview letter'}
          </button>
          <button
            type="button"
            className="secondary"
            title="One page with the envelope windows and folds drawn: print it and hold it against a #10 double-window envelope"
            onClick={() =>
              void call('plan:calibration', {}).then(saveDownload, (e: unknown) => setCalibrationError(errorText(e)))
            }
          >
            Envelope calibration page
          </button>
        </div>
      </div>
      {calibrationError ? (
        <p className="field-error" role="alert">
          {calibrationError}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {letter ? <LetterPreview letter={letter} title="Letter preview" /> : null}
    </div>
  );
}

/** Letter templates: Handlebars text with the merge fields listed beside it, saved by name. */
export function TemplateEditor({ view, onSaved }: { view: PlanView; onSaved: (template: LetterTemplate) => void }) {
  const first = view.templates[0];
  const [name, setName] = useState(first?.name ?? '');
  const [body, setBody] = useState(first?.body ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [saved, setSaved] = useState(0);

  const open = (templateName: string) => {
    const template = view.templates.find((t) => t.name === templateName);
    setName(template?.name ?? '');
    setBody(template?.body ?? '');
    setMessage(null);
  };

  const save = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const template = await call('templates:save', { name: name.trim(), body });
      setMessage({ error: false, text: `Saved “${template.name}”.` });
      setSaved((n) => n + 1);
      onSaved(template);
    } catch (e) {
      setMessage({ error: true, text: `The template could not be saved: ${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="templates-title">
      <h2 id="templates-title">Letter templates</h2>
      <div className="template-editor">
        <div>
          <div className="form-row">
            <label className="field">
              <span>Template</span>
              <select
                value={view.templates.some((t) => t.name === name) ? name : ''}
                onChange={(e) => open(e.target.value)}
              >
                <option value="">A new template</option>
                {view.templates.map((t) => (
                  <option key={t.id} value={t.name}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>Template name</span>
              <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <button type="button" onClick={() => void save()} disabled={busy || !name.trim() || !body.trim()}>
              {busy ? 'Saving…' : 'Save template'}
            </button>
          </div>
          <label className="field">
            <span>Letter text</span>
            <textarea className="template-body" rows={14} value={body} onChange={(e) => setBody(e.target.value)} />
          </label>
          {message ? (
            <p className={message.error ? 'field-error' : 'success'} role={message.error ? 'alert' : 'status'}>
              {message.text}
            </p>
          ) : null}
        </div>
        <div className="merge-fields">
          <h3 id="merge-fields-title">Merge fields</h3>
          <ul aria-labelledby="merge-fields-title">
            {MERGE_FIELDS.map((f) => (
              <li key={f}>
                <code>{`{{${f}}}`}</code>
              </li>
            ))}
            <li>
              <code>{'{{kli.<id>}}'}</code>
            </li>
          </ul>
          <p className="muted">
            <code>{'{{#if offer.incentive}}…{{/if}}'}</code> prints a part only when it has a value.
          </p>
        </div>
      </div>
      <Preview view={view} saved={saved} />
    </section>
  );
}
