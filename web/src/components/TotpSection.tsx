// Authenticator app (TOTP) for practitioners and assistants: POST /me/totp gives a secret and
// a QR code (SVG text, shown through an <img> data: URL so that no server markup is ever
// injected into the page: CSP-safe), then a first code confirms it. Turning it off asks for a
// current code too.
import { useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { Me, TotpSetup } from '../lib/account/types';
import { cleanCode } from '../lib/validate';
import { TextField } from './forms/Field';
import { ErrorSummary, StatusMessage, SubmitButton } from './forms/Feedback';
import { useForm } from './forms/useForm';
import { useSession } from './SessionProvider';
import { confirmTotp, disableTotp, fetchMe, startTotp } from '../lib/account/api';

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", easier to copy by hand. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

export function TotpSection({ me }: { me: Me }) {
  const { t } = useI18n();
  const s = t.totp;
  const { session } = useSession();
  const form = useForm('totp-');
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [code, setCode] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const enabled = me.account.totp_enabled;

  const checkCode = () => ({
    code: cleanCode(code).length === 6 ? undefined : t.checks.codeFormat,
  });

  async function start() {
    setStatus(null);
    await form.submit(
      () => ({}),
      async () => setSetup(await startTotp()),
    );
  }

  async function confirm() {
    await confirmTotp(cleanCode(code));
    setSetup(null);
    setCode('');
    session.setMe(await fetchMe());
    setStatus(s.enabled);
  }

  async function disable() {
    await disableTotp(cleanCode(code));
    setCode('');
    session.setMe(await fetchMe());
    setStatus(s.disabled);
  }

  const codeField = (
    <TextField
      id={form.id('code')}
      label={s.codeLabel}
      value={code}
      onValue={(value) => setCode(value.replace(/[^\d ]/g, '').slice(0, 7))}
      error={form.errors.code}
      inputMode="numeric"
      autoComplete="one-time-code"
      class="input-code"
    />
  );

  return (
    <section class="card panel" aria-labelledby="totp-title">
      <h2 id="totp-title">{s.title}</h2>
      <p>
        <span class={enabled ? 'badge badge-success' : 'badge badge-neutral'}>
          {enabled ? s.on : s.off}
        </span>
      </p>
      <p class="muted">{s.lead}</p>
      <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
      {!enabled && !setup && (
        <button type="button" class="btn btn-secondary" onClick={() => void start()}>
          {form.busy ? t.form.sending : s.start}
        </button>
      )}
      {!enabled && setup && (
        <form
          noValidate
          onSubmit={(e) => (e.preventDefault(), void form.submit(checkCode, confirm))}
        >
          <ol class="plain-steps">
            <li>{s.step1}</li>
            <li>
              {s.step2}
              <div class="totp-setup">
                <img
                  class="totp-qr"
                  src={svgDataUrl(setup.qr_svg)}
                  alt={s.qrAlt}
                  width={200}
                  height={200}
                />
                <div>
                  <p class="field-label">{s.secretLabel}</p>
                  <p class="secret" translate={false}>
                    {groupSecret(setup.secret)}
                  </p>
                </div>
              </div>
            </li>
            <li>{s.step3}</li>
          </ol>
          {codeField}
          <div class="card-actions">
            <SubmitButton busy={form.busy} variant="secondary">
              {s.confirm}
            </SubmitButton>
            <button
              type="button"
              class="btn btn-quiet"
              onClick={() => (setSetup(null), form.clear())}
            >
              {t.form.cancel}
            </button>
          </div>
        </form>
      )}
      {enabled && (
        <form
          noValidate
          onSubmit={(e) => (e.preventDefault(), void form.submit(checkCode, disable))}
        >
          <p>{s.disableLead}</p>
          {codeField}
          <SubmitButton busy={form.busy} variant="secondary">
            {s.disable}
          </SubmitButton>
        </form>
      )}
      <StatusMessage message={status} />
    </section>
  );
}
