import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { samenI18n, typeboxNamedImports } from './scripts/vite-i18n';

// The web app lives in src/web and is served by the API server from dist/web (one port, one origin).
export default defineConfig({
  root: 'src/web',
  publicDir: false,
  plugins: [react(), samenI18n({ root: import.meta.dirname }), typeboxNamedImports()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
