import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers on every response (helmet). The admin web and GraphiQL load nothing from
 * another host and Vite emits no inline script, so scripts are `'self'` only. Styles need
 * `'unsafe-inline'`: antd (CSS-in-JS) and Monaco write `<style>` elements at run time, and both
 * index.html files hold one small inline style. No page may be framed (clickjacking), and no URL
 * (which may name a record) leaks to another site as a referrer. HSTS is left to the TLS
 * terminator in front of the gateway, which serves plain HTTP.
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'worker-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
}
