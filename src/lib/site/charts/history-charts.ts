/**
 * Charts from the status histories, laid out at build time: deployments started per year,
 * stacked by protocol. A deployment starts in the year of its first dated step; an undated
 * history (only "as of" sightings or no dates) is counted apart rather than guessed.
 */
import { headlineValue } from "../../model/derive.ts";
import type { DeploymentEntry } from "../../model/registry-model.ts";

/** The protocols the chart stacks, bottom to top. */
export const chartProtocols = ["matrix", "xmpp", "vendor", "unknown", "disputed"] as const;
export type ChartProtocol = (typeof chartProtocols)[number];

/** One year's bar: how many deployments started then, by protocol. */
export type YearBar = { year: number; byProtocol: Record<ChartProtocol, string[]>; total: number };

/** The year a deployment started: of its first step with a `date`, if any. */
export function startYear(deployment: DeploymentEntry): number | undefined {
  const dated = deployment.status.find((step) => step.date !== undefined);
  return dated ? Number(dated.date!.slice(0, 4)) : undefined;
}

/** Deployments started per year (every year from the first to the last, empty ones too), and the undated ones. */
export function startsPerYear(deployments: DeploymentEntry[]): { years: YearBar[]; undated: string[] } {
  const dated = deployments.flatMap((d) => {
    const year = startYear(d);
    return year === undefined ? [] : [{ d, year }];
  });
  const undated = deployments.filter((d) => startYear(d) === undefined).map((d) => d.id);
  if (dated.length === 0) return { years: [], undated };
  const first = Math.min(...dated.map((x) => x.year));
  const last = Math.max(...dated.map((x) => x.year));
  const years: YearBar[] = [];
  for (let year = first; year <= last; year += 1) {
    const byProtocol = Object.fromEntries(chartProtocols.map((p) => [p, [] as string[]])) as YearBar["byProtocol"];
    for (const { d } of dated.filter((x) => x.year === year)) {
      const protocol = headlineValue(d.facts.protocol) as ChartProtocol;
      byProtocol[chartProtocols.includes(protocol) ? protocol : "unknown"].push(d.id);
    }
    years.push({ year, byProtocol, total: chartProtocols.reduce((sum, p) => sum + byProtocol[p].length, 0) });
  }
  return { years, undated };
}

/** One stacked segment of a bar, in chart coordinates. */
export type BarSegment = {
  protocol: ChartProtocol;
  x: number;
  y: number;
  width: number;
  height: number;
  count: number;
};

/** Chart geometry: bars of segments, the y axis ticks and the x labels. */
export type BarChart = {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  segments: BarSegment[];
  ticks: { value: number; y: number }[];
  labels: { year: number; x: number }[];
};

/** Lays out the stacked bars of starts per year. */
export function startsChart(years: YearBar[]): BarChart {
  const width = 720;
  const height = 280;
  const plot = { left: 36, top: 12, right: width - 8, bottom: height - 28 };
  const max = Math.max(1, ...years.map((y) => y.total));
  const step = max <= 5 ? 1 : max <= 10 ? 2 : 5;
  const top = Math.ceil(max / step) * step;
  const y = (value: number) => plot.bottom - ((plot.bottom - plot.top) * value) / top;
  const slot = (plot.right - plot.left) / Math.max(1, years.length);
  const barWidth = Math.max(4, slot * 0.7);
  const segments: BarSegment[] = [];
  years.forEach((bar, i) => {
    let stacked = 0;
    const x = plot.left + slot * i + (slot - barWidth) / 2;
    for (const protocol of chartProtocols) {
      const count = bar.byProtocol[protocol].length;
      if (count === 0) continue;
      segments.push({
        protocol,
        x,
        y: y(stacked + count),
        width: barWidth,
        height: y(stacked) - y(stacked + count),
        count,
      });
      stacked += count;
    }
  });
  const ticks = [];
  for (let value = 0; value <= top; value += step) ticks.push({ value, y: y(value) });
  // Label every year where there is room, else every second or fifth.
  const every = slot >= 34 ? 1 : slot >= 17 ? 2 : 5;
  const labels = years
    .map((bar, i) => ({ year: bar.year, x: plot.left + slot * (i + 0.5) }))
    .filter((label) => label.year % every === 0 || every === 1);
  return { width, height, plot, segments, ticks, labels };
}
