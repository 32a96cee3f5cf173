// The progress of a multi-step page: "Étape 3 sur 7 : Motif" and the list of steps, the current
// one marked with aria-current="step" and the finished ones said to be done. The booking's steps
// by default (Stepper); the immediate consultation has its own (StepperOf).
import { useI18n } from '../../i18n';
import { fillText } from '../../lib/format';
import { Icon } from '../Icon';

export const STEPS = [
  'account',
  'profile',
  'motif',
  'emergency',
  'estimate',
  'card',
  'done',
] as const;
export type Step = (typeof STEPS)[number];

export function Stepper({ current }: { current: Step }) {
  const { t } = useI18n();
  return <StepperOf steps={STEPS} current={current} labels={t.booking.steps} />;
}

export function StepperOf<S extends string>({
  steps,
  current,
  labels,
}: {
  steps: readonly S[];
  current: S;
  labels: Record<S, string>;
}) {
  const { t } = useI18n();
  const b = t.booking;
  const index = steps.indexOf(current);
  return (
    <div class="stepper">
      <p class="stepper-text">
        {fillText(b.progress, { n: index + 1, total: steps.length, step: labels[current] })}
      </p>
      <ol class="stepper-list" aria-label={b.progressLabel}>
        {steps.map((s, i) => (
          <li
            key={s}
            class={i < index ? 'is-done' : i === index ? 'is-current' : undefined}
            aria-current={i === index ? 'step' : undefined}
          >
            <span class="stepper-dot" aria-hidden="true">
              {i < index ? <Icon name="check" /> : i + 1}
            </span>
            <span class="stepper-label">
              {labels[s]}
              {i < index && <span class="visually-hidden"> {b.stepDone}</span>}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
