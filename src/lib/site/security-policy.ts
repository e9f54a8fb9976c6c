/**
 * The browser security policy of every page, defined once: the `<meta>` tags in each page's head
 * carry what a meta tag can, and `public/_headers` (checked against this module by a unit test)
 * carries all of it for static hosts that read that file.
 */

/**
 * Content-Security-Policy directives. Scripts come only from the site's own files (the build
 * writes none inline; see `vite.build.assetsInlineLimit` in astro.config.mjs); Pagefind's
 * search runs WebAssembly, hence 'wasm-unsafe-eval' (which allows no JavaScript eval).
 */
const directives: [name: string, sources: string][] = [
  ["default-src", "'none'"],
  ["script-src", "'self' 'wasm-unsafe-eval'"],
  ["style-src", "'self'"],
  // The syntax colours of code blocks on the MDX pages (Shiki) are style attributes; an attribute
  // cannot load anything or run script, so attributes alone may be inline.
  ["style-src-attr", "'unsafe-inline'"],
  ["img-src", "'self'"],
  ["font-src", "'self'"],
  ["connect-src", "'self'"],
  ["form-action", "'self'"],
  ["base-uri", "'none'"],
];

/** Directives a browser ignores (and warns about) in a `<meta>` tag; they go in the HTTP header only. */
const headerOnlyDirectives: [name: string, sources: string][] = [["frame-ancestors", "'none'"]];

const policy = (entries: [string, string][]) => entries.map(([name, sources]) => `${name} ${sources}`).join("; ");

/** The policy as the `<meta http-equiv="Content-Security-Policy">` of every page carries it. */
export const contentSecurityPolicyMeta = policy(directives);

/** The full policy as an HTTP header, including what only a header can say (frame-ancestors). */
export const contentSecurityPolicyHeader = policy([...directives, ...headerOnlyDirectives]);

/** Sent with every link: other sites learn only that a reader came from this site, not from which page. */
export const referrerPolicy = "strict-origin-when-cross-origin";

/** The HTTP headers every response of the site should carry, in the order `public/_headers` lists them. */
export const securityHeaders: [name: string, value: string][] = [
  ["Content-Security-Policy", contentSecurityPolicyHeader],
  ["Referrer-Policy", referrerPolicy],
  ["X-Content-Type-Options", "nosniff"],
  // For browsers that predate frame-ancestors.
  ["X-Frame-Options", "DENY"],
];
