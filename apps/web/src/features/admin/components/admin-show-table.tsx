import type { Show } from '@holdfast/contracts';
import { Link } from 'react-router';
import { formatShowTime } from '@/lib/format';
import type { Occupancy } from '../model/occupancy';
import { OccupancyBar } from './occupancy-bar';

type AdminShowTableProps = { shows: Show[]; occupancies: Map<number, Occupancy> };

// Below md the time and count columns give way to the same facts stacked under the show's name,
// so a phone sees each show as a card without scrolling sideways. One table serves every width,
// so each "Manage" link exists once for assistive technology.
const wideOnly = 'hidden p-3 md:table-cell';
const count = `${wideOnly} text-right tabular-nums`;

/** One row per show with its live occupancy. */
export function AdminShowTable({ shows, occupancies }: AdminShowTableProps) {
  return (
    <div className="glass overflow-x-auto rounded-2xl">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Shows and their occupancy</caption>
        <thead>
          <tr className="border-b border-white/70">
            <th scope="col" className="p-3">
              Show
            </th>
            <th scope="col" className={wideOnly}>
              Starts
            </th>
            <th scope="col" className={count}>
              Confirmed
            </th>
            <th scope="col" className={count}>
              Held
            </th>
            <th scope="col" className={count}>
              Free
            </th>
            <th scope="col" className={count}>
              Total
            </th>
            <th scope="col" className="p-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shows.map((show) => {
            const occupancy = occupancies.get(show.id)!;
            return (
              <tr key={show.id} className="border-b border-white/50 last:border-0">
                <th scope="row" className="p-3 font-semibold wrap-anywhere">
                  {show.name}
                  <p className="text-xs font-normal text-slate-700 md:hidden">
                    {formatShowTime(show.startTime, show.timeZone)}
                  </p>
                  <div className="mt-2 w-full max-w-32">
                    <OccupancyBar occupancy={occupancy} />
                  </div>
                  <p className="mt-1 text-xs font-normal text-slate-700 tabular-nums md:hidden">
                    {occupancy.confirmed} confirmed · {occupancy.held} held · {occupancy.free} free of {occupancy.total}
                  </p>
                </th>
                <td className={`${wideOnly} whitespace-nowrap`}>{formatShowTime(show.startTime, show.timeZone)}</td>
                <td className={count}>{occupancy.confirmed}</td>
                <td className={count}>{occupancy.held}</td>
                <td className={count}>{occupancy.free}</td>
                <td className={count}>{occupancy.total}</td>
                <td className="p-3 text-right md:text-left">
                  <Link
                    to={`/admin/shows/${show.id}`}
                    aria-label={`Manage ${show.name}`}
                    className="inline-flex min-h-11 items-center font-semibold text-indigo-700 underline"
                  >
                    Manage
                  </Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
