// 404 for unknown routes. The server answers index.html for them, so the app decides.
import { Icon } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { useI18n } from '../i18n';
import { ROUTES } from '../lib/routes';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <PageIntro title={t.notFound.title} lead={t.notFound.body}>
      <div class="actions">
        <a class="btn btn-primary" href={ROUTES.home}>
          {t.notFound.home}
          <Icon name="arrowRight" />
        </a>
      </div>
    </PageIntro>
  );
}
