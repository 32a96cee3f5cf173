// Suspend or reactivate one account: a dialog over the search results asking the reason, which
// is emailed to the person. Escape or "Annuler" closes it; focus goes back to the button that
// opened it (the browser does so for a modal <dialog>).
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { errorText } from '../../lib/errors';
import { fillText } from '../../lib/format';
import {
  reactivateAccount,
  suspendAccount,
  type OperatorAccount,
} from '../../lib/operator/accounts';
import { TextareaField } from '../forms/Field';
import { SubmitButton } from '../forms/Feedback';
import { Icon } from '../Icon';

export type AccountAction = 'suspend' | 'reactivate';

export function AccountDialog({
  account,
  action,
  onClose,
  onDone,
}: {
  account: OperatorAccount;
  action: AccountAction;
  onClose: () => void;
  onDone: (updated: OperatorAccount) => void;
}) {
  const { t } = useI18n();
  const d = t.operatorAccounts.dialog;
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = `${account.first_name} ${account.last_name}`.trim() || account.email;
  const suspend = action === 'suspend';

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setError(null);
    if (reason.trim().length < 3) {
      setFieldError(d.reasonRequired);
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    try {
      const updated = await (suspend
        ? suspendAccount(account.id, reason.trim())
        : reactivateAccount(account.id, reason.trim()));
      onDone(updated);
    } catch (err) {
      setError(errorText(err, t.errors));
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      class="dialog account-dialog"
      aria-labelledby="account-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-testid="account-dialog"
    >
      <div class="dialog-head">
        <h2 id="account-dialog-title">
          {fillText(suspend ? d.suspendTitle : d.reactivateTitle, { name })}
        </h2>
        <button type="button" class="btn btn-quiet btn-icon" onClick={onClose}>
          <Icon name="close" />
          <span class="visually-hidden">{d.cancel}</span>
        </button>
      </div>
      <p>{suspend ? d.suspendLead : d.reactivateLead}</p>
      {suspend && account.role === 'practitioner' && <p>{d.practitionerLead}</p>}
      {error && (
        <p class="notice notice-danger" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextareaField
          id="account-reason"
          label={d.reason}
          hint={d.reasonHint}
          error={fieldError}
          value={reason}
          onValue={(v) => (setReason(v), setFieldError(undefined))}
          rows={3}
          maxLength={500}
        />
        <div class="card-actions">
          <SubmitButton
            busy={busy}
            busyLabel={d.sending}
            variant={suspend ? 'danger' : 'primary'}
            testId="account-dialog-confirm"
          >
            {suspend ? d.confirmSuspend : d.confirmReactivate}
          </SubmitButton>
          <button type="button" class="btn btn-quiet" onClick={onClose}>
            {d.cancel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
