/** How full a show is; the number next to it carries the meaning, so the bar is decorative. */
export function AvailabilityBar({ available, total }: { available: number; total: number }) {
  const freeShare = total > 0 ? Math.max(0, Math.min(1, available / total)) : 0;
  const colour = freeShare === 0 ? 'bg-slate-400' : freeShare < 0.2 ? 'bg-amber-500' : 'bg-emerald-500';
  return (
    <div aria-hidden="true" className="h-2 w-full overflow-hidden rounded-full bg-white/70">
      <div
        className={`h-full rounded-full ${colour} transition-[width] duration-500 motion-reduce:transition-none`}
        style={{ width: `${freeShare * 100}%` }}
      />
    </div>
  );
}
