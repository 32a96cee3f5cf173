// What every step of the booking page shares: its title, the focus target of the step just
// shown (id "step-title", which the step's fieldset or group is labelled by), and "Retour".
import type { ComponentChildren, RefObject } from 'preact';
import { useI18n } from '../../i18n';
import { Icon } from '../Icon';

export type HeadingRef = { headingRef: RefObject<HTMLHeadingElement | null> };

export function StepTitle({ headingRef, children }: HeadingRef & { children: ComponentChildren }) {
  return (
    <h2 id="step-title" ref={headingRef} tabIndex={-1}>
      {children}
    </h2>
  );
}

export function BackButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button type="button" class="btn btn-quiet" onClick={onClick} data-testid="booking-back">
      <Icon name="chevronLeft" />
      {t.booking.back}
    </button>
  );
}
