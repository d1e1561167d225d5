import type { ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useAuth } from '@/features/auth/hooks/use-auth';

const navClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    'rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap hover:bg-white/60',
    isActive && 'bg-white/70 text-indigo-900',
  );

export function SiteHeader({ liveIndicator }: { liveIndicator: ReactNode }) {
  const { user, status, logOut } = useAuth();
  const navigate = useNavigate();
  return (
    <header className="glass sticky top-0 z-10 border-x-0 border-t-0">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <NavLink to="/" className="mr-auto text-lg font-bold tracking-tight text-indigo-900 md:mr-0">
          Holdfast
        </NavLink>
        {/* Below md the nav takes its own row, so a long live-status text never squeezes it. */}
        <nav
          aria-label="Main"
          className="order-last flex w-full items-center gap-1 overflow-x-auto md:order-none md:w-auto md:flex-1"
        >
          <NavLink to="/" end className={navClass}>
            Shows
          </NavLink>
          {user && (
            <NavLink to="/my-bookings" className={navClass}>
              My bookings
            </NavLink>
          )}
          {user?.role === 'admin' && (
            <NavLink to="/admin" className={navClass}>
              Admin
            </NavLink>
          )}
        </nav>
        {liveIndicator}
        <div className="flex items-center gap-2">
          {user ? (
            <>
              <span className="hidden text-sm text-slate-700 md:inline">{user.name}</span>
              <Button
                variant="secondary"
                onClick={() => {
                  logOut();
                  navigate('/');
                }}
              >
                Log out
              </Button>
            </>
          ) : status !== 'loading' ? (
            <>
              <NavLink to="/login" className={navClass}>
                Log in
              </NavLink>
              <NavLink to="/register" className={navClass}>
                Register
              </NavLink>
            </>
          ) : null}
        </div>
      </div>
    </header>
  );
}
