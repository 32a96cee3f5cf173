// Statistiques (/operateur/statistiques; docs/operator.md "Statistics"): the platform's activity
// by day, week or month, never clinical: appointments, the immediate queue's waits, the calls'
// quality, documents issued, and the breakdown by specialty. Each chart is followed by its
// table; values hidden below the threshold read "moins de 5". Operators may pick a partner; a
// partner administrator sees its own partner (the server enforces it).
import { useState } from 'preact/hooks';
import { AreaGate } from '../components/AreaGate';
import { LoadState } from '../components/forms/Feedback';
import { OperatorNav } from '../components/operator/OperatorNav';
import { StatsChart, type Column } from '../components/operator/StatsChart';
import { StatsTables } from '../components/operator/StatsTables';
import { PageIntro } from '../components/Page';
import { useLoad } from '../components/useLoad';
import { useI18n } from '../i18n';
import type { Me } from '../lib/account/types';
import { fillText } from '../lib/format';
import {
  addDays,
  fetchStats,
  parisToday,
  statsCsvUrl,
  type By,
  type Period,
  type StatsQuery,
} from '../lib/operator/stats';

export function OperatorStatsPage() {
  const { t } = useI18n();
  return (
    <AreaGate
      roles={['operator', 'partner_admin']}
      title={t.operatorStats.title}
      signedIn={(me) => <StatsScreen me={me} />}
      presentation={(cta) => (
        <PageIntro title={t.operatorStats.title} lead={fillText(t.operatorStats.lead, { n: 5 })}>
          {cta}
        </PageIntro>
      )}
    />
  );
}

const BYS: By[] = ['day', 'week', 'month'];

function StatsScreen({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const s = t.operatorStats;
  const today = parisToday();
  const [query, setQuery] = useState<StatsQuery>({
    from: addDays(today, -29),
    to: today,
    by: 'day',
  });
  const [draft, setDraft] = useState<StatsQuery>(query);
  const loaded = useLoad((signal) => fetchStats(query, signal), [query]);
  const data = loaded.data;
  const threshold = data?.threshold ?? 5;
  const operator = me.account.role === 'operator';
  const lead =
    data?.partner && !operator
      ? fillText(s.partnerLead, { partner: data.partner, n: threshold })
      : fillText(s.lead, { n: threshold });

  const number = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const fmt = (v: number) => number.format(v);
  const short = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const monthName = new Intl.DateTimeFormat(lang, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const label = (p: Period) => {
    const start = new Date(`${p.start}T12:00:00Z`);
    if (data?.by === 'month') return monthName.format(start);
    if (data?.by === 'week') return `${s.weekShort}${p.period.slice(6)} (${short.format(start)})`;
    return short.format(start);
  };
  const minutes = (v: number | null) => (v === null ? null : Math.round(v / 6) / 10);
  const a = s.activity;
  const q = s.queue;
  const c = s.calls;
  const activity: Column[] = [
    { key: 'bookings', label: a.bookings, value: (p) => p.bookings },
    { key: 'held', label: a.held, value: (p) => p.held },
    { key: 'cancelled', label: a.cancelled, value: (p) => p.cancelled },
    { key: 'no_shows', label: a.no_shows, value: (p) => p.no_shows },
  ];
  const queue: Column[] = [
    {
      key: 'queue_wait_p50_s',
      label: q.queue_wait_p50_s,
      value: (p) => minutes(p.queue_wait_p50_s),
    },
    {
      key: 'queue_wait_p90_s',
      label: q.queue_wait_p90_s,
      value: (p) => minutes(p.queue_wait_p90_s),
    },
    { key: 'queue_joined', label: q.queue_joined, value: (p) => p.queue_joined, drawn: false },
    { key: 'queue_taken', label: q.queue_taken, value: (p) => p.queue_taken, drawn: false },
  ];
  const calls: Column[] = [
    {
      key: 'relayed_share',
      label: c.relayed_share,
      value: (p) => (p.relayed_share === null ? null : Math.round(p.relayed_share * 1000) / 10),
    },
    {
      key: 'calls_reported',
      label: c.calls_reported,
      value: (p) => p.calls_reported,
      drawn: false,
    },
    { key: 'audio_only', label: c.audio_only, value: (p) => p.audio_only, drawn: false },
    {
      key: 'phone_fallbacks',
      label: c.phone_fallbacks,
      value: (p) => p.phone_fallbacks,
      drawn: false,
    },
    {
      key: 'call_setup_p50_ms',
      label: c.call_setup_p50_ms,
      value: (p) =>
        p.call_setup_p50_ms === null ? null : Math.round(p.call_setup_p50_ms / 100) / 10,
      drawn: false,
    },
    {
      key: 'duration_p50_s',
      label: c.duration_p50_s,
      value: (p) => minutes(p.duration_p50_s),
      drawn: false,
    },
  ];

  return (
    <>
      <PageIntro title={s.title} lead={lead} />
      <OperatorNav />
      <div class="container stats-page">
        <form
          class="stats-filters"
          aria-label={s.filters}
          onSubmit={(e) => {
            e.preventDefault();
            setQuery({ ...draft, partner: draft.partner?.trim() || undefined });
          }}
        >
          <div class="field">
            <label for="stats-from" class="field-label">
              {s.from}
            </label>
            <input
              id="stats-from"
              class="input"
              type="date"
              value={draft.from}
              required
              onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="stats-to" class="field-label">
              {s.to}
            </label>
            <input
              id="stats-to"
              class="input"
              type="date"
              value={draft.to}
              required
              onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
            />
          </div>
          <div class="field">
            <label for="stats-by" class="field-label">
              {s.by}
            </label>
            <select
              id="stats-by"
              class="input"
              value={draft.by}
              onChange={(e) => setDraft({ ...draft, by: e.currentTarget.value as By })}
            >
              {BYS.map((b) => (
                <option key={b} value={b}>
                  {s.byOptions[b]}
                </option>
              ))}
            </select>
          </div>
          {operator && (
            <div class="field">
              <label for="stats-partner" class="field-label">
                {s.partner}
              </label>
              <div id="stats-partner-hint" class="field-hint">
                {s.partnerHint}
              </div>
              <input
                id="stats-partner"
                class="input"
                type="text"
                value={draft.partner ?? ''}
                aria-describedby="stats-partner-hint"
                onInput={(e) => setDraft({ ...draft, partner: e.currentTarget.value })}
              />
            </div>
          )}
          <div class="stats-actions">
            <button type="submit" class="btn btn-primary">
              {s.show}
            </button>
            <a class="btn btn-secondary" href={statsCsvUrl(query)} download>
              {s.csv}
            </a>
          </div>
        </form>
        <LoadState loading={loaded.loading} error={loaded.error} onRetry={loaded.reload} lines={6}>
          {data && (
            <>
              {data.totals.bookings === 0 && data.totals.queue_joined === 0 && (
                <p class="stats-empty">{s.empty}</p>
              )}
              <StatsChart
                id="stats-activity"
                title={a.title}
                periods={data.series}
                columns={activity}
                threshold={threshold}
                label={label}
                format={fmt}
              />
              <StatsChart
                id="stats-queue"
                title={q.title}
                periods={data.series}
                columns={queue}
                threshold={threshold}
                label={label}
                format={fmt}
              />
              <StatsChart
                id="stats-calls"
                title={c.title}
                periods={data.series}
                columns={calls}
                threshold={threshold}
                label={label}
                format={fmt}
              />
              <StatsTables stats={data} format={fmt} />
            </>
          )}
        </LoadState>
      </div>
    </>
  );
}
