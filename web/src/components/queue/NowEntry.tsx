// "Consulter maintenant, sans rendez-vous": the way to the immediate queue from the home page
// and the patient's area (UX brief, patient screen 1). A card whose title is the link.
import { useI18n } from '../../i18n';
import { ROUTES } from '../../lib/routes';
import { Icon } from '../Icon';

export function NowEntry({ id }: { id: string }) {
  const { t } = useI18n();
  const e = t.queue.entry;
  return (
    <section class="card now-entry" aria-labelledby={id}>
      <span class="feature-icon">
        <Icon name="video" />
      </span>
      <div>
        <h2 id={id} class="now-entry-title">
          <a href={ROUTES.queues} data-testid="now-entry">
            {e.title}
          </a>
        </h2>
        <p class="muted">{e.body}</p>
      </div>
      <Icon name="arrowRight" class="now-entry-arrow" />
    </section>
  );
}
