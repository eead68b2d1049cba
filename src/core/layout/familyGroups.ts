import { portOffsets } from './assignPorts';
import type { LayoutDirection, LayoutGroup } from './layoutTypes';

/** Room inside a group's box: around its members, between two members, and the band its label sits in on top. */
const GROUP_PADDING = 10;
const GROUP_GAP = 12;
export const GROUP_LABEL_BAND = 22;

/** A box with its size (positions come later). */
interface Sized {
  width: number;
  height: number;
}

/** A family to draw as a group: its id, label and the indexes of its members among the drafts. */
export interface GroupPlan {
  id: string;
  label: string;
  members: number[];
}

/** What the layered layout sees: each node's size along and across the layers, and the slot each draft fills. */
export interface GroupedSlots {
  slots: Array<{ rankSize: number; crossSize: number }>;
  /** For each draft, the slot of the layered layout it is placed by (its own, or its group's). */
  slotOf: number[];
  /** For each plan, its slot. */
  groupSlot: number[];
}

/**
 * The drafts as the layered layout places them: each on its own, except the members of a group, which share one
 * slot as big as the group's box (members stacked across the layers, the label band on top), so they end up side
 * by side in one layer and nothing is placed between them.
 */
export function groupedSlots(drafts: readonly Sized[], plans: readonly GroupPlan[], direction: LayoutDirection): GroupedSlots {
  const slotOf = new Array<number>(drafts.length).fill(-1);
  const slots: GroupedSlots['slots'] = [];
  const inGroup = new Set(plans.flatMap((plan) => plan.members));
  drafts.forEach((draft, index) => {
    if (inGroup.has(index)) return;
    slotOf[index] = slots.length;
    slots.push(direction === 'LR' ? { rankSize: draft.width, crossSize: draft.height } : { rankSize: draft.height, crossSize: draft.width });
  });
  const groupSlot = plans.map((plan) => {
    const box = groupBoxSize(plan.members.map((member) => drafts[member]), direction);
    for (const member of plan.members) slotOf[member] = slots.length;
    slots.push(direction === 'LR' ? { rankSize: box.width, crossSize: box.height } : { rankSize: box.height, crossSize: box.width });
    return slots.length - 1;
  });
  return { slots, slotOf, groupSlot };
}

/** The size of a group's box around `members`: stacked top to bottom left to right, side by side top to bottom. */
function groupBoxSize(members: readonly Sized[], direction: LayoutDirection): Sized {
  const along = (size: (member: Sized) => number): number => members.reduce((sum, member) => sum + size(member), 0) + (members.length - 1) * GROUP_GAP;
  const widest = (size: (member: Sized) => number): number => Math.max(...members.map(size));
  return direction === 'LR'
    ? { width: widest((member) => member.width) + 2 * GROUP_PADDING, height: along((member) => member.height) + 2 * GROUP_PADDING + GROUP_LABEL_BAND }
    : { width: along((member) => member.width) + 2 * GROUP_PADDING, height: widest((member) => member.height) + 2 * GROUP_PADDING + GROUP_LABEL_BAND };
}

/**
 * Places each group's members in its box (centred at `centre`), in the order of where their neighbours are across
 * the layers (`neighbourCross` gives, per member, the cross positions of the nodes it has edges with), so their
 * edges cross as little as they can; returns the boxes. `nodes` are positioned in place.
 */
export function placeGroups(
  plans: readonly GroupPlan[],
  centres: ReadonlyArray<{ x: number; y: number }>,
  nodes: Array<Sized & { id: string; x: number; y: number }>,
  neighbourCross: (member: number) => number[],
  direction: LayoutDirection,
): LayoutGroup[] {
  return plans.map((plan, index) => {
    const size = groupBoxSize(plan.members.map((member) => nodes[member]), direction);
    const box = { x: centres[index].x - size.width / 2, y: centres[index].y - size.height / 2, ...size };
    const meanCross = (member: number): number => {
      const crosses = neighbourCross(member);
      return crosses.length === 0 ? Number.POSITIVE_INFINITY : crosses.reduce((sum, value) => sum + value, 0) / crosses.length;
    };
    const ordered = [...plan.members].sort((a, b) => meanCross(a) - meanCross(b) || a - b);
    let cursor = direction === 'LR' ? box.y + GROUP_LABEL_BAND + GROUP_PADDING : box.x + GROUP_PADDING;
    for (const member of ordered) {
      const node = nodes[member];
      if (direction === 'LR') {
        [node.x, node.y] = [centres[index].x - node.width / 2, cursor];
        cursor += node.height + GROUP_GAP;
      } else {
        [node.x, node.y] = [cursor, box.y + GROUP_LABEL_BAND + (box.height - GROUP_LABEL_BAND) / 2 - node.height / 2];
        cursor += node.width + GROUP_GAP;
      }
    }
    return { id: plan.id, label: plan.label, ...box, members: plan.members.map((member) => nodes[member].id) };
  });
}

/**
 * Moves the ends of edges routed to a group's box onto the sides of the members they belong to, each edge on a
 * port of its own, ordered by where the edge comes from so edges sharing a member do not cross at it.
 */
export function attachEdgesToMembers(
  routes: ReadonlyArray<{ source: number; target: number; points: Array<{ x: number; y: number }> }>,
  nodes: ReadonlyArray<Sized & { x: number; y: number }>,
  isMember: (node: number) => boolean,
  direction: LayoutDirection,
): void {
  const ends = new Map<string, Array<{ route: number; first: boolean }>>();
  routes.forEach((route, index) => {
    if (route.points.length < 2) return;
    if (isMember(route.source)) ends.set(`out:${route.source}`, [...(ends.get(`out:${route.source}`) ?? []), { route: index, first: true }]);
    if (isMember(route.target)) ends.set(`in:${route.target}`, [...(ends.get(`in:${route.target}`) ?? []), { route: index, first: false }]);
  });
  const cross = (point: { x: number; y: number }): number => (direction === 'LR' ? point.y : point.x);
  for (const [side, list] of ends) {
    const node = nodes[Number(side.slice(side.indexOf(':') + 1))];
    const leaving = side.startsWith('out');
    // Each end's neighbour along its edge decides its place on the side.
    const neighbour = (end: { route: number; first: boolean }): { x: number; y: number } => {
      const points = routes[end.route].points;
      return end.first ? points[1] : points[points.length - 2];
    };
    list.sort((a, b) => cross(neighbour(a)) - cross(neighbour(b)) || a.route - b.route);
    const offsets = portOffsets(list.length, direction === 'LR' ? node.height : node.width);
    list.forEach((end, position) => {
      const points = routes[end.route].points;
      const point =
        direction === 'LR'
          ? { x: leaving ? node.x + node.width : node.x, y: node.y + node.height / 2 + offsets[position] }
          : { x: node.x + node.width / 2 + offsets[position], y: leaving ? node.y + node.height : node.y };
      points[end.first ? 0 : points.length - 1] = point;
    });
  }
}
