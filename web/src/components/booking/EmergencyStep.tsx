// "Questions d'urgence": a symptom of an emergency stops the booking (EmergencyStop): the 15,
// the 112 and the 114, and no way to book.
import { useI18n } from '../../i18n';
import { EMERGENCY } from '../../lib/booking/booking';
import { ROUTES } from '../../lib/routes';
import { Icon } from '../Icon';
import { PageIntro } from '../Page';
import { BackButton, StepTitle, type HeadingRef } from './StepParts';

export function EmergencyStep({
  headingRef,
  onBack,
  onYes,
  onNo,
}: HeadingRef & { onBack: () => void; onYes: () => void; onNo: () => void }) {
  const { t } = useI18n();
  const s = t.booking.emergency;
  const symptoms = [
    s.symptoms.chest,
    s.symptoms.breathing,
    s.symptoms.pain,
    s.symptoms.fainting,
    s.symptoms.stroke,
  ];
  return (
    <>
      <StepTitle headingRef={headingRef}>{s.title}</StepTitle>
      <p class="muted">{s.lead}</p>
      <ul class="symptom-list">
        {symptoms.map((x) => (
          <li key={x}>
            <Icon name="alert" />
            <span>{x}</span>
          </li>
        ))}
      </ul>
      <div class="emergency-answers" role="group" aria-labelledby="step-title">
        <button
          type="button"
          class="btn btn-secondary btn-large answer-yes"
          onClick={onYes}
          data-testid="emergency-yes"
        >
          {s.yes}
        </button>
        <button
          type="button"
          class="btn btn-secondary btn-large"
          onClick={onNo}
          data-testid="emergency-no"
        >
          {s.no}
        </button>
      </div>
      <div class="step-actions">
        <BackButton onClick={onBack} />
      </div>
    </>
  );
}

/**
 * The emergency screen: the numbers to call, and nothing that leads to a booking (or to the
 * immediate queue, whose page gives its own `title`).
 */
export function EmergencyStop({ headingRef, title }: HeadingRef & { title?: string }) {
  const { t } = useI18n();
  const s = t.booking.emergency;
  return (
    <>
      <PageIntro title={title ?? t.booking.title} compact />
      <div class="container narrow">
        <section class="emergency-stop" aria-labelledby="step-title" data-testid="emergency-stop">
          <Icon name="phone" class="emergency-icon" />
          <StepTitle headingRef={headingRef}>{s.stopTitle}</StepTitle>
          <p class="emergency-body">{s.stopBody}</p>
          <div class="emergency-calls">
            <a class="btn btn-danger btn-large" href={`tel:${EMERGENCY.samu}`}>
              <Icon name="phone" />
              {s.call15}
            </a>
            <a class="btn btn-danger btn-large" href={`tel:${EMERGENCY.europe}`}>
              <Icon name="phone" />
              {s.call112}
            </a>
          </div>
          <p class="emergency-deaf">{s.deaf}</p>
          <a class="btn btn-secondary" href={`sms:${EMERGENCY.sms}`}>
            <Icon name="message" />
            {s.sms114}
          </a>
          <p class="emergency-home">
            <a href={ROUTES.home}>{s.home}</a>
          </p>
        </section>
      </div>
    </>
  );
}
