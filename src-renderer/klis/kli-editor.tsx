import { useEffect } from 'react';
import { FAMILY_INFO, PRODUCT_FAMILIES, type ProductFamily } from '../../src-shared/domain';
import { KLI_MEASURE_LABELS, KLI_MEASURES, type KliMeasure } from '../../src-shared/kli';
import { getApi } from '../lib/api';
import { formatCents, formatCount, formatInt } from '../lib/format';
import { useStore } from '../lib/store';
import { href, navigate, type Route } from '../lib/router';
import { useCall } from '../lib/use-call';
import { ErrorPanel } from '../shell/error-panel';
import { Loading } from '../shell/loading';
import { blankDraft, draftFrom, slugify, validateDraft, type DraftErrors, type KliDraft } from './editor-draft';
import { closeDraft, draftJson, editorStore, openDraft, previewDraft, saveDraft, updateDraft } from './editor-store';
import { isMoneyMeasure } from './labels';
import { MatchFields } from './match-fields';
import { MoneyInput, NumberInput } from './number-fields';
import { KliPreviewPanel } from './preview-panel';
import { claimKliSession, noticeStore } from './session';
import { SelectField, TextArea, TextInput } from './text-fields';
import './klis.css';

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A threshold that means something for the measure chosen (money measures in cents). */
const DEFAULT_MIN: Record<KliMeasure, number> = {
  months: 3,
  count: 3,
  amount: 100_00,
  monthly_amount: 50_00,
  merchants: 2,
};

function About({ draft, errors, editing }: { draft: KliDraft; errors: DraftErrors; editing: boolean }) {
  return (
    <section className="panel" aria-labelledby="kli-about-heading">
      <h2 id="kli-about-heading">About the KLI</h2>
      <TextInput
        label="Name"
        value={draft.name}
        error={errors.name}
        testId="kli-name"
        onChange={(name) => updateDraft(draft.idEdited ? { name } : { name, id: slugify(name) })}
      />
      {editing ? (
        <div className="field">
          <span>Id</span>
          <code data-testid="kli-id">{draft.id}</code>
          <span className="muted small">A saved KLI keeps its id: rules and the command line name it.</span>
        </div>
      ) : (
        <TextInput
          label="Id"
          value={draft.id}
          error={errors.id}
          hint="Follows the name until you change it. Rules and the command line name the KLI by it."
          testId="kli-id"
          onChange={(id) => updateDraft({ id, idEdited: true })}
        />
      )}
      <TextArea
        label="Business question it answers"
        value={draft.question}
        rows={2}
        error={errors.question}
        hint="For example: who pays for several streaming services and may like a rewards card?"
        onChange={(question) => updateDraft({ question })}
      />
      <SelectField
        label="Product it points to"
        value={draft.product}
        onChange={(product) => updateDraft({ product: product as ProductFamily })}
      >
        {PRODUCT_FAMILIES.map((f) => (
          <option key={f} value={f}>
            {FAMILY_INFO[f].label}
          </option>
        ))}
      </SelectField>
    </section>
  );
}

function thresholdWords(draft: KliDraft): string {
  if (draft.min === null || draft.minMonths === null) return '';
  const min = isMoneyMeasure(draft.measure) ? formatCents(draft.min) : formatInt(draft.min);
  const months = draft.minMonths > 0 ? `, in at least ${formatInt(draft.minMonths)} of its months` : '';
  return `A customer has this KLI with at least ${min} (${KLI_MEASURE_LABELS[draft.measure]}) over the lookback${months}.`;
}

function Measure({ draft, errors }: { draft: KliDraft; errors: DraftErrors }) {
  const money = isMoneyMeasure(draft.measure);
  const setMeasure = (measure: KliMeasure) =>
    updateDraft(isMoneyMeasure(measure) === money ? { measure } : { measure, min: DEFAULT_MIN[measure] });
  return (
    <section className="panel" aria-labelledby="kli-measure-heading">
      <h2 id="kli-measure-heading">When a customer has it</h2>
      <SelectField label="Measure" value={draft.measure} onChange={(m) => setMeasure(m as KliMeasure)}>
        {KLI_MEASURES.map((m) => (
          <option key={m} value={m}>
            {capitalized(KLI_MEASURE_LABELS[m])}
          </option>
        ))}
      </SelectField>
      {/* Keyed by the kind of number, so switching between money and counts starts the box afresh. */}
      {money ? (
        <MoneyInput
          key="money"
          label="Threshold: at least"
          cents={draft.min}
          error={errors.min}
          testId="kli-threshold"
          onChange={(min) => updateDraft({ min })}
        />
      ) : (
        <NumberInput
          key="count"
          label="Threshold: at least"
          unit={KLI_MEASURE_LABELS[draft.measure]}
          value={draft.min}
          min={0}
          max={1_000_000}
          error={errors.min}
          testId="kli-threshold"
          onChange={(min) => updateDraft({ min })}
        />
      )}
      <NumberInput
        label="And in at least"
        unit="months with a match (0: no such condition)"
        value={draft.minMonths}
        min={0}
        max={60}
        error={errors.minMonths}
        testId="kli-min-months"
        onChange={(minMonths) => updateDraft({ minMonths })}
      />
      <p className="muted" data-testid="kli-threshold-words">
        {thresholdWords(draft)}
      </p>
    </section>
  );
}

function EditorForm({ editing, back }: { editing: boolean; back: Route }) {
  const state = useStore(editorStore);
  const draft = state.draft;
  if (!draft) return null;
  const own = validateDraft(draft, !editing);
  // Before the first Preview or Save only the id's problems show (it is filled in for the user).
  const shown: DraftErrors = state.attempted ? own : draft.idEdited || editing ? { id: own.id } : {};
  const errors: DraftErrors = { ...shown, ...state.server?.fields };
  const current = state.preview !== null && state.previewOf === draftJson(draft);
  const invalid = Object.keys(own).length > 0;

  const save = async () => {
    const saved = await saveDraft(editing);
    if (saved === null) return;
    // The main process decides a saved KLI on the spot when the data has a lookback to read.
    const text =
      saved.customers === null || saved.households === null
        ? 'Saved. Its figures appear after the next compute: Recompute in the library.'
        : `Saved. It flags ${formatCount(saved.customers, 'customer')} in ${formatCount(saved.households, 'household')}.`;
    noticeStore.set({ kli: saved.id, text });
    navigate({ screen: 'kli', id: saved.id });
  };
  const cancel = () => {
    closeDraft();
    navigate(back);
  };

  return (
    <form
      className="kli-editor"
      aria-label={editing ? `Edit ${draft.name}` : 'New KLI'}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void previewDraft();
      }}
    >
      <div className="editor-grid">
        <div className="editor-column">
          <About draft={draft} errors={errors} editing={editing} />
          <Measure draft={draft} errors={errors} />
        </div>
        <MatchFields draft={draft} errors={errors} />
      </div>
      {state.attempted && invalid ? (
        <div className="blocked" role="alert" data-testid="kli-editor-problems">
          <p>
            <strong>Not yet: </strong>
            {Object.values(own).join(' ')}
          </p>
        </div>
      ) : null}
      {state.server && state.server.general.length > 0 ? (
        <div className="blocked" role="alert" data-testid="kli-editor-server-error">
          {state.server.general.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      ) : null}
      {state.server && Object.keys(state.server.fields).length > 0 && state.server.general.length === 0 ? (
        <p className="blocked" role="alert" data-testid="kli-editor-server-error">
          Mainstreet did not accept the KLI: see the fields marked above.
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" disabled={state.busy !== null}>
          {state.busy === 'preview' ? 'Previewing…' : 'Preview'}
        </button>
        <button type="button" onClick={() => void save()} disabled={state.busy !== null || !current || invalid}>
          {state.busy === 'save' ? 'Saving…' : editing ? 'Save changes' : 'Save KLI'}
        </button>
        <button type="button" className="secondary" onClick={cancel} disabled={state.busy !== null}>
          Cancel
        </button>
        {!current ? (
          <span className="muted" data-testid="kli-save-hint">
            {state.preview
              ? 'The form changed since the preview: preview again before saving.'
              : 'Preview first: see what the KLI flags before saving it.'}
          </span>
        ) : null}
      </div>
      {state.preview ? <KliPreviewPanel preview={state.preview} current={current} /> : null}
    </form>
  );
}

function NewKli() {
  useEffect(() => openDraft('', blankDraft), []);
  const key = useStore(editorStore).key;
  return key === '' ? <EditorForm editing={false} back={{ screen: 'stage', stage: 'klis' }} /> : null;
}

function EditKli({ id }: { id: string }) {
  const kli = useCall('kli:get', { id });
  const definition = kli.data?.kli ?? null;
  const editable = definition && !definition.builtin ? draftFrom(definition) : null;
  useEffect(() => {
    if (editable) openDraft(id, () => editable);
  }, [id, editable]);
  const key = useStore(editorStore).key;
  if (kli.error && !kli.data)
    return <ErrorPanel message={`The KLI could not be loaded: ${kli.error}`} onRetry={kli.reload} />;
  if (!definition) return <Loading slow={kli.slow} text="Loading the KLI…" />;
  if (definition.builtin)
    return (
      <p className="notice">
        {definition.name} is built in: change its parameters on <a href={href({ screen: 'kli', id })}>its page</a>.
      </p>
    );
  if (!editable)
    return (
      <p className="notice">
        {definition.name} reads balances or cash flow, which this editor does not make. Change it in its rule file.
      </p>
    );
  return key === id ? <EditorForm editing back={{ screen: 'kli', id }} /> : null;
}

/** The custom KLI editor: what counts, the measure and threshold, a preview of what it flags, then Save. */
export function KliEditorScreen({ id, dbPath }: { id: string | null; dbPath: string }) {
  claimKliSession(getApi(), dbPath);
  return (
    <div className="screen">
      <a className="back-link" href={href(id === null ? { screen: 'stage', stage: 'klis' } : { screen: 'kli', id })}>
        ← {id === null ? 'KLI library' : 'The KLI'}
      </a>
      <header className="screen-header">
        <h1>{id === null ? 'New KLI' : 'Edit KLI'}</h1>
        <p className="muted">
          A KLI of your own: pick the transactions that count, say how much of them makes the signal, and preview what
          it flags before saving it.
        </p>
      </header>
      {id === null ? <NewKli /> : <EditKli id={id} />}
    </div>
  );
}
