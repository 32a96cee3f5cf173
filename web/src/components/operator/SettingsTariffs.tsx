// The tariffs and reimbursement figures (GET /operator/settings/tariffs), read-only: each with
// the day it applies from and its official source. They change with a release, never here.
import { useI18n } from '../../i18n';
import { formatAmount } from '../../lib/booking/payment';
import { fillText } from '../../lib/format';
import type { Figure, TariffFile } from '../../lib/operator/settings';

export function SettingsTariffs({ files }: { files: TariffFile[] }) {
  const { t, lang } = useI18n();
  const r = t.operatorSettings.tariffs;
  const day = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
  const amount = (f: Figure) => {
    const cents = f.cents ?? f.session_cents ?? f.annual_cap_cents;
    if (cents !== undefined) return formatAmount(cents, lang);
    if (f.percent !== undefined) return fillText(r.percent, { n: f.percent });
    if (f.sessions_per_year !== undefined) return fillText(r.sessions, { n: f.sessions_per_year });
    return r.noDate;
  };
  return (
    <section class="settings-tariffs" aria-labelledby="settings-tariffs-title">
      <h2 id="settings-tariffs-title">{r.title}</h2>
      <p class="muted">{r.lead}</p>
      {files.map((file) => (
        // Focusable so that a keyboard can scroll the table sideways on a phone (axe
        // scrollable-region-focusable).
        <div
          key={file.file}
          class="table-scroll"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-label={fillText(r.caption, { file: file.file })}
        >
          <table class="data-table tariffs-table" data-testid="settings-tariffs">
            <caption>{fillText(r.caption, { file: file.file })}</caption>
            <thead>
              <tr>
                <th scope="col">{r.item}</th>
                <th scope="col">{r.amount}</th>
                <th scope="col">{r.since}</th>
                <th scope="col">{r.source}</th>
              </tr>
            </thead>
            <tbody>
              {file.figures.map((f, i) => (
                <tr key={`${f.item}-${i}`}>
                  <th scope="row">{f.item || file.file}</th>
                  <td class="num price">{amount(f)}</td>
                  <td>
                    {f.valid_from ? day.format(new Date(`${f.valid_from}T00:00:00Z`)) : r.noDate}
                  </td>
                  <td class="tariff-source">
                    {f.to_verify && <span class="tag tag-warning">{r.toVerify}</span>} {f.source}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
