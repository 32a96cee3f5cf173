// The profile editor's motifs with their duration and fee: listed, edited, removed (after a
// confirmation) and added, each saved on its own.
import { useState } from 'preact/hooks';
import { LoadState, StatusMessage } from '../forms/Feedback';
import { Icon } from '../Icon';
import { useLoad } from '../useLoad';
import { useI18n } from '../../i18n';
import { formatPrice, type Motif } from '../../lib/directory/directory';
import { errorText } from '../../lib/errors';
import { fill, fillText } from '../../lib/format';
import { MotifForm } from './MotifForm';
import { createMotif, fetchMotifs, removeMotif, updateMotif } from '../../lib/practitioner/api';

export function Motifs() {
  const { t } = useI18n();
  const m = t.motifs;
  const list = useLoad((signal) => fetchMotifs(signal), []);
  const [editing, setEditing] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  async function remove(x: Motif) {
    setRemoveError(null);
    try {
      await removeMotif(x.id);
      setConfirming(null);
      list.setData((l) => l?.filter((y) => y.id !== x.id));
      setStatus(fillText(m.removed, { label: x.label }));
    } catch (err) {
      setRemoveError(errorText(err, t.errors));
    }
  }

  return (
    <section class="card panel" aria-labelledby="motifs-edit-title">
      <h2 id="motifs-edit-title">{m.title}</h2>
      <p class="muted">{m.lead}</p>
      <StatusMessage message={status} />
      <LoadState
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={list.reload}
        lines={2}
      >
        {list.data?.length === 0 ? (
          <p class="empty-note">{m.empty}</p>
        ) : (
          <ul class="plain-list motif-list">
            {(list.data ?? []).map((x) => (
              <li key={x.id} class="list-row motif-row">
                {editing === x.id ? (
                  <MotifForm
                    prefix={`motif-${x.id}-`}
                    title={fillText(m.editTitle, { label: x.label })}
                    initial={x}
                    submitLabel={m.save}
                    onCancel={() => setEditing(null)}
                    onSave={async (body) => {
                      const saved = await updateMotif(x.id, body);
                      list.setData((l) => l?.map((y) => (y.id === x.id ? saved : y)));
                      setEditing(null);
                      setStatus(fillText(m.savedMsg, { label: saved.label }));
                    }}
                  />
                ) : (
                  <MotifLine
                    x={x}
                    confirming={confirming === x.id}
                    removeError={confirming === x.id ? removeError : null}
                    onEdit={() => (setEditing(x.id), setConfirming(null), setStatus(null))}
                    onAskRemove={() => (setConfirming(x.id), setRemoveError(null), setStatus(null))}
                    onCancelRemove={() => setConfirming(null)}
                    onRemove={() => void remove(x)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </LoadState>
      <div class="motif-add">
        <MotifForm
          prefix="motif-new-"
          title={m.addTitle}
          initial={null}
          submitLabel={m.add}
          onSave={async (body) => {
            const created = await createMotif(body);
            list.setData((l) => [...(l ?? []), created]);
            setStatus(fillText(m.added, { label: created.label }));
          }}
        />
      </div>
    </section>
  );
}

function MotifLine({
  x,
  confirming,
  removeError,
  onEdit,
  onAskRemove,
  onCancelRemove,
  onRemove,
}: {
  x: Motif;
  confirming: boolean;
  removeError: string | null;
  onEdit: () => void;
  onAskRemove: () => void;
  onCancelRemove: () => void;
  onRemove: () => void;
}) {
  const { t, lang } = useI18n();
  const m = t.motifs;
  const question = fillText(m.confirmRemove, { label: x.label });
  return (
    <>
      <div class="list-row-main">
        <p class="list-row-title">{x.label}</p>
        {x.label_en && (
          <p class="small">
            {fill(m.labelEnShown, { label: <span lang="en">{x.label_en}</span> })}
          </p>
        )}
        <p class="muted small">
          {fillText(t.profile.minutes, { n: x.duration_min })} · {t.modes[x.mode]} ·{' '}
          <span class="price">{formatPrice(x.price_cents, lang)}</span>
        </p>
      </div>
      {confirming ? (
        <div class="confirm-inline" role="group" aria-label={question}>
          <p>{question}</p>
          {removeError && (
            <p class="field-error" role="alert">
              {removeError}
            </p>
          )}
          <div class="card-actions">
            <button type="button" class="btn btn-danger" onClick={onRemove}>
              {m.confirmRemoveButton}
            </button>
            <button type="button" class="btn btn-quiet" onClick={onCancelRemove}>
              {t.form.cancel}
            </button>
          </div>
        </div>
      ) : (
        <div class="row-actions">
          <button type="button" class="btn btn-quiet" onClick={onEdit}>
            <Icon name="pencil" />
            {m.edit}
            <span class="visually-hidden"> — {x.label}</span>
          </button>
          <button type="button" class="btn btn-quiet" onClick={onAskRemove}>
            <Icon name="trash" />
            {m.remove}
            <span class="visually-hidden"> — {x.label}</span>
          </button>
        </div>
      )}
    </>
  );
}
