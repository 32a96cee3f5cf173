// /messages/:id and /praticien/messages/:id — one conversation (docs/messaging.md), for the
// patient (with the emergency notice) or for the practitioner it is addressed to (who may
// close it). Assistants never reach a thread: the API answers them 404.
import { useRoute } from 'preact-iso';
import { LoadState } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { EmergencyNotice } from '../components/messaging/EmergencyNotice';
import { Thread } from '../components/messaging/Thread';
import { PageIntro } from '../components/Page';
import { PractitionerLayout } from '../components/PractitionerArea';
import { RequireAuth } from '../components/RequireAuth';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { fetchConversation } from '../lib/messaging/api';
import { ROUTES } from '../lib/routes';

export function MessageThreadPage() {
  const { t } = useI18n();
  const { params } = useRoute();
  return (
    <RequireAuth title={t.messages.title} roles={['patient']}>
      {() => (
        <>
          <PageIntro title={t.messages.title} />
          <div class="container narrow messages-page">
            <p class="back-link">
              <a href={ROUTES.messages}>
                <Icon name="chevronLeft" />
                {t.messages.thread.back}
              </a>
            </p>
            <EmergencyNotice />
            <Load id={params.id ?? ''} staff={false} />
          </div>
        </>
      )}
    </RequireAuth>
  );
}

export function StaffThreadPage() {
  const { t } = useI18n();
  const { params } = useRoute();
  return (
    <PractitionerLayout title={t.staffMessages.title} roles={['practitioner']}>
      {() => (
        <div class="messages-page">
          <p class="back-link">
            <a href={ROUTES.staffMessages}>
              <Icon name="chevronLeft" />
              {t.messages.thread.back}
            </a>
          </p>
          <Load id={params.id ?? ''} staff />
        </div>
      )}
    </PractitionerLayout>
  );
}

function Load({ id, staff }: { id: string; staff: boolean }) {
  const conv = useLoad((s) => fetchConversation(id, s), [id]);
  return (
    <LoadState
      loading={conv.loading && !conv.data}
      error={conv.data ? null : conv.error}
      onRetry={conv.reload}
      lines={5}
    >
      {conv.data && <Thread key={id} initial={conv.data} staff={staff} />}
    </LoadState>
  );
}
