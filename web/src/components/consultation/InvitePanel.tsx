// "Inviter un proche ou un interprète" (ROOM8), for the patient and the practitioner, in the
// waiting room and during the call: who (a relative or an interpreter) and their name, then
// the link to send, with "Copier le lien", and the invitations already made, each with its
// state and "Retirer". Two invitations at most: four people in the call.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { createInvitation, listInvitations, revokeInvitation } from '../../lib/consultation/api';
import type { GuestKind } from '../../lib/consultation/consultation';
import { errorText } from '../../lib/errors';
import { fillText } from '../../lib/format';
import {
  absoluteUrl,
  canInvite,
  GUEST_NAME_MAX,
  invitationStatus,
  inviteProblem,
  type Invitation,
} from '../../lib/consultation/invitations';
import { SelectField, TextField } from '../forms/Field';
import { Icon } from '../Icon';
import { useInlinePanel } from './useInlinePanel';
import { useLatest } from '../useLatest';

/**
 * `guestsInRoom`: the names of the guests present, as one string; when it changes (a guest used
 * their link and came in, or left), the list is read again so that it says "utilisé" at once.
 */
export function InvitePanel({
  consultation,
  guestsInRoom = '',
}: {
  consultation: string;
  guestsInRoom?: string;
}) {
  const { t } = useI18n();
  const v = t.invite;
  const { open, setOpen, title, opener } = useInlinePanel();
  const [list, setList] = useState<Invitation[] | null>(null);
  const [kind, setKind] = useState<GuestKind>('guest');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ url: string } | null>(null);
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);
  const linkRef = useRef<HTMLElement>(null);
  const linkTitle = useRef<HTMLHeadingElement>(null);

  const reload = (signal?: AbortSignal) =>
    listInvitations(consultation, signal).then(
      (l) => {
        if (!signal?.aborted) setList(l);
      },
      (err: unknown) => {
        if (!signal?.aborted) setError(errorText(err, t.errors));
      },
    );

  // A new link: focus goes to it, so that it is read and "Copier le lien" is the next stop.
  useEffect(() => {
    if (created) linkTitle.current?.focus();
  }, [created]);

  // Read again on opening, and when the consultation or the guests in the room change.
  const load = useLatest(reload);
  useEffect(() => {
    if (!open) return undefined;
    const ctl = new AbortController();
    void load.current(ctl.signal);
    return () => ctl.abort();
  }, [open, consultation, guestsInRoom, load]);

  if (!open)
    return (
      <button
        ref={opener}
        type="button"
        class="btn btn-secondary invite-open"
        onClick={() => setOpen(true)}
        data-testid="invite-open"
      >
        <Icon name="users" />
        {v.open}
      </button>
    );

  async function create() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setCopied(null);
    try {
      const inv = await createInvitation(consultation, kind, name);
      setCreated({
        url: absoluteUrl(inv.url ?? `/invitation/${inv.token ?? ''}`, location.origin),
      });
      setName('');
      setList((l) => [...(l ?? []).filter((x) => x.id !== inv.id), inv]);
      void reload();
    } catch (err) {
      setError(inviteProblem(err) === 'full' ? v.full : errorText(err, t.errors));
    } finally {
      setBusy(false);
    }
  }

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('ok');
    } catch {
      // No clipboard (an insecure page, an old browser): select the link for a manual copy.
      const el = linkRef.current;
      const sel = window.getSelection();
      if (el && sel) {
        const range = document.createRange();
        range.selectNodeContents(el);
        sel.removeAllRanges();
        sel.addRange(range);
      }
      setCopied('failed');
    }
  }

  async function revoke(inv: Invitation) {
    setError(null);
    try {
      await revokeInvitation(consultation, inv.id);
      setList((l) => (l ?? []).filter((x) => x.id !== inv.id));
    } catch (err) {
      setError(errorText(err, t.errors));
    }
  }

  const now = Date.now();
  const full = list !== null && !canInvite(list);
  return (
    <section
      class="inline-panel invite-panel"
      aria-labelledby="invite-title"
      data-testid="invite-panel"
    >
      <h2 id="invite-title" ref={title} tabIndex={-1}>
        {v.title}
      </h2>
      <p>{v.lead}</p>

      {created && (
        <div class="invite-created">
          <h3 class="invite-subtitle" ref={linkTitle} tabIndex={-1}>
            {v.linkTitle}
          </h3>
          <p class="field-hint">{v.linkHint}</p>
          <p class="invite-url">
            <code ref={linkRef} data-testid="invite-link">
              {created.url}
            </code>
          </p>
          <button
            type="button"
            class="btn btn-primary"
            onClick={() => void copy(created.url)}
            data-testid="invite-copy"
          >
            <Icon name="copy" />
            {v.copy}
          </button>
          <p class="invite-copied" role="status">
            {copied === 'ok' ? v.copied : copied === 'failed' ? v.copyFailed : ''}
          </p>
        </div>
      )}

      {error && (
        <p class="notice notice-danger" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}

      {full ? (
        <p class="notice notice-info">
          <Icon name="users" />
          <span>{v.full}</span>
        </p>
      ) : (
        <form
          class="invite-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void create();
          }}
        >
          <SelectField
            id="invite-kind"
            label={v.kind}
            value={kind}
            onValue={(k) => setKind(k as GuestKind)}
            options={[
              { value: 'guest', label: v.kinds.guest },
              { value: 'interpreter', label: v.kinds.interpreter },
            ]}
            data-testid="invite-kind"
          />
          <TextField
            id="invite-name"
            label={v.name}
            hint={v.nameHint}
            optional
            value={name}
            onValue={setName}
            maxLength={GUEST_NAME_MAX}
            autoComplete="off"
            data-testid="invite-name"
          />
          <button
            type="submit"
            class={`btn btn-primary${busy ? ' is-busy' : ''}`}
            aria-disabled={busy ? true : undefined}
            data-testid="invite-create"
          >
            <Icon name="plus" />
            {busy ? v.creating : v.create}
          </button>
        </form>
      )}

      <h3 class="invite-subtitle">{v.listTitle}</h3>
      {list === null ? null : list.length === 0 ? (
        <p class="muted">{v.empty}</p>
      ) : (
        <ul class="invite-list">
          {list.map((inv) => {
            const state = invitationStatus(inv, now);
            const who = inv.name || inv.guest_name || v.kinds[inv.kind];
            const statusText =
              state === 'claimed'
                ? inv.guest_name
                  ? fillText(v.status.claimed, { name: inv.guest_name })
                  : v.status.claimedNoName
                : v.status[state];
            return (
              <li
                key={inv.id}
                class="invite-item"
                data-testid="invite-item"
                data-id={inv.id}
                data-state={state}
              >
                <span class="invite-who">
                  <strong>{who}</strong> — {v.kinds[inv.kind]}
                  <span class="invite-state">{statusText}</span>
                </span>
                <button
                  type="button"
                  class="btn btn-quiet"
                  onClick={() => void revoke(inv)}
                  data-testid="invite-revoke"
                >
                  <Icon name="trash" />
                  {v.revoke}
                  <span class="visually-hidden"> — {who}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div class="card-actions">
        <button
          type="button"
          class="btn btn-secondary"
          onClick={() => {
            setOpen(false);
            setCreated(null);
            setCopied(null);
            setError(null);
          }}
        >
          {v.close}
        </button>
      </div>
    </section>
  );
}
