// The security policy: no inline script allowed, and the same policy in public/_headers as in
// the <meta> tags, so a host that reads _headers and one that does not (GitHub Pages) enforce alike.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicyHeader,
  contentSecurityPolicyMeta,
  securityHeaders,
} from "../../src/lib/site/security-policy.ts";

/** A policy as its directives: name → sources. */
const directives = (policy: string) =>
  new Map(
    policy
      .split(";")
      .map((directive) => directive.trim().split(/\s+/))
      .map(([name, ...sources]) => [name!, sources]),
  );

describe("Content-Security-Policy", () => {
  const policy = directives(contentSecurityPolicyHeader);

  it("runs scripts only from the site's own files, and Pagefind's WebAssembly", () => {
    expect(policy.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(policy.get("default-src")).toEqual(["'none'"]);
    expect(contentSecurityPolicyHeader).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'|\*/);
  });

  it("forbids framing, a foreign <base> and sending forms elsewhere", () => {
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
  });

  it("leaves out of the <meta> tag only what a meta tag cannot carry", () => {
    const meta = directives(contentSecurityPolicyMeta);
    expect([...policy.keys()].filter((name) => !meta.has(name))).toEqual(["frame-ancestors"]);
    for (const [name, sources] of meta) expect(policy.get(name), name).toEqual(sources);
  });
});

describe("public/_headers", () => {
  const file = readFileSync("public/_headers", "utf8");

  it("sends every security header, as security-policy.ts defines it, with every file", () => {
    const lines = file.split("\n").filter((line) => line && !line.startsWith("#"));
    expect(lines[0]).toBe("/*");
    expect(lines.slice(1).map((line) => line.trim())).toEqual(
      securityHeaders.map(([name, value]) => `${name}: ${value}`),
    );
  });

  it("includes a referrer policy and MIME sniffing protection", () => {
    expect(file).toMatch(/^ {2}Referrer-Policy: strict-origin-when-cross-origin$/m);
    expect(file).toMatch(/^ {2}X-Content-Type-Options: nosniff$/m);
  });
});
