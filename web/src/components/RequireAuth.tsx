// Guards a signed-in-only page: while GET /me is pending, a skeleton; signed out, off to
// /connexion?retour=<this page>; a role that has no business here, an explanation.
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n';
import { errorText } from '../lib/errors';
import { homeForRole, loginUrl } from '../lib/account/session';
import type { Me, Role } from '../lib/account/types';
import { LoadState } from './forms/Feedback';
import { PageIntro } from './Page';
import { useSession } from './SessionProvider';

export function RequireAuth({
  roles,
  title,
  children,
}: {
  roles?: Role[];
  title: string;
  children: (me: Me) => ComponentChildren;
}) {
  const { t } = useI18n();
  const { state, session } = useSession();
  const { route, url } = useLocation();
  const wasSignedIn = useRef(false);
  if (state.status === 'signedIn') wasSignedIn.current = true;

  useEffect(() => {
    // A session that ends while the page is open is handled by SessionWatcher (and a
    // logout by the header); here only "this page was opened signed out".
    if (state.status === 'signedOut' && !wasSignedIn.current && state.reason !== 'logout')
      route(loginUrl(url, state.reason), true);
  }, [state, route, url]);

  if (state.status === 'signedIn') {
    if (roles && !roles.includes(state.me.account.role))
      return (
        <PageIntro title={title} lead={t.auth.wrongRole}>
          <div class="actions">
            <a class="btn btn-primary" href={homeForRole(state.me.account.role)}>
              {t.auth.toMyArea}
            </a>
          </div>
        </PageIntro>
      );
    return <>{children(state.me)}</>;
  }
  return (
    <>
      <PageIntro title={title} />
      <div class="container narrow">
        <LoadState
          loading={state.status === 'loading' || state.status === 'signedOut'}
          error={state.status === 'error' ? errorText(state.error, t.errors) : null}
          onRetry={() => void session.refresh()}
        >
          {null}
        </LoadState>
      </div>
    </>
  );
}
