import { cpSync } from 'node:fs';
import { defineConfig } from 'tsup';

/** One ESM bundle with the workspace's contracts inlined (they ship as TypeScript source). */
export default defineConfig({
  entry: { main: 'src/main.ts' },
  format: 'esm',
  target: 'node20',
  platform: 'node',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  noExternal: [/^@holdfast\//],
  onSuccess: async () => {
    cpSync('src/db/migrations', 'dist/migrations', { recursive: true });
  },
});
