// /compte/avantages — "Mes avantages" (docs/operator.md "Insurers' activation codes"): enter an
// insurer's activation code for a profile, and see what is left of each cover this year.
import { useState } from 'preact/hooks';
import { AccountLayout } from '../components/AccountLayout';
import { ErrorSummary, LoadState, StatusMessage, SubmitButton } from '../components/forms/Feedback';
import { SelectField, TextField } from '../components/forms/Field';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import type { Me } from '../lib/account/types';
import { fetchBenefits, redeemCode } from '../lib/operator/partners';

export function BenefitsPage() {
  const { t } = useI18n();
  return (
    <AccountLayout title={t.benefits.title} lead={t.benefits.lead} roles={['patient']}>
      {(me) => <Benefits me={me} />}
    </AccountLayout>
  );
}

function Benefits({ me }: { me: Me }) {
  const { t } = useI18n();
  const b = t.benefits;
  const list = useLoad((signal) => fetchBenefits(signal), []);
  const [code, setCode] = useState('');
  const [profile, setProfile] = useState(me.profiles[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const name = (id: string | null) => {
    const p = me.profiles.find((x) => x.id === id);
    return p ? `${p.first_name} ${p.last_name}` : '';
  };

  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const r = await redeemCode(code, profile);
      setStatus(fillText(b.activated, r));
      setCode('');
      list.reload();
    } catch (ex) {
      setError(errorText(ex, t.errors));
      setAttempt((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div class="stack">
      <form class="card" onSubmit={submit} noValidate>
        <ErrorSummary message={error} attempt={attempt} />
        <TextField
          id="benefit-code"
          label={b.code}
          hint={b.codeHint}
          value={code}
          onValue={setCode}
          autoComplete="off"
          autoCapitalize="characters"
          spellcheck={false}
          maxLength={20}
          required
        />
        <SelectField
          id="benefit-profile"
          label={b.profile}
          value={profile}
          onValue={setProfile}
          options={me.profiles.map((p) => ({
            value: p.id,
            label: `${p.first_name} ${p.last_name}`,
          }))}
        />
        <SubmitButton busy={busy} testId="redeem-code">
          {b.submit}
        </SubmitButton>
        <StatusMessage message={status} />
      </form>
      <section class="card" aria-labelledby="benefits-title">
        <h2 id="benefits-title" class="section-title">
          {b.listTitle}
        </h2>
        <LoadState loading={list.loading && !list.data} error={list.error} onRetry={list.reload}>
          {list.data && list.data.benefits.length === 0 ? (
            <p>{b.empty}</p>
          ) : (
            <ul class="plain-list benefit-list" data-testid="benefits">
              {(list.data?.benefits ?? []).map((x, i) => (
                <li key={i}>
                  <strong>{x.partner}</strong>
                  <span>
                    {x.scope === 'family'
                      ? b.forFamily
                      : fillText(b.forProfile, { name: name(x.profile_id) })}
                  </span>
                  <span data-testid="benefit-remaining">
                    {fillText(b.remaining, {
                      remaining: x.remaining,
                      per_year: x.per_year,
                      year: x.year,
                    })}
                  </span>
                  <span>{fillText(b.covered, { percent: x.covered_percent })}</span>
                </li>
              ))}
            </ul>
          )}
        </LoadState>
      </section>
    </div>
  );
}
