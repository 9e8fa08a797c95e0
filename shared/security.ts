/**
 * The Content-Security-Policy of every Kinship page, in both hosts: code only from the app itself,
 * no plug-ins, no framing, no remote content. Styles may be inline because Mantine injects its
 * CSS variables at run time; scripts may not.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https: http:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
