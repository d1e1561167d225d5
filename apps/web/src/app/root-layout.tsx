import { lazy, Suspense } from 'react';
import { Outlet, ScrollRestoration } from 'react-router';
import { cn } from '@/components/ui/cn';
import { LiveIndicator } from '@/components/ui/live-indicator';
import { Skeleton } from '@/components/ui/skeleton';
import { AuthProvider } from '@/features/auth/components/auth-provider';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { useLiveShows } from '@/hooks/use-live-shows';
import { SiteHeader } from './site-header';

const skipLinkClass = cn(
  'sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2',
  'focus:rounded-lg focus:bg-white focus:px-3 focus:py-2',
);

export function RootLayout() {
  const { connected } = useLiveShows();
  return (
    <AuthProvider>
      <a href="#main" className={skipLinkClass}>
        Skip to content
      </a>
      <SiteHeader liveIndicator={<LiveIndicator connected={connected} />} />
      <WaitlistOffers />
      <main id="main" className="mx-auto w-full max-w-6xl px-4 pt-4 pb-16 sm:px-6">
        <Suspense fallback={<Skeleton className="h-40" />}>
          <Outlet />
        </Suspense>
      </main>
      <ScrollRestoration />
    </AuthProvider>
  );
}

// Only a signed-in person can hold an offer: the banner's code loads then, never with a patient's first page.
const OfferBanner = lazy(() =>
  import('@/features/waitlist/components/offer-banner').then((module) => ({ default: module.OfferBanner })),
);

/** Offers reach only the signed-in person, on whatever page they are. */
function WaitlistOffers() {
  const { status } = useAuth();
  if (status !== 'authenticated') return null;
  return (
    <Suspense fallback={null}>
      <OfferBanner signedIn />
    </Suspense>
  );
}
