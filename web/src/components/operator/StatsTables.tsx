// The statistics without a chart: documents issued by kind, and the breakdown by specialty,
// over the whole period. Values hidden below the threshold read "moins de 5".
import { useI18n } from '../../i18n';
import { fillText } from '../../lib/format';
import { ScrollBox } from './StatsChart';
import { cellOf, DOCUMENT_KINDS, type Stats } from '../../lib/operator/stats';

export function StatsTables({ stats, format }: { stats: Stats; format: (v: number) => string }) {
  const { t } = useI18n();
  const s = t.operatorStats;
  const fewer = fillText(s.fewer, { n: String(stats.threshold) });
  const show = (item: { suppressed: string[] }, key: string, v: number | null) => {
    const cell = cellOf(item, key, v);
    return cell.kind === 'value' ? format(cell.value) : cell.kind === 'suppressed' ? fewer : s.none;
  };
  const docs = stats.totals.documents;
  const counts = ['bookings', 'held', 'cancelled', 'no_shows'] as const;
  return (
    <>
      <section class="stats-block" aria-labelledby="stats-documents-title">
        <h2 id="stats-documents-title" class="stats-title">
          {s.documents.title}
        </h2>
        <ScrollBox labelledBy="stats-documents-caption">
          <table class="data-table stats-table">
            <caption id="stats-documents-caption">{s.documents.title}</caption>
            <thead>
              <tr>
                {DOCUMENT_KINDS.map((k) => (
                  <th key={k} scope="col">
                    {s.documents[k]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr>
                {DOCUMENT_KINDS.map((k) => (
                  <td key={k}>{show(docs, k, docs[k])}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </ScrollBox>
      </section>
      <section class="stats-block" aria-labelledby="stats-specialties-title">
        <h2 id="stats-specialties-title" class="stats-title">
          {s.specialties.title}
        </h2>
        <ScrollBox labelledBy="stats-specialties-caption">
          <table class="data-table stats-table">
            <caption id="stats-specialties-caption">{s.specialties.title}</caption>
            <thead>
              <tr>
                <th scope="col">{s.specialties.specialty}</th>
                {counts.map((k) => (
                  <th key={k} scope="col">
                    {s.activity[k]}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {stats.by_specialty.map((row) => (
                <tr key={row.specialty}>
                  <th scope="row">{row.label}</th>
                  {counts.map((k) => (
                    <td key={k}>{show(row, k, row[k])}</td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{s.total}</th>
                {counts.map((k) => (
                  <td key={k}>{show(stats.totals, k, stats.totals[k])}</td>
                ))}
              </tr>
            </tbody>
          </table>
        </ScrollBox>
      </section>
    </>
  );
}
