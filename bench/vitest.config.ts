import { defineConfig } from 'vitest/config';

// Unit tests of the bench's pure parts only; the bench itself runs with `pnpm bench`, never as a test.
export default defineConfig({ test: { include: ['src/**/*.test.ts'] } });
