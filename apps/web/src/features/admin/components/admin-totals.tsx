import type { Occupancy } from '../model/occupancy';

export function AdminTotals({ showCount, totals }: { showCount: number; totals: Occupancy }) {
  const items = [
    ['Shows', showCount],
    ['Total places', totals.total],
    ['Confirmed', totals.confirmed],
    ['Held', totals.held],
    ['Free', totals.free],
  ] as const;
  return (
    <section aria-labelledby="totals-heading" className="glass rounded-2xl p-5">
      <h2 id="totals-heading" className="mb-3 text-lg font-semibold">
        Totals across the listed shows
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5">
        {items.map(([label, value]) => (
          <div key={label} className="rounded-xl bg-white/60 p-3">
            <dt className="text-xs font-medium text-slate-700">{label}</dt>
            <dd className="text-2xl font-bold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
