// GraphiQL for the coso gateway, bundled from npm packages by Vite: every script, style, font and
// Monaco worker is served by the gateway itself (no CDN, nothing fetched from elsewhere at run time).
import 'graphiql/setup-workers/vite'; // Monaco's editor, JSON and GraphQL workers through Vite's `?worker` imports
import 'graphiql/style.css';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

// Same origin as this page: the fetcher posts application/json, which Apollo's CSRF prevention accepts.
const fetcher = createGraphiQLFetcher({ url: new URL('/graphql', window.location.href).href });

const DEFAULT_QUERY = `# coso — GraphiQL
#
# Truy vấn mẫu: các phường của quận Long Biên vào ngày 01/12/2022.
# Example: the wards of Long Biên district as of 1 December 2022.
# Ctrl-Enter để chạy / to run; Ctrl-Space để gợi ý / for suggestions.

query WardsOfLongBien {
  units(asOf: "2022-12-01", filter: { kind: WARD }) {
    totalCount
    nodes {
      name
      code
    }
  }
}
`;

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <GraphiQL fetcher={fetcher} defaultQuery={DEFAULT_QUERY} />
    </StrictMode>,
  );
}
