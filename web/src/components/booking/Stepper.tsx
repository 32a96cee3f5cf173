// The booking's progress: "Étape 3 sur 7 : Motif" and the list of steps, the current one
// marked with aria-current="step" and the finished ones said to be done.
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
  const b = t.booking;
  const index = STEPS.indexOf(current);
  return (
    <div class="stepper">
      <p class="stepper-text">
        {fillText(b.progress, { n: index + 1, total: STEPS.length, step: b.steps[current] })}
      </p>
      <ol class="stepper-list" aria-label={b.progressLabel}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            class={i < index ? 'is-done' : i === index ? 'is-current' : undefined}
            aria-current={i === index ? 'step' : undefined}
          >
            <span class="stepper-dot" aria-hidden="true">
              {i < index ? <Icon name="check" /> : i + 1}
            </span>
            <span class="stepper-label">
              {b.steps[s]}
              {i < index && <span class="visually-hidden"> {b.stepDone}</span>}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}
