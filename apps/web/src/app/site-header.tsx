import { useEffect, useRef, useState, type ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useAuth } from '@/features/auth/hooks/use-auth';
import { MenuButton } from './menu-button';

const navClass = ({ isActive }: { isActive: boolean }) =>
  cn(
    'rounded-lg px-3 py-2 text-sm font-medium whitespace-nowrap hover:bg-white/60',
    isActive && 'bg-white/70 text-indigo-900',
  );

/**
 * One row at every width. Below md the links and the account sit behind a Menu button (a disclosure: Escape or a
 * click elsewhere closes it, a chosen link too); from md they are inline, as the panel's `md:contents` puts its
 * children straight into the row.
 */
export function SiteHeader({ liveIndicator }: { liveIndicator: ReactNode }) {
  const { user, status, logOut } = useAuth();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const header = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!menuOpen) return;
    const closeOutside = (event: PointerEvent) => {
      if (!header.current?.contains(event.target as Node)) setMenuOpen(false);
    };
    const closeOnEscape = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('pointerdown', closeOutside);
    document.addEventListener('keydown', closeOnEscape);
    return () => {
      document.removeEventListener('pointerdown', closeOutside);
      document.removeEventListener('keydown', closeOnEscape);
    };
  }, [menuOpen]);

  return (
    <header ref={header} className="glass sticky top-0 z-10 border-x-0 border-t-0">
      <div className="relative mx-auto flex max-w-6xl items-center gap-x-3 px-4 py-2 sm:px-6 md:gap-x-4 md:py-3">
        <NavLink to="/" className="mr-auto text-lg font-bold tracking-tight text-indigo-900 md:mr-0">
          Holdfast
        </NavLink>
        <div
          id="site-menu"
          className={cn(
            'md:contents',
            menuOpen
              ? 'absolute inset-x-0 top-full flex flex-col gap-2 border-b border-indigo-100 bg-white p-4 shadow-lg'
              : 'hidden',
          )}
          // A chosen link or button has done its job: the menu closes behind it.
          onClick={(event) => {
            if ((event.target as HTMLElement).closest('a, button')) setMenuOpen(false);
          }}
        >
          <nav aria-label="Main" className="flex flex-col gap-1 md:flex-1 md:flex-row md:items-center">
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
          <div className="flex flex-wrap items-center gap-2 md:order-last">
            {user ? (
              <>
                <span className="px-3 text-sm text-slate-700 md:px-0">{user.name}</span>
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
        {liveIndicator}
        <MenuButton ref={toggle} open={menuOpen} controls="site-menu" onToggle={() => setMenuOpen((open) => !open)} />
      </div>
    </header>
  );
}
