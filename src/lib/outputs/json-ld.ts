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
    lastReviewed: deployment.reviewed,
    license: dataLicence.url,
    isPartOf: { "@type": "Dataset", name: dict.siteName, version },
    about: [
      ...deployment.authorities.map((authority) => ({
        "@type": "GovernmentOrganization",
        name: localize(authority.name, lang).text,
      })),
      {
        "@type": "SoftwareApplication",
        name: deployment.productEntry.name,
        applicationCategory: "CommunicationApplication",
      },
    ],
  };
}
