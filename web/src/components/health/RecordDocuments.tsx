// The documents of "Dossier du patient", for the practitioner of the consultation: what the
// patient attached to this appointment, then the profile's other visible documents (hidden
// ones never come from the server). Each opens in a new tab, or in the preview dialog for
// images and PDFs.
import { useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { formatDate } from '../../lib/booking/slots';
import { issuedDay } from '../../lib/documents/documents';
import { previewOf } from '../../lib/health/documents';
import type { PatientDocItem } from '../../lib/health/types';
import { Icon } from '../Icon';
import { PreviewDialog, type PreviewTarget } from './PreviewDialog';

export function RecordDocuments({
  attached,
  others,
  H,
}: {
  attached: PatientDocItem[];
  others: PatientDocItem[];
  H: 'h3' | 'h4';
}) {
  const { t } = useI18n();
  const r = t.record;
  const [preview, setPreview] = useState<PreviewTarget | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const open = (target: PreviewTarget, button: HTMLButtonElement) => {
    opener.current = button;
    setPreview(target);
  };
  return (
    <>
      <H class="record-subtitle">{r.attached}</H>
      <DocList items={attached} onPreview={open} testId="record-attached" />
      <H class="record-subtitle">{r.others}</H>
      <DocList items={others} onPreview={open} testId="record-others" />
      <p class="muted small">{r.hiddenNote}</p>
      {preview && (
        <PreviewDialog
          target={preview}
          onClose={() => {
            setPreview(null);
            // Once the modal dialog is gone: while it is open the rest of the page is inert.
            setTimeout(() => opener.current?.focus(), 0);
          }}
        />
      )}
    </>
  );
}

function DocList({
  items,
  onPreview,
  testId,
}: {
  items: PatientDocItem[];
  onPreview: (t: PreviewTarget, b: HTMLButtonElement) => void;
  testId: string;
}) {
  const { t, lang } = useI18n();
  const r = t.record;
  const kinds = { ...t.myDocs.kinds, ...t.health.ownKinds } as Record<string, string>;
  if (items.length === 0)
    return (
      <p class="muted small" data-testid={testId}>
        {r.none}
      </p>
    );
  return (
    <ul class="panel-files record-docs" data-testid={testId}>
      {items.map((d) => {
        const title = d.title || kinds[d.kind] || d.kind;
        const kind = previewOf(d.mime);
        const by = d.source === 'patient' ? r.byPatient : (d.practitioner?.name ?? '');
        return (
          <li key={d.id} data-testid="record-doc" data-mime={d.mime}>
            <span class="record-doc-name">
              <Icon name={d.mime.startsWith('image/') ? 'eye' : 'file'} />
              <span>
                {title}{' '}
                <span class="muted small">
                  ({kinds[d.kind] ?? d.kind},{' '}
                  {formatDate(issuedDay({ issued_at: d.added_at }), lang)}
                  {by ? `, ${by}` : ''})
                </span>
              </span>
            </span>
            <span class="record-doc-actions">
              {kind && (
                <button
                  type="button"
                  class="btn btn-quiet btn-small"
                  onClick={(e) => onPreview({ url: d.url, title, kind }, e.currentTarget)}
                >
                  {t.health.preview}
                  <span class="visually-hidden"> — {title}</span>
                </button>
              )}
              <a class="btn btn-quiet btn-small" href={d.url} target="_blank" rel="noopener">
                {r.open}
                <span class="visually-hidden"> — {title}</span>
              </a>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
