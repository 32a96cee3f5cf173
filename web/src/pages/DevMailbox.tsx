// /dev/mailbox — development tool: the emails the server "sent" (GET /api/v1/dev/mailbox,
// development mode only), newest first, and the selected one's text with clickable links.
// The HTML part is never rendered: only the text, so nothing from an email runs here.
import { useLocation } from 'preact-iso';
import { LoadState } from '../components/forms/Feedback';
import { Icon } from '../components/Icon';
import { PageIntro } from '../components/Page';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import { ApiError } from '../lib/api';
import { formatDateTime } from '../lib/dates';
import { linkify } from '../lib/linkify';
import { ROUTES } from '../lib/routes';
import { fetchMail, fetchMailbox } from '../lib/dev/api';

export function DevMailboxPage() {
  const { t, lang } = useI18n();
  const m = t.mailbox;
  const { query } = useLocation();
  const selected = query.id ?? null;
  const list = useLoad((signal) => fetchMailbox(signal), []);
  const devOnly = list.failure instanceof ApiError && list.failure.status === 404;

  if (devOnly)
    return (
      <PageIntro title={m.title} lead={m.devOnly}>
        <p class="muted">{m.devOnlyHint}</p>
      </PageIntro>
    );

  return (
    <>
      <PageIntro title={m.title} lead={m.lead}>
        <button type="button" class="btn btn-secondary" onClick={list.reload}>
          {m.refresh}
        </button>
      </PageIntro>
      <div class="container mailbox">
        <section class="mailbox-list" aria-labelledby="mail-list-title">
          <h2 id="mail-list-title" class="section-title">
            {m.listTitle}
          </h2>
          <LoadState
            loading={list.loading && !list.data}
            error={list.error}
            onRetry={list.reload}
            lines={5}
          >
            {list.data?.length === 0 ? (
              <p class="empty-note">{m.empty}</p>
            ) : (
              <ul>
                {(list.data ?? []).map((mail) => (
                  <li key={mail.id}>
                    <a
                      class="mail-link"
                      href={`${ROUTES.devMailbox}?id=${encodeURIComponent(mail.id)}`}
                      aria-current={mail.id === selected ? 'true' : undefined}
                    >
                      <span class="mail-subject">{mail.subject}</span>
                      <span class="mail-meta">
                        {mail.to} · {formatDateTime(mail.date, lang)}
                      </span>
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </LoadState>
        </section>
        <section class="mailbox-view card" aria-label={m.viewLabel}>
          {selected ? <MailView id={selected} /> : <p class="empty-note">{m.choose}</p>}
        </section>
      </div>
    </>
  );
}

function MailView({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const m = t.mailbox;
  const mail = useLoad((signal) => fetchMail(id, signal), [id]);
  return (
    <LoadState loading={mail.loading} error={mail.error} onRetry={mail.reload} lines={6}>
      {mail.data && (
        <article class="mail">
          <h2>{mail.data.subject}</h2>
          <dl class="mail-headers">
            <div>
              <dt>{m.to}</dt>
              <dd>{mail.data.to}</dd>
            </div>
            <div>
              <dt>{m.date}</dt>
              <dd>{formatDateTime(mail.data.date, lang)}</dd>
            </div>
          </dl>
          <div class="mail-text">
            {linkify(mail.data.text).map((p, i) =>
              'url' in p ? (
                <a key={i} href={p.url} class="mail-url">
                  {p.url}
                </a>
              ) : (
                <span key={i}>{p.text}</span>
              ),
            )}
          </div>
          {(mail.data.attachments ?? []).length > 0 && (
            <section class="mail-attachments" aria-label={m.attachments}>
              <h3>{m.attachments}</h3>
              {(mail.data.attachments ?? []).map((a) => (
                <details key={a.filename}>
                  <summary>
                    {a.filename} <span class="muted small">({a.content_type})</span>
                  </summary>
                  <pre class="mail-attachment">{a.content}</pre>
                </details>
              ))}
            </section>
          )}
          <p class="muted small">
            <Icon name="lock" /> {m.htmlNote}
          </p>
        </article>
      )}
    </LoadState>
  );
}
