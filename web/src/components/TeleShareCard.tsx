// The practitioner's teleconsultation share of the year, on their home page (ADM5): a meter
// with the share written out, a warning near or over the convention's cap, the count of their
// "médecin traitant" patients left out, the in-person consultations they declare, and the rule's
// source.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';
import { errorText } from '../lib/errors';
import { fillText } from '../lib/format';
import { declareInPerson, fetchTeleShare, percent, type TeleShare } from '../lib/teleShare';
import { TextField } from './forms/Field';
import { LoadState, StatusMessage, SubmitButton } from './forms/Feedback';
import { Icon } from './Icon';
import { useLoad } from './useLoad';

export function TeleShareCard() {
  const { t, lang } = useI18n();
  const s = t.teleShare;
  const share = useLoad((signal) => fetchTeleShare(signal), []);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | null>(null);
  const d = share.data;

  // The field shows what is declared, once loaded and after each save.
  const declared = d?.in_person_declared;
  useEffect(() => {
    setValue(declared === null || declared === undefined ? '' : String(declared));
  }, [declared]);

  async function save(e: Event) {
    e.preventDefault();
    if (!d || busy) return;
    const n = Number(value.trim());
    if (!/^\d+$/.test(value.trim()) || n > 100000) {
      setError(t.errors.generic);
      return;
    }
    setBusy(true);
    setError(undefined);
    setStatus(null);
    try {
      const updated: TeleShare = await declareInPerson(d.year, n);
      share.setData(() => updated);
      setStatus(s.saved);
    } catch (err) {
      setError(errorText(err, t.errors));
    } finally {
      setBusy(false);
    }
  }

  const cap = d ? percent(d.cap, lang) : '';
  const tone = d?.level === 'over' ? 'danger' : d?.level === 'near' ? 'warning' : 'success';
  return (
    <section class="card panel" aria-labelledby="share-title" data-testid="tele-share">
      <h2 id="share-title">{fillText(s.title, { year: d?.year ?? '' })}</h2>
      <LoadState loading={share.loading} error={share.error} onRetry={share.reload}>
        {d && (
          <>
            <p>{fillText(s.lead, { cap })}</p>
            {d.share === null ? (
              <p class="share-figure">{s.noActivity}</p>
            ) : (
              <>
                <p class="share-figure" id="share-figure">
                  {fillText(s.share, { share: percent(d.share, lang) })}
                </p>
                <meter
                  class="share-meter"
                  min={0}
                  max={1}
                  low={d.cap * 0.8}
                  high={d.cap}
                  optimum={0}
                  value={d.share}
                  aria-labelledby="share-figure"
                >
                  {percent(d.share, lang)}
                </meter>
                <p>{fillText(s.detail, { counted: d.counted, activity: d.activity })}</p>
              </>
            )}
            {d.medecin_traitant_excluded > 0 && (
              <p class="muted">{fillText(s.excluded, { n: d.medecin_traitant_excluded })}</p>
            )}
            {d.share !== null && d.in_person_declared === null && (
              // Without the in-person count the share is Cabinet's activity alone: a warning
              // about the cap would alarm for nothing, so the card asks for the count first.
              <p class="notice notice-info">
                <Icon name="pencil" />
                <span>{s.undeclared}</span>
              </p>
            )}
            {d.share !== null && d.in_person_declared !== null && (
              <p class={`notice notice-${tone}`} role={d.level === 'ok' ? undefined : 'alert'}>
                <Icon name={d.level === 'ok' ? 'check' : 'alert'} />
                <span>{fillText(s[d.level], { cap })}</span>
              </p>
            )}
            <form class="share-declare" noValidate onSubmit={(e) => void save(e)}>
              <TextField
                id="share-in-person"
                label={fillText(s.declareLabel, { year: d.year })}
                hint={fillText(s.declareHint, { n: d.in_person_on_cabinet })}
                error={error}
                value={value}
                onValue={setValue}
                inputMode="numeric"
                autoComplete="off"
              />
              <SubmitButton busy={busy} variant="secondary">
                {s.save}
              </SubmitButton>
            </form>
            <StatusMessage message={status} />
            <p class="share-source muted">
              <strong>{s.source} :</strong> {d.source}
            </p>
          </>
        )}
      </LoadState>
    </section>
  );
}
