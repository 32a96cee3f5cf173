// "Envoyer à une pharmacie": a dialog over "Mes documents" (the brief's one modal: the choice
// belongs to the document it is opened from). Search by name or commune and postcode
// (GET /pharmacies), pick one, confirm (POST /documents/{id}/pharmacy). Escape or "Annuler"
// closes it; focus comes back to the button that opened it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { searchPharmacies, sendToPharmacy } from '../../lib/documents/api';
import type { CabinetDocument, Pharmacy } from '../../lib/documents/types';
import { errorText } from '../../lib/errors';
import { fillText } from '../../lib/format';
import { formatPhone } from '../../lib/validate';
import { TextField } from '../forms/Field';
import { Icon } from '../Icon';

export function PharmacyDialog({
  doc,
  onClose,
  onSent,
}: {
  doc: CabinetDocument;
  onClose: () => void;
  onSent: (doc: CabinetDocument, pharmacy: string) => void;
}) {
  const { t } = useI18n();
  const p = t.pharmacyDialog;
  const dialog = useRef<HTMLDialogElement>(null);
  const confirmTitle = useRef<HTMLHeadingElement>(null);
  const [q, setQ] = useState('');
  const [postcode, setPostcode] = useState('');
  const [found, setFound] = useState<Pharmacy[] | null>(null);
  const [picked, setPicked] = useState<Pharmacy | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  useEffect(() => {
    if (picked) confirmTitle.current?.focus();
  }, [picked]);

  async function search(e: Event) {
    e.preventDefault();
    if (busy) return;
    setError(null);
    if (!q.trim() && !postcode.trim()) return setError(p.needQuery);
    if (postcode.trim() && !/^\d{5}$/.test(postcode.trim())) return setError(p.postcodeInvalid);
    setBusy(true);
    setStatus(p.searching);
    try {
      const items = await searchPharmacies(q, postcode);
      setFound(items);
      setStatus(
        items.length === 0
          ? p.none
          : items.length === 1
            ? p.one
            : fillText(p.many, { n: items.length }),
      );
    } catch (err) {
      setError(errorText(err, t.errors));
      setStatus('');
    } finally {
      setBusy(false);
    }
  }

  async function send() {
    if (!picked || busy) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await sendToPharmacy(doc.id, picked.id);
      onSent(updated, picked.name);
    } catch (err) {
      setError(errorText(err, t.errors));
      setBusy(false);
    }
  }

  return (
    <dialog
      ref={dialog}
      class="dialog pharmacy-dialog"
      aria-labelledby="pharmacy-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      data-testid="pharmacy-dialog"
    >
      <div class="dialog-head">
        <h2 id="pharmacy-title">{p.title}</h2>
        <button type="button" class="btn btn-quiet btn-icon" onClick={onClose}>
          <Icon name="close" />
          <span class="visually-hidden">{p.cancel}</span>
        </button>
      </div>
      <p class="muted">{p.lead}</p>
      {error && (
        <p class="notice notice-danger" role="alert">
          <Icon name="alert" />
          <span>{error}</span>
        </p>
      )}
      {picked ? (
        <section class="pharmacy-confirm" aria-labelledby="pharmacy-confirm-title">
          <h3 id="pharmacy-confirm-title" ref={confirmTitle} tabIndex={-1}>
            {p.confirmTitle}
          </h3>
          <PharmacyLines ph={picked} />
          <div class="card-actions">
            <button
              type="button"
              class={`btn btn-primary${busy ? ' is-busy' : ''}`}
              aria-disabled={busy ? true : undefined}
              onClick={() => void send()}
              data-testid="pharmacy-confirm"
            >
              {busy ? p.sending : fillText(p.confirm, { name: picked.name })}
            </button>
            <button type="button" class="btn btn-secondary" onClick={() => setPicked(null)}>
              {p.change}
            </button>
          </div>
        </section>
      ) : (
        <>
          <form class="pharmacy-search" onSubmit={(e) => void search(e)} noValidate>
            <TextField id="pharmacy-q" label={p.q} value={q} onValue={setQ} autoComplete="off" />
            <TextField
              id="pharmacy-postcode"
              label={p.postcode}
              value={postcode}
              onValue={setPostcode}
              inputMode="numeric"
              autoComplete="postal-code"
              maxLength={5}
              class="input-short"
            />
            <button type="submit" class="btn btn-secondary" data-testid="pharmacy-search">
              <Icon name="search" />
              {busy ? p.searching : p.search}
            </button>
          </form>
          <p class="visually-hidden" role="status">
            {status}
          </p>
          {found && found.length === 0 && <p class="empty-note">{p.none}</p>}
          {found && found.length > 0 && (
            <ul class="pharmacy-list" aria-label={p.results}>
              {found.map((ph) => (
                <li key={ph.id} class="pharmacy-item" data-testid="pharmacy-result">
                  <PharmacyLines ph={ph} />
                  <button type="button" class="btn btn-secondary" onClick={() => setPicked(ph)}>
                    {p.choose}
                    <span class="visually-hidden"> : {ph.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div class="card-actions">
            <button type="button" class="btn btn-quiet" onClick={onClose}>
              {p.cancel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

function PharmacyLines({ ph }: { ph: Pharmacy }) {
  return (
    <div class="pharmacy-lines">
      <strong>{ph.name}</strong>
      <span>
        {ph.address}, {ph.postcode} {ph.city}
      </span>
      {ph.phone && <span class="muted">{formatPhone(ph.phone)}</span>}
    </div>
  );
}
