import type { Show } from '@holdfast/contracts';
import { Link } from 'react-router';
import { formatShowTime } from '@/lib/format';
import type { Occupancy } from '../hooks/occupancy';
import { OccupancyBar } from './occupancy-bar';

type AdminShowTableProps = { shows: Show[]; occupancies: Map<number, Occupancy> };

/** One row per show with its live occupancy; a card list on phones, a table on wider screens. */
export function AdminShowTable({ shows, occupancies }: AdminShowTableProps) {
  return (
    <div className="glass overflow-x-auto rounded-2xl">
      <table className="w-full min-w-[40rem] text-left text-sm">
        <caption className="sr-only">Shows and their occupancy</caption>
        <thead>
          <tr className="border-b border-white/70">
            <th scope="col" className="p-3">Show</th>
            <th scope="col" className="p-3">Starts</th>
            <th scope="col" className="p-3 text-right">Confirmed</th>
            <th scope="col" className="p-3 text-right">Held</th>
            <th scope="col" className="p-3 text-right">Free</th>
            <th scope="col" className="p-3 text-right">Total</th>
            <th scope="col" className="p-3"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          {shows.map((show) => {
            const occupancy = occupancies.get(show.id)!;
            return (
              <tr key={show.id} className="border-b border-white/50 last:border-0">
                <th scope="row" className="p-3 font-semibold">
                  {show.name}
                  <div className="mt-2 w-32"><OccupancyBar occupancy={occupancy} /></div>
                  {/* Phones see the counts here without scrolling the table sideways. */}
                  <p aria-hidden="true" className="mt-1 text-xs font-normal text-slate-700 tabular-nums sm:hidden">
                    {occupancy.confirmed} confirmed · {occupancy.held} held · {occupancy.free} free
                  </p>
                </th>
                <td className="p-3 whitespace-nowrap">{formatShowTime(show.startTime)}</td>
                <td className="p-3 text-right tabular-nums">{occupancy.confirmed}</td>
                <td className="p-3 text-right tabular-nums">{occupancy.held}</td>
                <td className="p-3 text-right tabular-nums">{occupancy.free}</td>
                <td className="p-3 text-right tabular-nums">{occupancy.total}</td>
                <td className="p-3">
                  <Link to={`/admin/shows/${show.id}`} aria-label={`Manage ${show.name}`} className="font-semibold text-indigo-700 underline">
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
