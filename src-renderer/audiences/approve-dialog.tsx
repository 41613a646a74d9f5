import { useState } from 'react';
import type { AudienceVersion } from '../../src-shared/audience';
import { useCall } from '../lib/use-call';
import { FormDialog } from './form-dialog';

/**
 * Approval asks who approves (the person signed in, on a team) and why. When the fair-lending check warned at submission, each
 * warning is listed and Approve stays disabled until the approver acknowledges them.
 */
export function ApproveDialog({
  version,
  busy,
  error,
  onApprove,
  onCancel,
}: {
  version: AudienceVersion;
  busy: boolean;
  error: string | null;
  onApprove: (approval: { approver: string; comment: string; acknowledge: boolean }) => void;
  onCancel: () => void;
}) {
  // On a team the approver is whoever is signed in (the main process takes their name, not this box).
  const person = useCall('app:info', {}).data?.person?.name ?? null;
  const [typed, setTyped] = useState('');
  const approver = person ?? typed;
  const [comment, setComment] = useState('');
  const [acknowledge, setAcknowledge] = useState(false);
  const warnings = version.fair_lending;
  const needsAck = warnings.length > 0;
  return (
    <FormDialog
      title={`Approve version ${version.version}`}
      submitLabel="Approve"
      canSubmit={approver.trim() !== '' && (!needsAck || acknowledge)}
      busy={busy}
      error={error}
      onSubmit={() => onApprove({ approver: approver.trim(), comment, acknowledge: needsAck && acknowledge })}
      onCancel={onCancel}
    >
      <p className="muted small">
        An approved version is locked: it never changes, and editing makes the next version.
      </p>
      <div className="field">
        <label htmlFor="approver-name">
          <span>Approver’s name</span>
        </label>
        <input
          id="approver-name"
          type="text"
          value={approver}
          readOnly={person !== null}
          aria-describedby={person ? 'approver-signed-in' : undefined}
          onChange={(e) => setTyped(e.target.value)}
        />
        {person ? (
          <p className="muted small" id="approver-signed-in">
            You approve as the person signed in. Someone other than the person who submitted it must approve.
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="approval-comment">
          <span>Comment</span>
        </label>
        <textarea id="approval-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      {needsAck ? (
        <div className="blocked fair-lending" data-testid="fair-lending-warnings">
          <p>
            <strong>Fair-lending check:</strong> this credit offer selects on a protected basis.
          </p>
          <ul>
            {warnings.map((w) => (
              <li key={w.path}>
                <code>{w.path}</code> ({w.field}): {w.message}
              </li>
            ))}
          </ul>
          <label className="check-option">
            <input type="checkbox" checked={acknowledge} onChange={(e) => setAcknowledge(e.target.checked)} />
            <span>I have reviewed these warnings and approve the selection anyway.</span>
          </label>
        </div>
      ) : null}
    </FormDialog>
  );
}
