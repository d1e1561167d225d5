import { useEffect, useRef, useState } from 'react';

export const FLASH_MS = 1200;

export type FlashDirection = 'up' | 'down' | null;

/** Which way a live count just moved, for FLASH_MS after it moved; null on first render and at rest. */
export function useCountFlash(value: number): FlashDirection {
  const previous = useRef(value);
  const [flash, setFlash] = useState<{ direction: FlashDirection; key: number }>({ direction: null, key: 0 });

  useEffect(() => {
    if (previous.current === value) return;
    const direction = value > previous.current ? 'up' : 'down';
    previous.current = value;
    setFlash((current) => ({ direction, key: current.key + 1 }));
    const timer = setTimeout(() => setFlash((current) => ({ ...current, direction: null })), FLASH_MS);
    return () => clearTimeout(timer);
  }, [value]);

  return flash.direction;
}
