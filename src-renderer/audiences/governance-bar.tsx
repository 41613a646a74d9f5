import { useState } from 'react';
import type { AudienceVersion, RuleNode } from '../../src-shared/audience';
import { ConfirmDialog } from '../shell/confirm-dialog';
import { ApproveDialog } from './approve-dialog';
import {
  approve,
  discardChanges,
  editAsNewVersion,
  retire,
  returnToDraft,
  save,
  submit,
  type AudienceEditorState,
} from './audience-store';
import { ReturnDialog } from './return-dialog';

type Dialog = 'approve' | 'return' | 'retire';

/**
 * The steps the newest version can take, and only those: Save and Submit for a draft, Approve
 * and Return for a submission, Edit as new version and Retire once approved.
 */
export function GovernanceBar({
  state,
  version,
  rule,
  dirty,
}: {
  state: AudienceEditorState;
  version: AudienceVersion | null;
  /** The builder's rule, or null while a condition is unfinished. */
  rule: RuleNode | null;
  dirty: boolean;
}) {
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const busy = state.busy !== null;
  const close = () => setDialog(null);
  const after = (ok: boolean) => {
    if (ok) close();
  };
  const status = version?.status ?? null;
  const unsaved = dirty || !version;

  const saveButton = (label: string) => (
    <button
      type="button"
      disabled={busy || !rule || (!unsaved && version !== null)}
      onClick={() => rule && void save(rule)}
    >
      {state.busy === 'save' ? 'Saving…' : label}
    </button>
  );

  let hint: string | null = null;
  if (!rule) hint = 'Finish or remove the conditions marked in red to save.';
  else if (!version && state.name.trim() === '') hint = 'Name the audience to save it.';
  else if (version && dirty && (status === 'draft' || status === 'submitted'))
    hint =
      status === 'submitted'
        ? 'Saving changes withdraws the submission: it goes back to draft.'
        : 'Unsaved changes: save them before submitting.';

  return (
    <div className="actions governance" role="group" aria-label="Audience actions">
      {!version ? (
        <button
          type="button"
          disabled={busy || !rule || state.name.trim() === ''}
          onClick={() => rule && void save(rule)}
        >
          {state.busy === 'save' ? 'Saving…' : 'Save audience'}
        </button>
      ) : null}
      {status === 'draft' ? (
        <>
          {saveButton('Save')}
          <button type="button" disabled={busy || dirty} onClick={() => version && void submit(version)}>
            {state.busy === 'submit' ? 'Submitting…' : 'Submit for approval'}
          </button>
        </>
      ) : null}
      {status === 'submitted' ? (
        <>
          {dirty ? saveButton('Save changes') : null}
          <button type="button" disabled={busy || dirty} onClick={() => setDialog('approve')}>
            Approve…
          </button>
          <button type="button" className="secondary" disabled={busy || dirty} onClick={() => setDialog('return')}>
            Return to draft…
          </button>
        </>
      ) : null}
      {status === 'approved' || status === 'retired' ? (
        <button type="button" disabled={busy} onClick={() => void editAsNewVersion()}>
          {state.busy === 'new-version' ? 'Starting…' : 'Edit as new version'}
        </button>
      ) : null}
      {status === 'approved' ? (
        <button type="button" className="secondary" disabled={busy} onClick={() => setDialog('retire')}>
          Retire…
        </button>
      ) : null}
      {version && dirty ? (
        <button type="button" className="secondary" disabled={busy} onClick={discardChanges}>
          Discard changes
        </button>
      ) : null}
      {hint ? <span className="muted small">{hint}</span> : null}

      {dialog === 'approve' && version ? (
        <ApproveDialog
          version={version}
          busy={state.busy === 'approve'}
          error={state.error}
          onApprove={(approval) => void approve(version, approval).then(after)}
          onCancel={close}
        />
      ) : null}
      {dialog === 'return' && version ? (
        <ReturnDialog
          version={version}
          busy={state.busy === 'return'}
          error={state.error}
          onReturn={(reason) => void returnToDraft(version, reason).then(after)}
          onCancel={close}
        />
      ) : null}
      {dialog === 'retire' && version ? (
        <ConfirmDialog
          title={`Retire version ${version.version}?`}
          confirmLabel="Retire"
          busy={state.busy === 'retire'}
          onConfirm={() => void retire(version).then(after)}
          onCancel={close}
        >
          <p>A retired version stays in the history, locked, and is no longer usable in the matrix.</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
