/**
 * Where the registry's repository lives: the one place it is configured. Correction links,
 * "edit this record" links and the issue forms all point there.
 *
 * Set at build time from the environment:
 *   REGISTRY_REPOSITORY_URL     web address of the repository, e.g. https://codeberg.org/owner/register
 *                               (the default is a placeholder: set it for any real deployment)
 *   REGISTRY_BRANCH             branch that edit links open (default: main)
 *   REGISTRY_CORRECTIONS_EMAIL  address for corrections when the repository is on no known forge
 */

/** The kind of code forge a repository is hosted on, which decides how its links are built. */
export type Forge = "github" | "gitlab" | "forgejo" | "none";

/** The repository the site's contributor links point to. */
export type RepositoryConfig = {
  /** Web address of the repository, without a trailing slash or `.git`. */
  repositoryUrl: string;
  /** Branch that "edit this record" links open. */
  branch: string;
  /** Where corrections go by mail when the repository is on no known forge. */
  correctionsEmail?: string;
  forge: Forge;
};

/** Placeholder used when REGISTRY_REPOSITORY_URL is not set. */
export const defaultRepositoryUrl = "https://github.com/behoerden-messenger/register";

/** Tells the forge from a repository address: GitHub, GitLab, Forgejo/Gitea (incl. Codeberg), or none known. */
export function forgeOf(repositoryUrl: string): Forge {
  let host: string;
  try {
    host = new URL(repositoryUrl).hostname.toLowerCase();
  } catch {
    return "none";
  }
  if (host === "github.com") return "github";
  if (host === "gitlab.com" || host.includes("gitlab")) return "gitlab";
  if (host === "codeberg.org" || host.includes("forgejo") || host.includes("gitea")) return "forgejo";
  return "none";
}

/** Reads the repository settings from environment variables (see the top of this file). */
export function repositoryConfig(env: Record<string, string | undefined> = process.env): RepositoryConfig {
  const repositoryUrl = (env.REGISTRY_REPOSITORY_URL || defaultRepositoryUrl)
    .trim()
    .replace(/\/+$/, "")
    .replace(/\.git$/, "");
  return {
    repositoryUrl,
    branch: env.REGISTRY_BRANCH || "main",
    correctionsEmail: env.REGISTRY_CORRECTIONS_EMAIL || undefined,
    forge: forgeOf(repositoryUrl),
  };
}

/** The repository this build of the site links to. */
export const repository: RepositoryConfig = repositoryConfig();

/**
 * The data folder every build step reads (validate, Astro, social cards): `data` unless
 * REGISTRY_DATA_DIR names another, e.g. a fixture registry for tests or a generated one for benchmarks.
 */
export const registryDataDir: string = globalThis.process?.env?.REGISTRY_DATA_DIR ?? "data";
