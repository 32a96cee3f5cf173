// A partner's logo (with its preview), its administrators and, for an insurer, its activation
// codes (docs/operator.md "Partners" and "Insurers' activation codes").
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { errorText } from '../../lib/errors';
import { fillText } from '../../lib/format';
import {
  codeCounts,
  codesCsv,
  fetchAdmins,
  inviteAdmin,
  issueCodes,
  uploadLogo,
  type Partner,
} from '../../lib/operator/partners';
import { StatusMessage, SubmitButton } from '../forms/Feedback';
import { TextField } from '../forms/Field';
import { useLoad } from '../useLoad';

function Problem({ text }: { text: string | null }) {
  return text ? (
    <p class="field-error" role="alert">
      {text}
    </p>
  ) : null;
}

export function PartnerLogo({
  partner,
  onSaved,
}: {
  partner: Partner;
  onSaved: (p: Partner) => void;
}) {
  const { t } = useI18n();
  const p = t.partners;
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  async function onFile(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      onSaved(await uploadLogo(partner.id, file));
      setVersion((n) => n + 1);
      setStatus(p.logoSaved);
    } catch (e) {
      setProblem(errorText(e, t.errors));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="card" aria-labelledby={`logo-${partner.id}`}>
      <h3 id={`logo-${partner.id}`}>{p.logoTitle}</h3>
      {partner.logo_url ? (
        <img
          class="partner-logo-preview"
          src={`${partner.logo_url}?v=${version}`}
          alt={fillText(p.logoPreview, { name: partner.name })}
        />
      ) : (
        <p class="muted">{p.noLogo}</p>
      )}
      <label class="field-label" for={`logo-file-${partner.id}`}>
        {p.logoUpload}
      </label>
      <p class="field-hint" id={`logo-hint-${partner.id}`}>
        {p.logoHint}
      </p>
      <input
        id={`logo-file-${partner.id}`}
        type="file"
        accept="image/png,image/jpeg,image/webp"
        aria-describedby={`logo-hint-${partner.id}`}
        disabled={busy}
        onChange={(e) => void onFile(e.currentTarget.files?.[0])}
      />
      <Problem text={problem} />
      <StatusMessage message={status} />
    </section>
  );
}

export function PartnerAdmins({ partner }: { partner: Partner }) {
  const { t } = useI18n();
  const p = t.partners;
  const admins = useLoad((signal) => fetchAdmins(partner.id, signal), [partner.id]);
  const [form, setForm] = useState({ email: '', first_name: '', last_name: '' });
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const a = await inviteAdmin(partner.id, form);
      admins.setData((old) => [...(old ?? []), a]);
      setStatus(fillText(p.invited, { email: a.email }));
      setForm({ email: '', first_name: '', last_name: '' });
    } catch (ex) {
      setProblem(errorText(ex, t.errors));
    } finally {
      setBusy(false);
    }
  }
  const id = `admins-${partner.id}`;
  return (
    <section class="card" aria-labelledby={id}>
      <h3 id={id}>{p.adminsTitle}</h3>
      <p class="muted">{p.adminsLead}</p>
      {admins.data && admins.data.length === 0 && <p>{p.adminsEmpty}</p>}
      <ul class="plain-list">
        {(admins.data ?? []).map((a) => (
          <li key={a.id}>{a.email}</li>
        ))}
      </ul>
      <form onSubmit={submit} noValidate class="form-grid">
        <TextField
          id={`${id}-email`}
          type="email"
          label={p.adminEmail}
          value={form.email}
          onValue={(v) => setForm((f) => ({ ...f, email: v }))}
        />
        <TextField
          id={`${id}-first`}
          label={p.adminFirst}
          value={form.first_name}
          onValue={(v) => setForm((f) => ({ ...f, first_name: v }))}
        />
        <TextField
          id={`${id}-last`}
          label={p.adminLast}
          value={form.last_name}
          onValue={(v) => setForm((f) => ({ ...f, last_name: v }))}
        />
        <div class="form-actions">
          <SubmitButton busy={busy} variant="secondary">
            {p.invite}
          </SubmitButton>
        </div>
      </form>
      <Problem text={problem} />
      <StatusMessage message={status} />
    </section>
  );
}

export function PartnerCodes({ partner }: { partner: Partner }) {
  const { t } = useI18n();
  const p = t.partners;
  const counts = useLoad((signal) => codeCounts(partner.id, signal), [partner.id]);
  const [count, setCount] = useState('1');
  const [codes, setCodes] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  async function submit(e: Event) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const r = await issueCodes(partner.id, Number(count) || 1);
      setCodes(r.codes);
      counts.reload();
    } catch (ex) {
      setProblem(errorText(ex, t.errors));
    } finally {
      setBusy(false);
    }
  }
  // One object URL per batch, released when the next replaces it.
  const csvHref = useMemo(
    () =>
      codes.length
        ? URL.createObjectURL(new Blob([codesCsv(codes, partner.name)], { type: 'text/csv' }))
        : null,
    [codes, partner.name],
  );
  useEffect(() => () => void (csvHref && URL.revokeObjectURL(csvHref)), [csvHref]);
  const id = `codes-${partner.id}`;
  return (
    <section class="card" aria-labelledby={id}>
      <h3 id={id}>{p.codesTitle}</h3>
      {counts.data && <p>{fillText(p.codesCounts, counts.data)}</p>}
      <form onSubmit={submit} noValidate class="inline-form">
        <TextField
          id={`${id}-count`}
          type="number"
          min={1}
          max={1000}
          label={p.codesCount}
          value={count}
          onValue={setCount}
        />
        <SubmitButton busy={busy} variant="secondary" testId="issue-codes">
          {p.issue}
        </SubmitButton>
      </form>
      <Problem text={problem} />
      <StatusMessage message={codes.length ? fillText(p.issued, { n: codes.length }) : null} />
      {codes.length > 0 && (
        <>
          <ul class="code-list" aria-label={p.codesListLabel} data-testid="issued-codes">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          {csvHref && (
            <a class="btn btn-secondary" href={csvHref} download="codes.csv">
              {p.download}
            </a>
          )}
        </>
      )}
    </section>
  );
}
