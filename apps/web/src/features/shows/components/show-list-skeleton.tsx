import { Skeleton } from '@/components/ui/skeleton';

export function ShowListSkeleton() {
  return (
    <div role="status" aria-label="Loading shows" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {[0, 1, 2].map((key) => (
        <div key={key} className="glass flex flex-col gap-3 rounded-2xl p-5">
          <Skeleton className="h-6 w-3/4" />
          <Skeleton className="h-4 w-1/2" />
          <Skeleton className="h-4 w-1/3" />
          <Skeleton className="h-2 w-full" />
          <Skeleton className="h-11 w-24" />
        </div>
      ))}
    </div>
  );
}
