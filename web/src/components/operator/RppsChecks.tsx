// The RPPS checks of one practitioner of the verification queue (docs/operator.md "Accounts"):
// the number's key, and, once the operator imported the extract, whether the number is there
// and the name, profession and specialty match. Each line says it in words and with an icon.
import { useI18n } from '../../i18n';
import { fillText } from '../../lib/format';
import type { RppsChecks as Checks } from '../../lib/operator/accounts';
import { Icon } from '../Icon';

export function RppsChecks({ checks }: { checks: Checks }) {
  const { t } = useI18n();
  const r = t.rppsChecks;
  const lines: Array<[string, boolean | null]> = [[r.luhn, checks.luhn_ok]];
  if (checks.extract_imported) {
    lines.push([r.inExtract, checks.in_extract]);
    lines.push([r.name, checks.name_matches]);
    lines.push([r.specialty, checks.specialty_matches]);
  }
  const e = checks.extract;
  return (
    <div class="rpps-block">
      <h4 class="small">{r.title}</h4>
      <ul class="rpps-checks" data-testid="rpps-checks">
        {lines.map(([label, ok]) => (
          <li
            key={label}
            class={ok === null ? 'rpps-unknown' : ok ? 'rpps-ok' : 'rpps-ko'}
            data-check={ok === null ? 'unknown' : ok ? 'ok' : 'ko'}
          >
            <Icon name={ok === null ? 'clock' : ok ? 'check' : 'alert'} />
            <span>
              {label} : {ok === null ? r.unknown : ok ? r.ok : r.ko}
            </span>
          </li>
        ))}
      </ul>
      {!checks.extract_imported && <p class="muted small">{r.noExtract}</p>}
      {e && (
        <p class="muted small">
          {fillText(r.registered, {
            name: `${e.first_name} ${e.last_name}`,
            profession: e.profession,
            specialties: e.specialties ? ` — ${e.specialties}` : '',
          })}
        </p>
      )}
    </div>
  );
}
