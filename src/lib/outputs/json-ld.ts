/** schema.org JSON-LD: the registry as a Dataset on the home page, each entry on its own page. */
import { localize, t, type Lang } from "../../i18n/index.ts";
import type { DeploymentEntry } from "../model/registry-model.ts";
import { dataLicence } from "../site/site-info.ts";
import { apiUrl, homeUrl, publicUrl } from "../site/urls.ts";

/** The whole registry as a schema.org Dataset with its downloads. */
export function datasetJsonLd(lang: Lang, version: string, deploymentCount: number): Record<string, unknown> {
  const dict = t(lang);
  const download = (file: string, format: string) => ({
    "@type": "DataDownload",
    encodingFormat: format,
    contentUrl: publicUrl(apiUrl(file)),
  });
  return {
    "@context": "https://schema.org",
    "@type": "Dataset",
    name: dict.siteName,
    description: dict.home.lead,
    url: publicUrl(homeUrl(lang)),
    inLanguage: lang,
    version,
    license: dataLicence.url,
    variableMeasured: dict.deploymentCount(deploymentCount),
    distribution: [
      download("deployments.json", "application/json"),
      download("deployments.csv", "text/csv"),
      download("products.json", "application/json"),
      download("positions.json", "application/json"),
    ],
  };
}

/** One entry: a web page about a government body's use of a software application. */
export function entryJsonLd(
  deployment: DeploymentEntry,
  lang: Lang,
  permalink: string,
  version: string,
): Record<string, unknown> {
  const dict = t(lang);
  return {
    "@context": "https://schema.org",
    "@type": "WebPage",
    name: deployment.displayName[lang],
    url: permalink,
    inLanguage: lang,
    description: localize(deployment.summary, lang).text,
    ...(deployment.reviewed ? { lastReviewed: deployment.reviewed } : {}),
    license: dataLicence.url,
    isPartOf: { "@type": "Dataset", name: dict.siteName, version },
    about: [
      ...deployment.authorities.map((authority) => ({
        "@type": "GovernmentOrganization",
        name: localize(authority.name, lang).text,
      })),
      ...(deployment.productEntry
        ? [
            {
              "@type": "SoftwareApplication",
              name: deployment.productEntry.name,
              applicationCategory: "CommunicationApplication",
            },
          ]
        : []),
    ],
  };
}

const scriptUnsafe: Record<string, string> = {
  "<": "\\u003c",
  ">": "\\u003e",
  "&": "\\u0026",
  "\u2028": "\\u2028",
  "\u2029": "\\u2029",
};

/**
 * JSON-LD as the text of a `<script type="application/ld+json">`. Inside a script element the HTML
 * parser ends at the first `</script` whatever the JSON means, so `<`, `>` and `&` are written as
 * JSON escapes: the data reads the same and no record text can close the element or open a comment.
 */
export function jsonLdScript(data: Record<string, unknown>): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (character) => scriptUnsafe[character]!);
}
