import { useEffect, useRef, useState } from 'react';
import type { CellProjection, PlanCell, PlanProjection, PlanRow, PlanView } from '../../src-shared/plan';
import { call } from '../lib/api';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { countOf, dollars, errorText, monthLabel } from './plan-words';

const cellKey = (month: string, audienceId: number) => `${month}|${audienceId}`;

/** A filled cell's expected pieces, cost, responses and return (dimmed while a new projection comes). */
function CellFigures({ projection, pending }: { projection: CellProjection | undefined; pending: boolean }) {
  if (!projection) return <span className="cell-figures muted">{pending ? 'Projecting…' : '—'}</span>;
  return (
    <>
      <Figures figures={projection} stale={pending} testId="cell-figures" />
      <span className="cell-notes">
        <span className="rate-source" title={projection.rate_basis} data-testid="rate-source">
          {(projection.response_rate * 100).toFixed(2)}% {RATE_WORDS[projection.rate_source]}
        </span>
        {projection.holdout_too_small ? (
          <span className="warning-text holdout-warning" title={holdoutWords(projection)} data-testid="holdout-warning">
            Holdout too small
          </span>
        ) : null}
      </span>
    </>
  );
}

const RATE_WORDS: Record<CellProjection['rate_source'], string> = {
  offer: 'measured',
  family: 'measured (family)',
  history: 'from history',
  usual: 'usual rate',
};

/** Why a cell's control group cannot prove its lift, and what to do about it. */
export function holdoutWords(p: CellProjection): string {
  if (p.control === 0) return 'No control group: nothing will show whether the letter made a difference.';
  if (p.control_needed === null) return 'No control group large enough can prove a lift at this response rate.';
  return `${countOf(p.control, 'household')} held out; about ${countOf(p.control_needed, 'household')} are needed to prove the letter doubles the response (95% confidence, 80% power). Raise the control share, or judge this offer over several months.`;
}

type Projected = Pick<CellProjection, 'pieces' | 'cost' | 'responses' | 'return'>;

/** Pieces, cost, expected responses and return, one a line. */
function Figures({ figures, stale, testId }: { figures: Projected; stale: boolean; testId?: string }) {
  return (
    <span className={stale ? 'cell-figures stale' : 'cell-figures'} data-testid={testId}>
      <span>{countOf(figures.pieces, 'piece')}</span>
      <span>{dollars(figures.cost)}</span>
      <span>{countOf(figures.responses, 'response')}</span>
      <span>{dollars(figures.return)} return</span>
    </span>
  );
}

interface GridProps {
  view: PlanView;
  projection: PlanProjection | null;
  projecting: boolean;
  /** After any edit: the projections are asked for again. */
  onEdited: () => void;
}

/** The order after dragging the row at `from` onto the row at `to` (it takes that row's place). */
export function dropOrder(order: readonly number[], from: number, to: number): number[] {
  const next = [...order];
  const [moved] = next.splice(from, 1);
  if (moved === undefined) return next;
  next.splice(to, 0, moved);
  return next;
}

/**
 * The matrix: a row an audience in priority order, a column a month, a select of offers in
 * each cell. Rows are dragged by their handle to a new place, or moved with Move up / Move
 * down from the keyboard (the moved row's button keeps the focus).
 */
export function PlanGrid({ view, projection, projecting, onEdited }: GridProps) {
  const [rows, setRows] = useState<PlanRow[]>(view.rows);
  const [cells, setCells] = useState<PlanCell[]>(view.cells);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const [removing, setRemoving] = useState<PlanRow | null>(null);
  const refocus = useRef<string | null>(null);

  useEffect(() => {
    if (!refocus.current) return;
    const button = document.getElementById(refocus.current) as HTMLButtonElement | null;
    refocus.current = null;
    // At the top or bottom the pressed button is disabled: its partner takes the focus.
    if (button?.disabled) button.parentElement?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
    else button?.focus();
  }, [rows]);

  const offerOf = new Map(cells.map((c) => [cellKey(c.month, c.audience_id), c.offer_id]));
  const figures = new Map((projection?.cells ?? []).map((c) => [cellKey(c.month, c.audience_id), c]));
  const monthTotals = new Map((projection?.months ?? []).map((m) => [m.month, m]));
  const unplanned = view.audiences.filter((a) => !rows.some((r) => r.audience_id === a.id));

  const edit = async (action: () => Promise<void>) => {
    setError(null);
    try {
      await action();
      onEdited();
    } catch (e) {
      setError(errorText(e));
    }
  };

  const setCell = (month: string, audienceId: number, value: string) =>
    edit(async () => {
      const offerId = value === '' ? null : Number(value);
      setCells(await call('plan:set-cell', { month, audience_id: audienceId, offer_id: offerId }));
    });

  const reorder = (from: number, to: number, focusId?: string) =>
    edit(async () => {
      if (from === to) return;
      if (focusId) refocus.current = focusId;
      setRows(
        await call('plan:reorder', {
          audience_ids: dropOrder(
            rows.map((r) => r.audience_id),
            from,
            to,
          ),
        }),
      );
    });
  const move = (index: number, by: -1 | 1) =>
    reorder(index, index + by, `move-${by < 0 ? 'up' : 'down'}-${rows[index]?.audience_id}`);

  const endDrag = () => {
    setDragging(null);
    setDropAt(null);
  };
  const drop = (to: number) => {
    if (dragging !== null) void reorder(dragging, to);
    endDrag();
  };

  const remove = (row: PlanRow) =>
    edit(async () => {
      setRemoving(null);
      setRows(await call('plan:remove-row', { audience_id: row.audience_id }));
      setCells((now) => now.filter((c) => c.audience_id !== row.audience_id));
    });
  const cellsOf = (audienceId: number) => cells.filter((c) => c.audience_id === audienceId).length;

  const addRow = () =>
    edit(async () => {
      if (!adding) return;
      setRows(await call('plan:add-row', { audience_id: Number(adding) }));
      setAdding('');
    });

  return (
    <section className="panel" aria-labelledby="plan-grid-title">
      <h2 id="plan-grid-title">The year&rsquo;s matrix</h2>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="empty">No audiences planned yet: add an approved audience below.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table plan-grid" aria-label="Plan matrix" aria-busy={projecting}>
            <thead>
              <tr>
                <th scope="col">Priority · audience</th>
                {view.months.map((m) => (
                  <th key={m} scope="col">
                    {monthLabel(m)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr
                  key={row.audience_id}
                  data-testid="plan-row"
                  className={[
                    dragging === index ? 'dragging' : '',
                    dropAt === index && dragging !== null && dragging !== index
                      ? dragging < index
                        ? 'drop-below'
                        : 'drop-above'
                      : '',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  onDragOver={(e) => {
                    if (dragging === null) return;
                    e.preventDefault();
                    e.dataTransfer.dropEffect = 'move';
                    setDropAt(index);
                  }}
                  onDrop={(e) => {
                    e.preventDefault();
                    drop(index);
                  }}
                >
                  <th scope="row" className="plan-audience">
                    <span className="row-title">
                      <span
                        className="drag-handle"
                        draggable
                        aria-hidden="true"
                        title={`Drag ${row.audience} to a new place`}
                        data-testid="drag-handle"
                        onDragStart={(e) => {
                          e.dataTransfer.effectAllowed = 'move';
                          e.dataTransfer.setData('text/plain', row.audience);
                          setDragging(index);
                        }}
                        onDragEnd={endDrag}
                      >
                        ⠿
                      </span>
                      <span className="wrap">
                        {index + 1}. {row.audience}
                      </span>
                    </span>
                    {row.approved_version === null ? (
                      <span className="warning-text">No approved version: this row cannot run.</span>
                    ) : null}
                    <span className="move-buttons">
                      <button
                        type="button"
                        id={`move-up-${row.audience_id}`}
                        className="secondary small-button"
                        disabled={index === 0}
                        onClick={() => void move(index, -1)}
                      >
                        Move up<span className="visually-hidden">: {row.audience}</span>
                      </button>
                      <button
                        type="button"
                        id={`move-down-${row.audience_id}`}
                        className="secondary small-button"
                        disabled={index === rows.length - 1}
                        onClick={() => void move(index, 1)}
                      >
                        Move down<span className="visually-hidden">: {row.audience}</span>
                      </button>
                      <button
                        type="button"
                        className="secondary small-button"
                        aria-label={`Remove ${row.audience} from the plan`}
                        onClick={() => setRemoving(row)}
                      >
                        Remove
                      </button>
                    </span>
                  </th>
                  {view.months.map((month) => {
                    const offerId = offerOf.get(cellKey(month, row.audience_id));
                    const projected = figures.get(cellKey(month, row.audience_id));
                    return (
                      <td key={month} className={offerId ? 'plan-cell filled' : 'plan-cell'}>
                        <select
                          aria-label={`${row.audience}, ${monthLabel(month)}`}
                          value={offerId ?? ''}
                          onChange={(e) => void setCell(month, row.audience_id, e.target.value)}
                        >
                          <option value="">—</option>
                          {view.offers.map((o) => (
                            <option key={o.id} value={o.id}>
                              {o.code}
                            </option>
                          ))}
                        </select>
                        {offerId ? (
                          <CellFigures
                            projection={projected?.offer_id === offerId ? projected : undefined}
                            pending={projecting}
                          />
                        ) : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="plan-month-totals">
                <th scope="row">Month totals</th>
                {view.months.map((m) => {
                  const total = monthTotals.get(m);
                  return (
                    <td key={m}>
                      {total && total.pieces > 0 ? (
                        <Figures figures={total} stale={projecting} />
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
      {removing ? (
        <ConfirmDialog
          title={`Take ${removing.audience} off the plan?`}
          confirmLabel="Remove"
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(null)}
        >
          <p>
            {cellsOf(removing.audience_id) === 0
              ? 'It has no offers planned.'
              : `Its ${countOf(cellsOf(removing.audience_id), 'planned offer')} will be emptied.`}{' '}
            The audience itself stays, and can be added again. Runs already made are kept.
          </p>
        </ConfirmDialog>
      ) : null}
      <div className="form-row add-row">
        <label className="field">
          <span>Audience to add</span>
          <select value={adding} onChange={(e) => setAdding(e.target.value)} disabled={unplanned.length === 0}>
            <option value="">
              {unplanned.length === 0 ? 'Every approved audience is planned' : 'Choose an approved audience'}
            </option>
            {unplanned.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => void addRow()} disabled={!adding}>
          Add audience
        </button>
      </div>
    </section>
  );
}
