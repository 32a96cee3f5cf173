// A bar chart of the statistics drawn as SVG in the page (no library: nothing here needs
// eval or inline styles, so it works under the strict CSP; colours come from the stylesheet),
// followed by its data table for screen readers and for exact values. The chart itself is
// hidden from assistive technologies: the table says the same, precisely.
import type { ComponentChildren, RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../../i18n';
import { fillText } from '../../lib/format';
import { cellOf, labelStep, niceMax, type Cell, type Period } from '../../lib/operator/stats';

export interface Column {
  key: string;
  label: string;
  /** The value as shown (seconds to minutes…), null when none. */
  value: (p: Period) => number | null;
  /** Drawn as bars (the others are in the table only). */
  drawn?: boolean;
}

const HEIGHT = 200;
const MARGIN = { top: 8, right: 8, bottom: 24, left: 40 };

function useWidth(): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const w = Math.round(entries[0]?.contentRect.width ?? 0);
      if (w > 0) setWidth(w);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

export function StatsChart({
  id,
  title,
  periods,
  columns,
  threshold,
  label,
  format,
}: {
  id: string;
  title: string;
  periods: Period[];
  columns: Column[];
  threshold: number;
  /** The period's short label under the axis. */
  label: (p: Period) => string;
  format: (v: number) => string;
}) {
  const { t } = useI18n();
  const s = t.operatorStats;
  const [ref, width] = useWidth();
  const drawn = columns.filter((c) => c.drawn !== false);
  const cells = (p: Period, c: Column): Cell => cellOf(p, c.key, c.value(p));
  let max = 0;
  for (const p of periods)
    for (const c of drawn) {
      const cell = cells(p, c);
      if (cell.kind === 'value') max = Math.max(max, cell.value);
      if (cell.kind === 'suppressed') max = Math.max(max, threshold);
    }
  const top = niceMax(max);
  const plotW = Math.max(40, width - MARGIN.left - MARGIN.right);
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const group = plotW / Math.max(1, periods.length);
  const bar = Math.max(1, (group * 0.8) / Math.max(1, drawn.length));
  const y = (v: number) => MARGIN.top + plotH - (v / top) * plotH;
  const step = labelStep(periods.length, Math.floor(plotW / 56));
  const anySuppressed = periods.some((p) => drawn.some((c) => cells(p, c).kind === 'suppressed'));
  const fewer = fillText(s.fewer, { n: String(threshold) });
  const show = (cell: Cell) =>
    cell.kind === 'value' ? format(cell.value) : cell.kind === 'suppressed' ? fewer : s.none;

  return (
    <section class="stats-block" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} class="stats-title">
        {title}
      </h2>
      <ul class="stats-legend">
        {drawn.map((c, j) => (
          <li key={c.key}>
            <span class={`stats-swatch tone-${j + 1}`} aria-hidden="true" />
            {c.label}
          </li>
        ))}
        {anySuppressed && (
          <li>
            <span class="stats-swatch tone-suppressed" aria-hidden="true" />
            {fillText(s.suppressedLegend, { n: String(threshold) })}
          </li>
        )}
      </ul>
      <div class="stats-chart" ref={ref}>
        <svg
          class="stats-svg"
          width={width}
          height={HEIGHT}
          viewBox={`0 0 ${width} ${HEIGHT}`}
          aria-hidden="true"
          focusable="false"
          data-chart={id}
        >
          {[0, top / 2, top].map((v) => (
            <g key={v}>
              <line
                class="stats-grid"
                x1={MARGIN.left}
                x2={width - MARGIN.right}
                y1={y(v)}
                y2={y(v)}
              />
              <text class="stats-axis" x={MARGIN.left - 6} y={y(v) + 4} text-anchor="end">
                {format(v)}
              </text>
            </g>
          ))}
          {periods.map((p, i) => {
            const x0 = MARGIN.left + i * group + group * 0.1;
            return (
              <g key={p.period}>
                {drawn.map((c, j) => {
                  const cell = cells(p, c);
                  if (cell.kind === 'none') return null;
                  const v = cell.kind === 'value' ? cell.value : threshold;
                  const h = Math.max(0, y(0) - y(v));
                  return (
                    <rect
                      key={c.key}
                      class={
                        cell.kind === 'value'
                          ? `stats-bar tone-${j + 1}`
                          : 'stats-bar tone-suppressed'
                      }
                      x={x0 + j * bar}
                      y={y(v)}
                      width={Math.max(1, bar - 1)}
                      height={h}
                    />
                  );
                })}
                {i % step === 0 && (
                  <text
                    class="stats-axis"
                    x={x0 + (group * 0.8) / 2}
                    y={HEIGHT - 6}
                    text-anchor="middle"
                  >
                    {label(p)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <ScrollBox labelledBy={`${id}-caption`}>
        <table class="data-table stats-table">
          <caption id={`${id}-caption`}>{fillText(s.dataTable, { title })}</caption>
          <thead>
            <tr>
              <th scope="col">{s.period}</th>
              {columns.map((c) => (
                <th key={c.key} scope="col">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {periods.map((p) => (
              <tr key={p.period}>
                <th scope="row">{label(p)}</th>
                {columns.map((c) => {
                  const cell = cells(p, c);
                  return (
                    <td
                      key={c.key}
                      class={cell.kind === 'suppressed' ? 'is-suppressed' : undefined}
                    >
                      {show(cell)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </section>
  );
}

/** A table wider than a phone scrolls sideways: keyboard users reach it too (WCAG 2.1.1). */
export function ScrollBox({
  labelledBy,
  children,
}: {
  labelledBy: string;
  children: ComponentChildren;
}) {
  return (
    <div
      class="stats-table-wrap"
      // A scrollable region must take the focus for the keyboard to scroll it.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      tabIndex={0}
      role="region"
      aria-labelledby={labelledBy}
    >
      {children}
    </div>
  );
}
