// /compte/donnees — the RGPD rights in two actions: download my data (GET /me/export, saved
// as a JSON file, or GET /me/export.zip with the files themselves and a summary page) and delete my account (DELETE /me with the password, after a clear warning
// about what is erased and what the law makes us keep).
import { useLocation } from 'preact-iso';
import { useState } from 'preact/hooks';
import { AccountLayout } from '../components/AccountLayout';
import { CheckboxField } from '../components/forms/Field';
import { ErrorSummary, StatusMessage, SubmitButton } from '../components/forms/Feedback';
import { PasswordField } from '../components/forms/PasswordField';
import { useForm } from '../components/forms/useForm';
import { Icon } from '../components/Icon';
import { usePageTitle } from '../components/Page';
import { useSession } from '../components/SessionProvider';
import { useI18n } from '../i18n';
import { errorText } from '../lib/errors';
import { ROUTES } from '../lib/routes';
import type { Me } from '../lib/account/types';
import { deleteAccount, EXPORT_ZIP_URL, fetchExport } from '../lib/account/api';

export function MyDataPage() {
  const { t } = useI18n();
  return (
    <AccountLayout title={t.myData.title} lead={t.myData.lead}>
      {(me) => (
        <>
          <Export />
          <DeleteAccount me={me} />
        </>
      )}
    </AccountLayout>
  );
}

function Export() {
  const { t } = useI18n();
  const d = t.myData;
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const data = await fetchExport();
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `cabinet-mes-donnees-${new Date().toISOString().slice(0, 10)}.json`;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus(d.exported);
    } catch (e) {
      setError(errorText(e, t.errors));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="card panel" aria-labelledby="export-title">
      <h2 id="export-title">{d.exportTitle}</h2>
      <p>{d.exportLead}</p>
      <button
        type="button"
        class="btn btn-secondary"
        aria-disabled={busy ? true : undefined}
        onClick={() => void download()}
      >
        <Icon name="download" />
        {busy ? d.exporting : d.export}
      </button>{' '}
      {/* A plain link: the browser streams the archive to disk with its own progress. */}
      <a class="btn btn-secondary" href={EXPORT_ZIP_URL} download>
        <Icon name="download" />
        {d.exportZip}
      </a>
      {error && (
        <p class="field-error" role="alert">
          {error}
        </p>
      )}
      <StatusMessage message={status} />
    </section>
  );
}

function DeleteAccount({ me }: { me: Me }) {
  const { t } = useI18n();
  const d = t.myData;
  const { session } = useSession();
  const { route } = useLocation();
  const form = useForm('del-');
  const [password, setPassword] = useState('');
  const [understood, setUnderstood] = useState(false);
  const patient = me.account.role === 'patient';

  async function erase() {
    await deleteAccount(password);
    session.signedOut('logout');
    route(ROUTES.accountDeleted);
  }

  return (
    <section class="card panel panel-danger" aria-labelledby="delete-title">
      <h2 id="delete-title">{d.deleteTitle}</h2>
      <div class="notice notice-danger">
        <Icon name="alert" />
        <div>
          <p class="notice-title">{d.warningTitle}</p>
          <ul>
            <li>{patient ? d.erasedPatient : d.erasedStaff}</li>
            <li>{d.kept}</li>
            <li>{d.noUndo}</li>
          </ul>
        </div>
      </div>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(
            () => ({
              password: password ? undefined : t.checks.passwordRequired,
              understood: understood ? undefined : d.mustConfirm,
            }),
            erase,
          );
        }}
      >
        <ErrorSummary message={form.summary} fields={form.fieldErrors} attempt={form.attempt} />
        <PasswordField
          id={form.id('password')}
          label={d.passwordLabel}
          value={password}
          onValue={setPassword}
          error={form.errors.password}
        />
        <CheckboxField
          id={form.id('understood')}
          label={d.understood}
          checked={understood}
          onChecked={setUnderstood}
          error={form.errors.understood}
        />
        <SubmitButton busy={form.busy} variant="danger">
          {d.deleteSubmit}
        </SubmitButton>
      </form>
    </section>
  );
}

export function AccountDeletedPage() {
  const { t } = useI18n();
  usePageTitle(t.myData.deletedTitle);
  return (
    <div class="form-page">
      <div class="container form-column">
        <h1 tabIndex={-1}>{t.myData.deletedTitle}</h1>
        <p class="lead">{t.myData.deletedBody}</p>
        <a class="btn btn-primary" href={ROUTES.home}>
          {t.notFound.home}
        </a>
      </div>
    </div>
  );
}
