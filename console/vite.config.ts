import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const config = defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500, sourcemap: false },
});
// Vite reads the default export of its config file.
// eslint-disable-next-line no-restricted-syntax
export default config;
