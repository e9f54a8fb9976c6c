/**
 * The site's home: where it is published and where its repository lives. This is the one place
 * both are configured; astro.config.mjs, the URL builders, correction and edit links, changelog
 * commit links, exports, feeds and social cards all read it.
 *
 * Set at build time from the environment:
 *   SITE_URL                    public address of the site, e.g. https://register.example.net
 *                               (without it the build is a preview: see `isPreview`)
 *   BASE_PATH                   path below that address, e.g. /register for a GitHub project page
 *   REGISTRY_REPOSITORY_URL     web address of the repository, e.g. https://codeberg.org/owner/register
 *                               (without it there are no correction, edit or commit links)
 *   REGISTRY_BRANCH             branch that edit links open (default: main)
 *   REGISTRY_CORRECTIONS_EMAIL  address for corrections when the repository is on no known forge
 *   REGISTRY_TABLE_PAGE_SIZE    rows per page of the comparison table and of the reach lists (default 250)
 */

/** The kind of code forge a repository is hosted on, which decides how its links are built. */
export type Forge = "github" | "gitlab" | "forgejo" | "none";

/** The repository the site's contributor links point to. */
export type RepositoryConfig = {
  /** Web address of the repository, without a trailing slash or `.git`; absent when none is configured. */
  repositoryUrl?: string;
  /** Branch that "edit this record" links open. */
  branch: string;
  /** Where corrections go by mail when the repository is on no known forge. */
  correctionsEmail?: string;
  forge: Forge;
};

/** Where the site is published. */
export type SiteAddress = {
  /** The public address without a trailing slash, e.g. `https://register.example.net`; absent in a preview. */
  siteUrl?: string;
  /** The path below it, always with a trailing slash, e.g. `/` or `/register/`. */
  basePath: string;
};

/** The site's home: its address and its repository. */
export type SiteHome = SiteAddress & { repository: RepositoryConfig };

type Env = Record<string, string | undefined>;
const processEnv: Env = globalThis.process?.env ?? {};

/** Tells the forge from a repository address: GitHub, GitLab, Forgejo/Gitea (incl. Codeberg), or none known. */
export function forgeOf(repositoryUrl: string | undefined): Forge {
  let host: string;
  try {
    host = new URL(repositoryUrl ?? "").hostname.toLowerCase();
  } catch {
    return "none";
  }
  if (host === "github.com") return "github";
  if (host === "gitlab.com" || host.includes("gitlab")) return "gitlab";
  if (host === "codeberg.org" || host.includes("forgejo") || host.includes("gitea")) return "forgejo";
  return "none";
}

/** Reads the repository settings from environment variables (see the top of this file). */
export function repositoryConfig(env: Env = processEnv): RepositoryConfig {
  const repositoryUrl =
    env.REGISTRY_REPOSITORY_URL?.trim()
      .replace(/\/+$/, "")
      .replace(/\.git$/, "") || undefined;
  return {
    repositoryUrl,
    branch: env.REGISTRY_BRANCH || "main",
    correctionsEmail: env.REGISTRY_CORRECTIONS_EMAIL || undefined,
    forge: forgeOf(repositoryUrl),
  };
}

/** Reads the site's address from environment variables; an address that is not http(s) counts as none. */
export function siteAddress(env: Env = processEnv): SiteAddress {
  let siteUrl: string | undefined;
  try {
    const url = new URL(env.SITE_URL?.trim() ?? "");
    if (url.protocol === "https:" || url.protocol === "http:") siteUrl = url.href.replace(/\/+$/, "");
  } catch {
    siteUrl = undefined;
  }
  return { siteUrl, basePath: `${(env.BASE_PATH || "/").replace(/\/+$/, "")}/`.replace(/^(?!\/)/, "/") };
}

/** Reads the whole home from environment variables. */
export function siteHomeConfig(env: Env = processEnv): SiteHome {
  return { ...siteAddress(env), repository: repositoryConfig(env) };
}

/** The home of this build. */
export const siteHome: SiteHome = siteHomeConfig();

/** The repository this build of the site links to. */
export const repository: RepositoryConfig = siteHome.repository;

/**
 * Whether this build is a preview: no public address is configured, so no absolute address can
 * be right. Pages then say so, and permalinks, citations, feeds and exports carry addresses
 * relative to the site's root instead of a made-up domain.
 */
export const isPreview: boolean = siteHome.siteUrl === undefined;

/** The warning a preview build prints. */
export const previewWarning =
  "PREVIEW BUILD: SITE_URL is not set, so the site has no public address. Pages show a preview notice and " +
  "permalinks, citations, feeds and exports use addresses relative to the site's root. Set SITE_URL " +
  "(and BASE_PATH, REGISTRY_REPOSITORY_URL) to publish.";

/**
 * The data folder every build step reads (validate, Astro, social cards): `data` unless
 * REGISTRY_DATA_DIR names another, e.g. a fixture registry for tests or a generated one for benchmarks.
 */
export const registryDataDir: string = processEnv.REGISTRY_DATA_DIR ?? "data";

/** Rows per page of the comparison table when REGISTRY_TABLE_PAGE_SIZE does not say otherwise. */
export const defaultTablePageSize = 250;

/**
 * Rows per page of the comparison table: REGISTRY_TABLE_PAGE_SIZE, a whole number of at least 1,
 * or the default. Anything else stops the build, so a typo never publishes an unexpected table.
 */
export function tablePageSizeConfig(env: Env = processEnv): number {
  const text = env.REGISTRY_TABLE_PAGE_SIZE?.trim();
  if (!text) return defaultTablePageSize;
  if (!/^[1-9][0-9]*$/.test(text))
    throw new Error(`REGISTRY_TABLE_PAGE_SIZE must be a whole number of at least 1, not ${JSON.stringify(text)}`);
  return Number(text);
}

/** Rows per page of the comparison table, and of each reach class's full list, in this build. */
export const tablePageSize: number = tablePageSizeConfig();

/**
 * Cards per level of a country on the overview page. The overview then grows with the number of
 * countries, not of records; the country's level lists and the comparison table list every deployment.
 */
export const overviewCardsPerLevel = 40;

/**
 * Rows per level on a country's page: at most 40, and never more than a page of the table. The
 * page then grows with the number of levels, not of records; each level's list
 * (`/de/countries/de/national/`, in pages of `tablePageSize`) names every deployment of it.
 */
export const countryRowsPerLevel: number = Math.min(40, tablePageSize);

/**
 * How much of the registry the who-can-reach-whom page draws and names, so it grows with the
 * number of networks and classes, not of records: the largest `networks` networks, and in each
 * network box, class band or list at most `namesPerGroup` deployments. Each class has its own
 * pages (`/de/reach/island/`, …) that list every deployment of it. An entry page names at most
 * `peersPerEntry` of the other deployments in its group, so it does not grow with the group.
 */
export const reachPageLimits = { networks: 12, namesPerGroup: 40, peersPerEntry: 12 } as const;
