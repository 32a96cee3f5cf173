// The agenda's upcoming changes (blocked times, absences, extra openings), each with "Supprimer".
import { LoadState } from '../forms/Feedback';
import type { Loaded } from '../useLoad';
import { useI18n } from '../../i18n';
import type { AgendaException } from '../../lib/directory/directory';
import { exceptionText } from './agendaText';
import { RemoveException } from './RemoveException';

export function UpcomingPanel({
  list,
  onRemove,
}: {
  list: Loaded<AgendaException[]>;
  onRemove: (x: AgendaException) => void;
}) {
  const { t, lang } = useI18n();
  const a = t.agenda;
  const items = (list.data ?? []).slice().sort((x, y) => x.start.localeCompare(y.start));
  return (
    <section class="card panel side-panel" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">{a.upcomingTitle}</h2>
      <LoadState
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={list.reload}
        lines={2}
      >
        {items.length === 0 ? (
          <p class="empty-note">{a.upcomingEmpty}</p>
        ) : (
          <ul class="plain-list upcoming-list">
            {items.map((x) => (
              <li key={x.id} class="list-row">
                <div class="list-row-main">
                  <p class="list-row-title">
                    <span class={`badge badge-${x.kind === 'extra' ? 'success' : 'warning'}`}>
                      {a.kinds[x.kind]}
                    </span>
                  </p>
                  <p>
                    {exceptionText(x, lang, a)}
                    {x.kind === 'extra' && x.mode ? ` · ${t.modes[x.mode]}` : ''}
                  </p>
                  {x.note && <p class="muted small">{x.note}</p>}
                </div>
                <RemoveException x={x} onRemove={onRemove} />
              </li>
            ))}
          </ul>
        )}
      </LoadState>
    </section>
  );
}
