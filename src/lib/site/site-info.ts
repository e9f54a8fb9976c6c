/** Facts about the published registry that exports, citations and feeds state. */

/** Version of the export format; bumps when the shape of api/v1 changes incompatibly. */
export const apiVersion = "1";

/** Licence of the data, as stated in every export and on the site. */
export const dataLicence = {
  id: "CC-BY-4.0",
  name: "Creative Commons Attribution 4.0",
  url: "https://creativecommons.org/licenses/by/4.0/",
};

/** Licence of the code. */
export const codeLicence = { id: "EUPL-1.2", url: "https://spdx.org/licenses/EUPL-1.2.html" };
