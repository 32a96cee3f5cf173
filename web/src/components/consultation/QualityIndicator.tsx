// "Connexion : bonne / moyenne / faible", with three bars, from the call's stats (every 2 s).
// Only a weak level is announced: the numbers change at every sample and would be read aloud
// over and over.
import { useI18n } from '../../i18n';
import type { Quality, QualityLevel } from '../../lib/consultation/callQuality';
import { fillText } from '../../lib/format';

const BARS: Record<QualityLevel, number> = { bonne: 3, moyenne: 2, faible: 1 };

export function QualityIndicator({
  level,
  quality,
}: {
  level: QualityLevel | null;
  quality: Quality | null;
}) {
  const { t } = useI18n();
  const q = t.call.quality;
  const filled = level ? BARS[level] : 0;
  return (
    <div
      class={`call-quality level-${level ?? 'inconnue'}`}
      data-testid="call-quality"
      data-level={level ?? 'inconnue'}
    >
      <span class="quality-bars" aria-hidden="true">
        {[1, 2, 3].map((n) => (
          <span key={n} class={n <= filled ? 'bar is-on' : 'bar'} />
        ))}
      </span>
      <span>{fillText(q.label, { level: level ? q[level] : q.unknown })}</span>
      {/* Read aloud only when it turns weak: a level going up and down every few seconds
          would talk over the consultation. */}
      <span class="visually-hidden" role="status">
        {level === 'faible' ? fillText(q.label, { level: q.faible }) : ''}
      </span>
      {quality && quality.rttMs !== null && (
        <span class="quality-details">
          {fillText(q.details, { rtt: quality.rttMs, loss: quality.lossPct ?? 0 })}
        </span>
      )}
    </div>
  );
}
