// The first step: signed out, sign in (back here through ?retour=) or sign up (the booking is
// kept in localStorage and offered back on the patient's home); signed in with another role,
// the way to one's own area, since only patients book.
import { useI18n } from '../../i18n';
import { savePendingBooking } from '../../lib/booking/pendingBooking';
import type { PublicProfile } from '../../lib/directory/directory';
import { ROUTES } from '../../lib/routes';
import { homeForRole, loginUrl } from '../../lib/account/session';
import type { Me } from '../../lib/account/types';
import { LoadState } from '../forms/Feedback';
import { Icon } from '../Icon';
import { useSession } from '../SessionProvider';
import { StepTitle, type HeadingRef } from './StepParts';

export function AccountStep({
  headingRef,
  returnTo,
  p,
  start,
}: HeadingRef & { returnTo: string; p: PublicProfile; start: string }) {
  const { t } = useI18n();
  const s = t.booking.account;
  const { state } = useSession();
  if (state.status === 'loading')
    return (
      <LoadState loading error={null}>
        {null}
      </LoadState>
    );
  return (
    <>
      <StepTitle headingRef={headingRef}>{s.title}</StepTitle>
      <p>{s.body}</p>
      <div class="step-actions">
        <a class="btn btn-primary btn-large" href={loginUrl(returnTo)} data-testid="booking-login">
          {s.login}
          <Icon name="arrowRight" />
        </a>
      </div>
      <p class="step-aside">
        {s.noAccount}{' '}
        <a
          href={ROUTES.signup}
          onClick={() =>
            savePendingBooking({
              path: returnTo,
              practitionerName: p.name,
              start,
              savedAt: Date.now(),
            })
          }
          data-testid="booking-signup"
        >
          {s.signup}
        </a>
      </p>
      <p class="muted small">{s.signupNote}</p>
    </>
  );
}

export function WrongRole({ headingRef, me }: HeadingRef & { me: Me }) {
  const { t } = useI18n();
  const s = t.booking.account;
  return (
    <>
      <StepTitle headingRef={headingRef}>{t.booking.steps.account}</StepTitle>
      <p>{s.wrongRole}</p>
      <a class="btn btn-primary" href={homeForRole(me.account.role)}>
        {s.toMyArea}
      </a>
    </>
  );
}
