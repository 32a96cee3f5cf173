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
import { isCancelled, passkeysSupported, signInWithPasskey } from '../lib/account/passkeys';
import { needsStrongFactor } from '../components/PasskeysSection';

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

  // Signed in (just now, or already when arriving here): off to where the user was going —
  // unless the strong-factor policy asks this account for a passkey first (docs/security.md).
  useEffect(() => {
    if (state.status !== 'signedIn') return;
    if (needsStrongFactor(state.me)) route(ROUTES.security, true);
    else route(back ?? homeForRole(state.me.account.role), true);
  }, [state, back, route]);

  const passkeyForm = useForm('passkey-');
  const [passkeyNote, setPasskeyNote] = useState<string | null>(null);
  async function withPasskey() {
    setPasskeyNote(null);
    try {
      session.setMe(await signInWithPasskey());
    } catch (e) {
      if (isCancelled(e)) setPasskeyNote(t.passkeys.signInCancelled);
      else throw e;
    }
  }

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
      {passkeysSupported() && (
        <form
          class="passkey-login"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void passkeyForm.submit(() => ({}), withPasskey);
          }}
        >
          <p class="divider-or">
            <span>{t.passkeys.or}</span>
          </p>
          <ErrorSummary
            message={passkeyForm.summary ?? passkeyNote}
            fields={passkeyForm.fieldErrors}
            attempt={passkeyForm.attempt}
          />
          <SubmitButton
            busy={passkeyForm.busy}
            busyLabel={t.passkeys.signingIn}
            variant="secondary"
            large
          >
            <Icon name="lock" />
            {t.passkeys.signIn}
          </SubmitButton>
          <p class="muted small">{t.passkeys.signInLead}</p>
        </form>
      )}
    </FormPage>
  );
}
