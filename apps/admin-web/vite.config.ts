import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { graphqlDocumentsPlugin } from './build/graphql-documents-plugin.ts';
import { initialSizeReport } from './build/initial-size-report.ts';

// The admin web: built into dist/ and served by the gateway at / (ADMIN_WEB_DIST). Everything is
// bundled: no CDN, no external fonts (users are on intranets). In dev (`npm run dev`), /graphql
// goes to a running gateway (COSO_GATEWAY_URL, default the one `npm start` runs).
const gateway = process.env.COSO_GATEWAY_URL ?? 'http://127.0.0.1:4000';

export default defineConfig({
  plugins: [graphqlDocumentsPlugin(fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url))), react(), initialSizeReport()],
  server: {
    port: 5173,
    proxy: { '/graphql': { target: gateway, changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Ant Design's components are loaded with the pages that use them; the report below prints
    // what the first screen costs.
    chunkSizeWarningLimit: 700,
  },
});
