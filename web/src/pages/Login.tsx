// /connexion — email and password, then the "code de sécurité" (CodeStep), then the right
// area for the role, or back to the page that asked for a sign-in (?retour=). Explains why
// when the user was sent here by an expired session (?raison=session|deconnecte).
import { useLocation } from 'preact-iso';
import { useEffect, useRef, useState } from 'preact/hooks';
import { CodeStep } from '../components/CodeStep';
import { TextField } from '../components/forms/Field';
import { ErrorSummary, SubmitButton } from '../components/forms/Feedback';
import { PasswordField } from '../components/forms/PasswordField';
import { useForm } from '../components/forms/useForm';
import { FormPage } from '../components/FormPage';
import { Icon } from '../components/Icon';
import { useSession } from '../components/SessionProvider';
import { useFocusOnChange } from '../components/useFocus';
import { useI18n } from '../i18n';
import { checkEmail } from '../lib/account/checks';
import { ROUTES } from '../lib/routes';
import { homeForRole, safeReturnPath } from '../lib/account/session';
import type { LoginChallenge } from '../lib/account/types';
import { logIn } from '../lib/account/api';

export function LoginPage() {
  const { t } = useI18n();
  const l = t.login;
  const { query, route } = useLocation();
  const { state, session } = useSession();
  const form = useForm();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [challenge, setChallenge] = useState<LoginChallenge | null>(null);
  const [restartNote, setRestartNote] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, challenge);

  const back = safeReturnPath(query.retour);
  const reason =
    query.raison === 'session' ? l.expired : query.raison === 'deconnecte' ? l.revoked : null;

  // Signed in (just now, or already when arriving here): off to where the user was going.
  useEffect(() => {
    if (state.status === 'signedIn') route(back ?? homeForRole(state.me.account.role), true);
  }, [state, back, route]);

  async function login() {
    setRestartNote(null);
    const c = await logIn(email.trim(), password);
    setPassword('');
    setChallenge(c);
  }

  if (challenge)
    return (
      <FormPage
        title={challenge.method === 'totp' ? l.totpTitle : l.codeTitle}
        headingRef={heading}
      >
        <CodeStep
          challenge={challenge}
          email={email.trim()}
          onSignedIn={(me) => session.setMe(me)}
          onRestart={(message) => {
            setChallenge(null);
            setRestartNote(message ?? null);
          }}
        />
      </FormPage>
    );

  return (
    <FormPage
      title={l.title}
      lead={l.lead}
      headingRef={heading}
      aside={
        <p>
          {l.noAccount} <a href={ROUTES.signup}>{l.signup}</a>
        </p>
      }
    >
      {reason && !form.summary && (
        <div class="notice notice-info" role="status">
          <Icon name="clock" />
          <div>
            <p class="notice-title">{reason.title}</p>
            <p>{reason.body}</p>
          </div>
        </div>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void form.submit(
            () => ({
              email: checkEmail(email, t.checks),
              password: password ? undefined : t.checks.passwordRequired,
            }),
            login,
          );
        }}
      >
        <ErrorSummary
          message={form.summary ?? restartNote}
          fields={form.fieldErrors}
          attempt={form.attempt}
        />
        <TextField
          id="email"
          label={t.fields.email}
          type="email"
          value={email}
          onValue={setEmail}
          error={form.errors.email}
          autoComplete="username"
          spellcheck={false}
          autoCapitalize="off"
        />
        <PasswordField
          id="password"
          label={t.fields.password}
          value={password}
          onValue={setPassword}
          error={form.errors.password}
        />
        <p class="field-aside">
          <a href={ROUTES.forgotPassword}>{l.forgot}</a>
        </p>
        <SubmitButton busy={form.busy} busyLabel={l.submitting} large>
          {l.submit}
        </SubmitButton>
        <p class="muted small">{l.codeNotice}</p>
      </form>
    </FormPage>
  );
}
