import type { JSX } from 'preact';
import { actionLabel } from '@/lib/log/format';
import { ACTIONS, bucketDays, type Bucket, type LabelCount, type LogSummary } from '@/lib/log/summary';
import type { GateAction } from '@/lib/log/types';

/*
 * The log page's small chart (issue 6), plain SVG: decisions over time stacked by what people
 * did, and the clients and matters most involved. Each picture has a text equivalent (its
 * accessible name and the bars' titles) for people who do not look at charts.
 */

const COLOURS: Record<GateAction, string> = {
  override: '#d97706',
  blocked: '#dc2626',
  'went-back': '#2563eb',
  audited: '#94a3b8',
};
const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const day = (d: string) => dayFormat.format(new Date(`${d}T00:00:00Z`));
const period = (b: Bucket) => (b.start === b.end ? day(b.start) : `${day(b.start)} – ${day(b.end)}`);
const plural = (n: number, one: string) => `${n.toLocaleString()} ${n === 1 ? one : `${one}s`}`;

function OverTime({ summary }: { summary: LogSummary }): JSX.Element {
  const { buckets } = bucketDays(summary.days);
  const W = 640;
  const H = 120;
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const slot = W / Math.max(1, buckets.length);
  const busiest = buckets.reduce<Bucket | null>((best, b) => (!best || b.total > best.total ? b : best), null);
  const first = buckets[0];
  const last = buckets.at(-1);
  const label =
    first && last && busiest
      ? `Decisions over time: ${plural(summary.total, 'decision')} from ${day(first.start)} to ${day(last.end)}; the busiest period, ${period(busiest)}, had ${busiest.total.toLocaleString()}.`
      : 'Decisions over time: none.';
  return (
    <svg class="chart-time" viewBox={`0 0 ${W} ${H + 18}`} role="img" aria-label={label} preserveAspectRatio="none">
      <line x1="0" y1={H} x2={W} y2={H} class="axis" />
      {buckets.map((b, i) => {
        let y = H;
        return (
          <g key={b.start}>
            <title>{`${period(b)}: ${
              ACTIONS.filter((a) => b.counts[a] > 0)
                .map((a) => `${b.counts[a]} ${actionLabel(a).toLowerCase()}`)
                .join(', ') || 'none'
            }`}</title>
            {ACTIONS.map((a) => {
              const h = (b.counts[a] / max) * H;
              y -= h;
              return h > 0 ? (
                <rect key={a} x={i * slot + slot * 0.1} y={y} width={slot * 0.8} height={h} fill={COLOURS[a]} />
              ) : null;
            })}
          </g>
        );
      })}
      <text x="0" y={H + 14} class="tick">
        {first ? day(first.start) : ''}
      </text>
      <text x={W} y={H + 14} class="tick" text-anchor="end">
        {last ? day(last.end) : ''}
      </text>
      <text x="2" y="10" class="tick">
        {max.toLocaleString()}
      </text>
    </svg>
  );
}

function TopList({ title, items }: { title: string; items: LabelCount[] }): JSX.Element {
  const W = 300;
  const ROW = 22;
  const max = Math.max(1, ...items.map((i) => i.count));
  const label =
    items.length > 0 ? `${title}: ${items.map((i) => `${i.label}, ${i.count}`).join('; ')}.` : `${title}: none.`;
  return (
    <figure class="chart-top">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${W} ${Math.max(1, items.length) * ROW}`} role="img" aria-label={label}>
        {items.map((item, i) => (
          <g key={item.label}>
            <title>{`${item.label}: ${plural(item.count, 'decision')}`}</title>
            <rect x="0" y={i * ROW + 13} width={(item.count / max) * (W - 40)} height="6" rx="3" class="bar" />
            <text x="0" y={i * ROW + 10} class="bar-label">
              {item.label.length > 44 ? `${item.label.slice(0, 43)}…` : item.label}
            </text>
            <text x={W} y={i * ROW + 20} class="tick" text-anchor="end">
              {item.count.toLocaleString()}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

export function LogChart({ summary }: { summary: LogSummary }): JSX.Element {
  const present = ACTIONS.filter((a) => summary.days.some((d) => d.counts[a] > 0));
  return (
    <div class="log-chart">
      <figure class="chart-over-time">
        <figcaption>Decisions over time</figcaption>
        <OverTime summary={summary} />
        <ul class="legend" aria-label="Legend">
          {present.map((a) => (
            <li key={a}>
              <span class="swatch" style={{ background: COLOURS[a] }} aria-hidden="true" />
              {actionLabel(a)}
            </li>
          ))}
        </ul>
      </figure>
      <TopList title="Clients most involved" items={summary.clients} />
      <TopList title="Matters most involved" items={summary.matters} />
    </div>
  );
}
