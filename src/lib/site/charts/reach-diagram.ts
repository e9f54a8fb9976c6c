/**
 * The layout of the who-can-reach-whom diagram, computed at build time: each connected network
 * as a box whose members hang from a hub, then a band of tiles per remaining class (islands,
 * bridged, disputed, unknown). Each deployment is drawn at most once. So that the diagram grows
 * with the number of networks and classes, not of records, it draws the largest networks, one row
 * of members per network and at most so many dots per band (`reachPageLimits` in src/config.ts),
 * and says how many more there are; the component turns the shapes into SVG.
 */
import { reachPageLimits } from "../../../config.ts";
import type { Lang } from "../../../i18n/index.ts";
import { t } from "../../../i18n/index.ts";
import { headlineValue } from "../../model/derive.ts";
import type { ReachClass, ReachNetwork, ReachOverview } from "../../model/reach.ts";
import type { DeploymentEntry } from "../../model/registry-model.ts";

/** One deployment drawn as a dot with a label. */
export type DiagramNode = {
  id: string;
  x: number;
  y: number;
  label: string;
  /** Full name for the tooltip. */
  title: string;
  /** The product's protocol, which gives the dot its colour. */
  protocol: string;
  presumed: boolean;
  disputed: boolean;
};

/** A network's box, its hub and the lines from hub to members. */
export type DiagramNetwork = {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The heading, wrapped to the box's width. */
  titleLines: string[];
  hub: { x: number; y: number };
  lines: { x: number; y: number; disputed: boolean }[];
  /** Where the box says how many members it does not draw. */
  more?: DiagramMore;
};

/** "+ n more" in place of the dots a box or band does not draw. */
export type DiagramMore = { x: number; y: number; count: number };

/** A band of tiles for one class, with its heading. */
export type DiagramBand = {
  reachClass: ReachClass;
  title: string;
  x: number;
  y: number;
  width: number;
  more?: DiagramMore;
};

export type ReachDiagram = {
  width: number;
  height: number;
  networks: DiagramNetwork[];
  bands: DiagramBand[];
  nodes: DiagramNode[];
  /** The networks too small to be drawn, and how many deployments they have. */
  networksLeftOut?: { x: number; y: number; networks: number; deployments: number };
};

const margin = 12;
const tileWidth = 134;
const tileHeight = 58;
const bandHeading = 30;
const networkMemberWidth = 140;
const networkHeight = 128;
/** About how wide one character of a bold 14px heading is, in diagram units. */
const charWidth = 7.8;
const labelChars = 19;

/** Wraps a heading into lines of at most `chars` characters, breaking between words. */
function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(" ")) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= chars) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

/** Cuts a label to what fits under a dot, marking the cut. */
function shorten(text: string): string {
  return text.length <= labelChars ? text : `${text.slice(0, labelChars - 1).trimEnd()}…`;
}

/** The short label of a deployment: its system's (or product's) name and its jurisdiction. */
function nodeLabel(deployment: DeploymentEntry, lang: Lang): string {
  return shorten(`${deployment.systemName[lang]} (${deployment.jurisdiction})`);
}

/** The heading of a network's box. */
export function networkTitle(network: ReachNetwork, lang: Lang, deployments: Map<string, DeploymentEntry>): string {
  const dict = t(lang).reachPage;
  if (network.kind === "open")
    return dict.networkOpen(t(lang).label.protocol[network.name as "matrix"] ?? network.name!);
  if (network.name) return dict.networkGroup(network.name);
  const only = deployments.get(network.members[0] ?? network.disputedMembers[0]!);
  return dict.networkUnnamed(only?.systemName[lang] ?? network.key);
}

/** Lays out the diagram for the overview's networks and classes, `width` units wide (960 for screens, 400 for phones). */
export function reachDiagram(
  overview: ReachOverview,
  deployments: DeploymentEntry[],
  lang: Lang,
  width = 960,
  limits: { networks: number; namesPerGroup: number } = reachPageLimits,
): ReachDiagram {
  const byId = new Map(deployments.map((d) => [d.id, d]));
  const dict = t(lang).reachPage;
  const nodes: DiagramNode[] = [];
  const node = (id: string, x: number, y: number) => {
    const deployment = byId.get(id)!;
    const reach = overview.byId.get(id)!;
    nodes.push({
      id,
      x,
      y,
      label: nodeLabel(deployment, lang),
      title: deployment.displayName[lang],
      protocol: headlineValue(deployment.facts.protocol),
      presumed: reach.presumed,
      disputed: reach.class === "disputed",
    });
  };
  const placed = new Set<string>();

  // Networks flow left to right, wrapping into rows.
  const networks: DiagramNetwork[] = [];
  let x = margin;
  let y = margin;
  let rowHeight = 0;
  for (const network of overview.networks.slice(0, limits.networks)) {
    const allMembers = [...network.members, ...network.disputedMembers.filter((id) => !placed.has(id))];
    // One row of members per box: if they do not all fit, the last place says how many more there are.
    const fit = Math.min(limits.namesPerGroup, Math.floor((width - 2 * margin) / networkMemberWidth));
    const members = allMembers.length <= fit ? allMembers : allMembers.slice(0, Math.max(1, fit - 1));
    const notDrawn = allMembers.length - members.length;
    const title = networkTitle(network, lang, byId);
    // Wide enough for its members (and the count of those not drawn); the heading gets at most
    // half a row (wrapping onto a second line), so two small networks share a row.
    const slotsNeeded = members.length + (notDrawn > 0 ? 1 : 0);
    const membersWidth = Math.max(2, slotsNeeded) * networkMemberWidth;
    const halfRow = (width - 3 * margin) / 2;
    const boxWidth = Math.min(
      width - 2 * margin,
      Math.max(membersWidth, Math.min(halfRow, title.length * charWidth + 24)),
    );
    const titleLines = wrap(title, Math.floor((boxWidth - 20) / charWidth));
    const boxHeight = networkHeight + (titleLines.length - 1) * 18;
    const slots = boxWidth / networkMemberWidth;
    if (x + boxWidth > width - margin && x > margin) {
      x = margin;
      y += rowHeight + margin;
      rowHeight = 0;
    }
    const top = y + (titleLines.length - 1) * 18;
    const hub = { x: x + boxWidth / 2, y: top + 40 };
    const slotX = (i: number) => x + networkMemberWidth * (i + 0.5) + ((slots - slotsNeeded) * networkMemberWidth) / 2;
    const memberY = top + 86;
    const lines = members.map((id, i) => {
      node(id, slotX(i), memberY);
      placed.add(id);
      return { x: slotX(i), y: memberY, disputed: network.disputedMembers.includes(id) };
    });
    for (const id of allMembers) placed.add(id);
    networks.push({
      x,
      y,
      width: boxWidth,
      height: boxHeight,
      titleLines,
      hub,
      lines,
      more: notDrawn > 0 ? { x: slotX(members.length), y: memberY, count: notDrawn } : undefined,
    });
    rowHeight = Math.max(rowHeight, boxHeight);
    x += boxWidth + margin;
  }
  y += networks.length > 0 ? rowHeight + margin * 2 : 0;
  const leftOut = overview.networks.slice(limits.networks);
  let networksLeftOut: ReachDiagram["networksLeftOut"];
  if (leftOut.length > 0) {
    const members = new Set(leftOut.flatMap((network) => [...network.members, ...network.disputedMembers]));
    networksLeftOut = { x: margin, y: y + 4, networks: leftOut.length, deployments: members.size };
    for (const id of members) placed.add(id);
    y += bandHeading;
  }

  // Every deployment not drawn in a network gets a tile in its class's band.
  const bands: DiagramBand[] = [];
  const perRow = Math.floor((width - 2 * margin) / tileWidth);
  for (const reachClass of ["island", "bridged", "disputed", "unknown"] as const) {
    const ids = [...overview.byId.values()]
      .filter((reach) => reach.class === reachClass && !placed.has(reach.id))
      .map((reach) => reach.id)
      .sort((a, b) => byId.get(a)!.jurisdiction.localeCompare(byId.get(b)!.jurisdiction) || a.localeCompare(b));
    if (ids.length === 0) continue;
    const drawn = ids.slice(0, limits.namesPerGroup);
    const tiles = drawn.length + (drawn.length < ids.length ? 1 : 0);
    const tileX = (i: number) => margin + tileWidth * ((i % perRow) + 0.5);
    const tileY = (i: number) => y + bandHeading + 14 + tileHeight * Math.floor(i / perRow);
    bands.push({
      reachClass,
      title: `${dict.classes[reachClass]} (${ids.length})`,
      x: margin,
      y,
      width: width - 2 * margin,
      more:
        drawn.length < ids.length
          ? { x: tileX(drawn.length), y: tileY(drawn.length), count: ids.length - drawn.length }
          : undefined,
    });
    drawn.forEach((id, i) => {
      node(id, tileX(i), tileY(i));
      placed.add(id);
    });
    y += bandHeading + tileHeight * Math.ceil(tiles / perRow) + margin;
  }
  return { width, height: y, networks, bands, nodes, networksLeftOut };
}
