// html-validate's configuration for the built site: `npx html-validate dist` and
// test/e2e/html-and-links.test.ts, which checks every page of the build with it.
// The recommended preset, with the rules below relaxed; each says why.
/** @type {import("html-validate").ConfigData} */
export default {
  extends: ["html-validate:recommended"],
  rules: {
    // The page titles name the authority and its system in full, then the site; 70 characters is a
    // search engine's display width, not a rule of HTML, and a cut title would not say what the page is.
    "long-title": "off",
    // The syntax colours of code blocks on the MDX pages (Shiki) are style attributes; the
    // Content-Security-Policy allows style attributes for this. Any other property still fails.
    "no-inline-style": ["error", { allowedProperties: ["display", "color", "background-color", "overflow-x"] }],
    // A wide table sits in a scrolling <div role="region" tabindex="0" aria-label> so keyboard users can
    // scroll it (the pattern WAI's table guidance gives); it is a scroll area, not a section of the text.
    "prefer-native-element": ["error", { exclude: ["region"] }],
    // The table's filters apply at once as a reader picks them (and the form is hidden without script);
    // there is nothing to submit, so a submit button would do nothing.
    "wcag/h32": "off",
  },
};
