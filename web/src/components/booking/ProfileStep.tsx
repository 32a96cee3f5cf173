// "Pour qui ?": the account's profiles (the holder and their relatives) as large radio cards,
// and the way to add a relative.
import { useI18n } from '../../i18n';
import { ROUTES } from '../../lib/routes';
import { fullName } from '../../lib/account/session';
import type { Me } from '../../lib/account/types';
import { Icon } from '../Icon';
import { StepTitle, type HeadingRef } from './StepParts';

export function ProfileStep({
  headingRef,
  me,
  value,
  onChange,
  onNext,
  hint,
  addRelativeNote,
}: HeadingRef & {
  me: Me;
  value: string;
  onChange: (id: string) => void;
  onNext: () => void;
  /** What the choice decides, and what a relative's addition keeps: the booking's by default. */
  hint?: string;
  addRelativeNote?: string;
}) {
  const { t } = useI18n();
  const s = t.booking.profile;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (value) onNext();
      }}
    >
      <StepTitle headingRef={headingRef}>{s.title}</StepTitle>
      <fieldset class="choice-group" aria-labelledby="step-title" aria-describedby="profile-hint">
        <p id="profile-hint" class="muted">
          {hint ?? s.hint}
        </p>
        <ul class="choice-list">
          {me.profiles.map((pr) => (
            <li key={pr.id}>
              <label class="choice" for={`profile-${pr.id}`}>
                <input
                  id={`profile-${pr.id}`}
                  type="radio"
                  name="profile"
                  value={pr.id}
                  checked={value === pr.id}
                  onChange={() => onChange(pr.id)}
                  data-testid={`profile-${pr.id}`}
                />
                <span class="choice-text">
                  <span class="choice-title">{fullName(pr)}</span>
                  <span class="choice-detail">
                    {pr.is_holder ? t.profiles.you : t.profiles.relationship[pr.relationship]}
                  </span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <p class="step-aside">
        <a class="link-arrow" href={ROUTES.relatives}>
          <Icon name="plus" />
          {s.addRelative}
        </a>
        <span class="muted small"> {addRelativeNote ?? s.addRelativeNote}</span>
      </p>
      <div class="step-actions">
        <button type="submit" class="btn btn-primary btn-large" data-testid="booking-continue">
          {t.booking.continue}
        </button>
      </div>
    </form>
  );
}
