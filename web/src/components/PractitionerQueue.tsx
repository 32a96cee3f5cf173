// One status of the practitioners' verification queue. Each application shows what the
// operator checks against the RPPS directory (name, RPPS, specialty), the RPPS checks the server
// made (the number's key, the imported extract), and how to reach the practitioner; "Refuser" unfolds a reason field in place (no modal), sent by email.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { formatDateTime } from '../lib/dates';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import type { PractitionerApplication, VerificationStatus } from '../lib/account/types';
import { formatPhone } from '../lib/validate';
import { TextareaField } from './forms/Field';
import { LoadState } from './forms/Feedback';
import { Icon } from './Icon';
import { useLoad } from './useLoad';
import { specialtyLabel, useSpecialties } from './useSpecialties';
import { fetchApplications, rejectPractitioner, verifyPractitioner } from '../lib/operator/api';
import { RppsChecks } from './operator/RppsChecks';

export function PractitionerQueue({
  status,
  onDone,
  version = 0,
}: {
  status: VerificationStatus;
  onDone: (message: string) => void;
  /** Bumped to reload the list (after an RPPS extract import). */
  version?: number;
}) {
  const { t, lang } = useI18n();
  const o = t.operatorHome;
  const list = useLoad((signal) => fetchApplications(status, signal), [status, version]);
  const specialties = useSpecialties(lang);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ id: string; text: string } | null>(null);
  const specialtyName = (id: string) => specialtyLabel(specialties.data, id);

  async function act(p: PractitionerApplication, action: 'verify' | 'reject') {
    if (busy) return;
    if (action === 'reject' && !reason.trim()) {
      setError({ id: p.id, text: o.reasonRequired });
      return;
    }
    setBusy(p.id);
    setError(null);
    try {
      await (action === 'verify'
        ? verifyPractitioner(p.id)
        : rejectPractitioner(p.id, reason.trim()));
      list.setData((l) => l?.filter((x) => x.id !== p.id));
      setRejecting(null);
      setReason('');
      onDone(
        fillText(action === 'verify' ? o.verified : o.rejected, {
          name: `${p.first_name} ${p.last_name}`,
        }),
      );
    } catch (e) {
      setError({ id: p.id, text: errorText(e, t.errors) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <LoadState loading={list.loading} error={list.error} onRetry={list.reload} lines={4}>
      {list.data?.length === 0 ? (
        <p class="empty-note">{o.empty[status]}</p>
      ) : (
        <ul class="queue">
          {(list.data ?? []).map((p) => {
            const name = `${p.first_name} ${p.last_name}`;
            return (
              <li key={p.id} class="card queue-item">
                <div class="queue-head">
                  <h3 id={`app-${p.id}`}>{name}</h3>
                  <p class="muted small">
                    {fillText(o.applied, { when: formatDateTime(p.created_at, lang) })}
                  </p>
                </div>
                <dl class="facts facts-inline">
                  <div>
                    <dt>{t.fields.rpps}</dt>
                    <dd translate={false}>{p.rpps}</dd>
                  </div>
                  <div>
                    <dt>{t.fields.specialty}</dt>
                    <dd>{specialtyName(p.specialty)}</dd>
                  </div>
                  <div>
                    <dt>{t.fields.email}</dt>
                    <dd>{p.email}</dd>
                  </div>
                  <div>
                    <dt>{t.fields.phone}</dt>
                    <dd>{formatPhone(p.phone)}</dd>
                  </div>
                </dl>
                {p.rpps_checks && <RppsChecks checks={p.rpps_checks} />}
                {error?.id === p.id && (
                  <p class="field-error" role="alert">
                    <Icon name="alert" />
                    <span>{error.text}</span>
                  </p>
                )}
                {status === 'pending' && rejecting !== p.id && (
                  <div class="card-actions">
                    <button
                      type="button"
                      class="btn btn-secondary btn-verify"
                      onClick={() => void act(p, 'verify')}
                    >
                      <Icon name="check" />
                      {busy === p.id ? t.form.sending : o.verify}
                      <span class="visually-hidden"> — {name}</span>
                    </button>
                    <button
                      type="button"
                      class="btn btn-quiet"
                      onClick={() => (setRejecting(p.id), setReason(''), setError(null))}
                    >
                      {o.reject}
                      <span class="visually-hidden"> — {name}</span>
                    </button>
                  </div>
                )}
                {status === 'pending' && rejecting === p.id && (
                  <form
                    class="reject-form"
                    noValidate
                    onSubmit={(e) => (e.preventDefault(), void act(p, 'reject'))}
                  >
                    <TextareaField
                      id={`reason-${p.id}`}
                      label={fillText(o.reasonLabel, { name })}
                      hint={o.reasonHint}
                      value={reason}
                      onValue={setReason}
                      rows={3}
                    />
                    <div class="card-actions">
                      <button type="submit" class="btn btn-danger">
                        {busy === p.id ? t.form.sending : o.confirmReject}
                      </button>
                      <button
                        type="button"
                        class="btn btn-quiet"
                        onClick={() => setRejecting(null)}
                      >
                        {t.form.cancel}
                      </button>
                    </div>
                  </form>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </LoadState>
  );
}
