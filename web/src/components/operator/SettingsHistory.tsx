// The settings' history (GET /operator/settings/history): who changed what, when, from which
// value to which, newest first; a table with its caption for screen readers.
import { useI18n } from '../../i18n';
import { type HistoryItem, type Kind, describe, kindOf } from '../../lib/operator/settings';

export function SettingsHistory({
  items,
  labelOf,
}: {
  items: HistoryItem[];
  labelOf: (kind: Kind, code: string) => string;
}) {
  const { t, lang } = useI18n();
  const h = t.operatorSettings.history;
  const units = t.operatorSettings.units;
  const when = new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  });
  const value = (item: HistoryItem, v: string | null, isDefault: boolean) => {
    const kind = kindOf(item.key);
    const text = v === null ? '' : describe(kind, v, lang, units, (c) => labelOf(kind, c));
    return isDefault ? `${text} ${h.defaultTag}` : text;
  };
  return (
    <section class="settings-history" aria-labelledby="settings-history-title">
      <h2 id="settings-history-title">{h.title}</h2>
      {items.length === 0 ? (
        <p class="muted">{h.empty}</p>
      ) : (
        // Focusable so that a keyboard can scroll the table sideways on a phone (axe
        // scrollable-region-focusable).
        <div
          class="table-scroll"
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          role="region"
          aria-labelledby="settings-history-title"
        >
          <table class="data-table" data-testid="settings-history">
            <caption class="visually-hidden">{h.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{h.when}</th>
                <th scope="col">{h.setting}</th>
                <th scope="col">{h.before}</th>
                <th scope="col">{h.after}</th>
                <th scope="col">{h.by}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.version}-${item.key}`}>
                  <td>{when.format(new Date(item.at))}</td>
                  <th scope="row">{t.operatorSettings.keys[item.key]?.label ?? item.key}</th>
                  <td>{value(item, item.old_value, item.old_default)}</td>
                  <td>{value(item, item.new_value, item.new_default)}</td>
                  <td class="settings-by">{item.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
