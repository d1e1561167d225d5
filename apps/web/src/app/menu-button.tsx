import type { Ref } from 'react';
import { buttonClass } from '@/components/ui/button';

type MenuButtonProps = { ref: Ref<HTMLButtonElement>; open: boolean; controls: string; onToggle: () => void };

/** The phone header's Menu toggle; gone from md, where the menu's contents sit in the row. */
export function MenuButton({ ref, open, controls, onToggle }: MenuButtonProps) {
  return (
    <button
      ref={ref}
      type="button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={onToggle}
      className={buttonClass('secondary', 'px-3 md:hidden')}
    >
      <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="2">
        {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 6h14M3 10h14M3 14h14" />}
      </svg>
      Menu
    </button>
  );
}
