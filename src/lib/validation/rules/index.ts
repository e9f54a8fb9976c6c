/**
 * Every validator rule, in the order a file is read: its folder entry, its bytes, its YAML, the
 * record, and the registry as a whole. Each rule is one file beside this one, named after its id,
 * with one invalid fixture named after it in test/fixtures/invalid/; a test fails if one is missing.
 */
import type { Rule } from "../rule.ts";
import fileType from "./file-type.ts";
import fileExtension from "./file-extension.ts";
import fileSize from "./file-size.ts";
import utf8 from "./utf8.ts";
import noBom from "./no-bom.ts";
import fileName from "./file-name.ts";
import schemaComment from "./schema-comment.ts";
import yamlSyntax from "./yaml-syntax.ts";
import yamlDuplicateKey from "./yaml-duplicate-key.ts";
import yamlNoAnchors from "./yaml-no-anchors.ts";
import notEmpty from "./not-empty.ts";
import mapOfFields from "./map-of-fields.ts";
import schema from "./schema.ts";
import sourceIdUnique from "./source-id-unique.ts";
import sourceReference from "./source-reference.ts";
import sourceVia from "./source-via.ts";
import httpUrl from "./http-url.ts";
import statusOrder from "./status-order.ts";
import presumptionMarked from "./presumption-marked.ts";
import presumedBy from "./presumed-by.ts";
import claimPeriod from "./claim-period.ts";
import licenceSpdx from "./licence-spdx.ts";
import countryOrOrganisation from "./country-or-organisation.ts";
import regionInCountry from "./region-in-country.ts";
import dateOrAsOf from "./date-or-as-of.ts";
import supersededByStatus from "./superseded-by-status.ts";
import idUnique from "./id-unique.ts";
import aliasUnique from "./alias-unique.ts";
import referenceExists from "./reference-exists.ts";
import referenceCycle from "./reference-cycle.ts";

/** All rules the validator runs. */
export const rules: readonly Rule[] = [
  fileType,
  fileExtension,
  fileSize,
  utf8,
  noBom,
  fileName,
  schemaComment,
  yamlSyntax,
  yamlDuplicateKey,
  yamlNoAnchors,
  notEmpty,
  mapOfFields,
  schema,
  sourceIdUnique,
  sourceReference,
  sourceVia,
  httpUrl,
  statusOrder,
  presumptionMarked,
  presumedBy,
  claimPeriod,
  licenceSpdx,
  countryOrOrganisation,
  regionInCountry,
  dateOrAsOf,
  supersededByStatus,
  idUnique,
  aliasUnique,
  referenceExists,
  referenceCycle,
];
