// The area pages (/patient, /praticien, /operateur) show the signed-in version to the
// roles it is for, and their presentation with a sign-in call to action to everyone else.
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';
import { ROUTES } from '../lib/routes';
import { homeForRole } from '../lib/account/session';
import type { Me, Role } from '../lib/account/types';
import { LoadState } from './forms/Feedback';
import { Icon } from './Icon';
import { PageIntro } from './Page';
import { useSession } from './SessionProvider';

export function AreaGate({
  roles,
  title,
  signedIn,
  presentation,
}: {
  roles: Role[];
  title: string;
  signedIn: (me: Me) => ComponentChildren;
  presentation: (cta: ComponentChildren) => ComponentChildren;
}) {
  const { state } = useSession();
  if (state.status === 'loading')
    return (
      <>
        <PageIntro title={title} />
        <div class="container narrow">
          <LoadState loading error={null}>
            {null}
          </LoadState>
        </div>
      </>
    );
  if (state.status === 'signedIn' && roles.includes(state.me.account.role))
    return <>{signedIn(state.me)}</>;
  return (
    <>
      {presentation(
        <SignInCta
          me={state.status === 'signedIn' ? state.me : null}
          signup={
            roles.includes('patient')
              ? ROUTES.signup
              : roles.includes('practitioner')
                ? ROUTES.signupPractitioner
                : null
          }
        />,
      )}
    </>
  );
}

function SignInCta({ me, signup }: { me: Me | null; signup: string | null }) {
  const { t } = useI18n();
  if (me)
    return (
      <p class="area-note">
        <Icon name="user" />
        <span>
          {t.areas.otherRole} <a href={homeForRole(me.account.role)}>{t.auth.toMyArea}</a>
        </span>
      </p>
    );
  return (
    <div class="actions">
      {signup && (
        <a class="btn btn-primary btn-large" href={signup}>
          {signup === ROUTES.signup ? t.areas.signupPatient : t.areas.signupPractitioner}
          <Icon name="arrowRight" />
        </a>
      )}
      <a
        class={signup ? 'btn btn-secondary btn-large' : 'btn btn-primary btn-large'}
        href={ROUTES.login}
      >
        {t.header.login}
      </a>
    </div>
  );
}
