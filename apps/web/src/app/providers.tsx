import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { LazyMotion, MotionConfig } from 'motion/react';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from '@/lib/query-client';

const loadMotionFeatures = () => import('./motion-features').then((module) => module.default);

/** Router-independent providers; the auth provider sits inside the router because it navigates. */
export function AppProviders({ children, queryClient }: { children: ReactNode; queryClient?: QueryClient }) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <LazyMotion features={loadMotionFeatures} strict>
        <MotionConfig reducedMotion="user">{children}</MotionConfig>
      </LazyMotion>
    </QueryClientProvider>
  );
}
