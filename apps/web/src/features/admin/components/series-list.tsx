import { Link } from 'react-router';
import { useSeriesList } from '../api/series';

/** The series, newest first, each linking to its page; nothing at all until there is one. */
export function SeriesList() {
  const list = useSeriesList();
  if (!list.data || list.data.length === 0) return null;
  return (
    <section aria-labelledby="admin-series-heading" className="flex flex-col gap-2">
      <h2 id="admin-series-heading" className="text-lg font-semibold">
        Series
      </h2>
      <ul className="flex flex-col gap-1">
        {list.data.map((series) => (
          <li key={series.id} className="flex flex-wrap gap-x-2">
            <Link className="font-medium text-indigo-900 underline" to={`/admin/series/${series.id}`}>
              {series.name}
            </Link>
            <span className="text-sm text-slate-700">
              {`${series.startDate} to ${series.endDate} · ${series.timeZone} · ${series.showCount} shows`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
