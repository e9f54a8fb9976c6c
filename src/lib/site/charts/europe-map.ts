/**
 * The map of Europe, drawn at build time: country outlines from world-atlas (Natural Earth,
 * public domain) projected with d3-geo, each country with deployments shaded by a figure (the
 * number of deployments, or the share on an open protocol) and linked to its page. No tiles, no
 * runtime: the page gets finished SVG paths.
 */
import { geoAzimuthalEqualArea, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import countries from "i18n-iso-countries";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-50m.json" with { type: "json" };

/** One country on the map: its outline and, where it has deployments, its figures. */
export type MapRegion = {
  /** ISO 3166-1 alpha-2 code, e.g. DE. */
  code: string;
  path: string;
};

export const mapWidth = 560;
export const mapHeight = 520;

/** Europe as the map frames it, from Portugal to the Baltic (clockwise, as d3-geo reads a ring that encloses an area). */
const frame: Feature = {
  type: "Feature",
  properties: {},
  geometry: {
    type: "Polygon",
    coordinates: [
      [
        [-11, 35],
        [-11, 70],
        [30, 70],
        [30, 35],
        [-11, 35],
      ],
    ],
  },
};

let cached: MapRegion[] | undefined;

/** Every country's outline in the map's frame, keyed by its alpha-2 code (drawn once per build). */
export function europeRegions(): MapRegion[] {
  if (cached) return cached;
  const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
  const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry>;
  const projection = geoAzimuthalEqualArea()
    .rotate([-10, -52])
    .fitExtent(
      [
        [4, 4],
        [mapWidth - 4, mapHeight - 4],
      ],
      frame,
    )
    .clipExtent([
      [0, 0],
      [mapWidth, mapHeight],
    ]);
  const path = geoPath(projection).digits(1);
  cached = collection.features.flatMap((country) => {
    const code = countries.numericToAlpha2(String(country.id ?? ""));
    const d = path(country);
    return code && d ? [{ code, path: d }] : [];
  });
  return cached;
}

/** Which of `steps` classes a value falls into (0 = none): a value at or above steps[i] is in class i + 1. */
export function shadeClass(value: number, steps: readonly number[]): number {
  let shade = 0;
  steps.forEach((step, i) => {
    if (value >= step) shade = i + 1;
  });
  return shade;
}
