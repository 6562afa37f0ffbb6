/**
 * The network's force-directed layout, computed to the end in one go so the
 * chart is drawn once with fixed positions (layout "none") instead of being
 * redrawn at every step of an animated layout. It runs in a Web Worker
 * (layout-worker.ts), off the page's main thread: at the full synthetic
 * dataset's scale the animated ECharts layout kept the main thread busy in
 * tasks of up to a second and redrew ~900 elements per step for seconds.
 *
 * The model is ECharts' own force layout (its forceHelper): springs along
 * the edges, heavier edges shorter; gravity towards the centre; repulsion
 * between every two nodes; the velocity damped by a friction that shrinks by
 * 0.8 % a step until it falls below 0.01 (about 500 steps), so the picture
 * is the one the chart drew before. Repulsion is exact up to
 * EXACT_REPULSION_NODES nodes and a Barnes-Hut approximation beyond
 * (a quadtree, O(n log n) a step), since `maxEdges` may ask for thousands.
 * Starting positions come from a seeded generator: the same network gives
 * the same picture each time it is opened.
 */

export interface LayoutInput {
  /** Node count; nodes are 0 … n-1. */
  nodeCount: number;
  /** Pairs of node indexes, two entries an edge. */
  edges: Int32Array;
  /** An edge's weight, one entry an edge (heavier: shorter spring). */
  weights: Float64Array;
  width: number;
  height: number;
  /** The repulsion between two nodes (ECharts' `force.repulsion`). */
  repulsion: number;
  /** Spring lengths of the lightest and the heaviest edge (ECharts' `force.edgeLength`). */
  edgeLength: [number, number];
  /** ECharts' `force.gravity`. */
  gravity: number;
  seed?: number;
  /** Exact repulsion up to this many nodes, Barnes-Hut beyond (default EXACT_REPULSION_NODES). */
  exactRepulsionUpTo?: number;
}

/** x, y of node i at 2i, 2i+1. */
export type LayoutPositions = Float64Array;

export const EXACT_REPULSION_NODES = 400;
/** Barnes-Hut opening criterion: a cell whose size is below θ times its distance counts as one body. */
const THETA = 0.8;
const INITIAL_FRICTION = 0.6;
const FRICTION_DECAY = 0.992;
const FINAL_FRICTION = 0.01;

/** The number of steps the layout takes (the same as ECharts': friction from 0.6 down past 0.01). */
export const LAYOUT_STEPS = Math.ceil(Math.log(FINAL_FRICTION / INITIAL_FRICTION) / Math.log(FRICTION_DECAY));

function random(seed: number): () => number {
  // mulberry32
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function forceLayout(input: LayoutInput): LayoutPositions {
  const n = input.nodeCount;
  const edgeCount = input.weights.length;
  const { width, height, gravity } = input;
  const cx = width / 2;
  const cy = height / 2;
  const next = random(input.seed ?? 1);
  const p = new Float64Array(2 * n);
  const pp = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    p[2 * i] = width * (next() - 0.5) + cx;
    p[2 * i + 1] = height * (next() - 0.5) + cy;
  }
  pp.set(p);
  // Every node repels with the same strength (the chart gives one repulsion, not a range), so each
  // node's weight in the springs is the same too: w = 1/2 for both ends, as ECharts computes it.
  const rep = input.repulsion;
  let lightest = Infinity;
  let heaviest = -Infinity;
  for (let e = 0; e < edgeCount; e++) {
    lightest = Math.min(lightest, input.weights[e]!);
    heaviest = Math.max(heaviest, input.weights[e]!);
  }
  // ECharts maps the heaviest edge to the shortest length.
  const [shortest, longest] = [input.edgeLength[0], input.edgeLength[1]];
  const springLength = new Float64Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    springLength[e] = heaviest === lightest ? (shortest + longest) / 2 : longest + ((input.weights[e]! - lightest) / (heaviest - lightest)) * (shortest - longest);
  }
  const tree = n > (input.exactRepulsionUpTo ?? EXACT_REPULSION_NODES) ? new QuadTree(n) : undefined;

  let friction = INITIAL_FRICTION;
  for (let step = 0; step < LAYOUT_STEPS; step++) {
    // Springs.
    for (let e = 0; e < edgeCount; e++) {
      const a = input.edges[2 * e]!;
      const b = input.edges[2 * e + 1]!;
      let dx = p[2 * b]! - p[2 * a]!;
      let dy = p[2 * b + 1]! - p[2 * a + 1]!;
      const length = Math.sqrt(dx * dx + dy * dy);
      const stretch = length - springLength[e]!;
      if (length > 0) {
        dx /= length;
        dy /= length;
      }
      const move = 0.5 * stretch * friction;
      p[2 * a] += dx * move;
      p[2 * a + 1] += dy * move;
      p[2 * b] -= dx * move;
      p[2 * b + 1] -= dy * move;
    }
    // Gravity.
    for (let i = 0; i < n; i++) {
      p[2 * i] += (cx - p[2 * i]!) * gravity * friction;
      p[2 * i + 1] += (cy - p[2 * i + 1]!) * gravity * friction;
    }
    // Repulsion, into the previous positions (so that p - pp is the velocity).
    if (tree) {
      tree.build(p);
      for (let i = 0; i < n; i++) tree.repel(i, p, pp, rep, next);
    } else {
      for (let i = 0; i < n; i++) {
        const xi = p[2 * i]!;
        const yi = p[2 * i + 1]!;
        let fx = 0;
        let fy = 0;
        for (let j = i + 1; j < n; j++) {
          let dx = p[2 * j]! - xi;
          let dy = p[2 * j + 1]! - yi;
          let d2 = dx * dx + dy * dy;
          if (d2 === 0) {
            dx = next() - 0.5;
            dy = next() - 0.5;
            d2 = 1;
          }
          const factor = (2 * rep) / d2;
          fx += dx * factor;
          fy += dy * factor;
          pp[2 * j] -= dx * factor;
          pp[2 * j + 1] -= dy * factor;
        }
        pp[2 * i] += fx;
        pp[2 * i + 1] += fy;
      }
    }
    for (let k = 0; k < 2 * n; k++) {
      p[k] += (p[k]! - pp[k]!) * friction;
      pp[k] = p[k]!;
    }
    friction *= FRICTION_DECAY;
  }
  return p;
}

/**
 * A point quadtree over the nodes, rebuilt every step, each cell with its
 * node count and centre of mass: far cells repel as one body.
 */
class QuadTree {
  // Cells: bounds (x, y, size), mass, centre of mass, first child (-1: a leaf), the node in a leaf (-1: none).
  private x = new Float64Array(0);
  private y = new Float64Array(0);
  private size = new Float64Array(0);
  private mass = new Float64Array(0);
  private mx = new Float64Array(0);
  private my = new Float64Array(0);
  private child = new Int32Array(0);
  private body = new Int32Array(0);
  private cells = 0;
  private readonly stack: Int32Array;

  constructor(private readonly n: number) {
    this.grow(4 * n + 16);
    this.stack = new Int32Array(4 * 64 + 16);
  }

  private grow(capacity: number): void {
    const copy = <T extends Float64Array | Int32Array>(old: T, make: (length: number) => T) => {
      const fresh = make(capacity);
      fresh.set(old);
      return fresh;
    };
    this.x = copy(this.x, (l) => new Float64Array(l));
    this.y = copy(this.y, (l) => new Float64Array(l));
    this.size = copy(this.size, (l) => new Float64Array(l));
    this.mass = copy(this.mass, (l) => new Float64Array(l));
    this.mx = copy(this.mx, (l) => new Float64Array(l));
    this.my = copy(this.my, (l) => new Float64Array(l));
    this.child = copy(this.child, (l) => new Int32Array(l));
    this.body = copy(this.body, (l) => new Int32Array(l));
  }

  private cell(x: number, y: number, size: number): number {
    if (this.cells + 1 > this.child.length) this.grow(2 * this.child.length);
    const c = this.cells++;
    this.x[c] = x;
    this.y[c] = y;
    this.size[c] = size;
    this.mass[c] = 0;
    this.mx[c] = 0;
    this.my[c] = 0;
    this.child[c] = -1;
    this.body[c] = -1;
    return c;
  }

  build(p: Float64Array): void {
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (let i = 0; i < this.n; i++) {
      minX = Math.min(minX, p[2 * i]!);
      maxX = Math.max(maxX, p[2 * i]!);
      minY = Math.min(minY, p[2 * i + 1]!);
      maxY = Math.max(maxY, p[2 * i + 1]!);
    }
    this.cells = 0;
    this.cell(minX, minY, Math.max(maxX - minX, maxY - minY, 1e-6) * 1.0001);
    for (let i = 0; i < this.n; i++) this.insert(i, p);
  }

  private insert(i: number, p: Float64Array): void {
    const px = p[2 * i]!;
    const py = p[2 * i + 1]!;
    let c = 0;
    for (let depth = 0; ; depth++) {
      // Every cell on the way down counts the node.
      const m = this.mass[c]!;
      this.mx[c] = (this.mx[c]! * m + px) / (m + 1);
      this.my[c] = (this.my[c]! * m + py) / (m + 1);
      this.mass[c] = m + 1;
      if (this.child[c] === -1) {
        if (this.body[c] === -1 && m === 0) {
          this.body[c] = i;
          return;
        }
        // Two nodes at (nearly) the same point: keep them together in one leaf.
        if (depth > 48) return;
        this.split(c);
        const resident = this.body[c]!;
        this.body[c] = -1;
        if (resident >= 0) this.place(resident, p, this.quadrant(c, p[2 * resident]!, p[2 * resident + 1]!));
      }
      c = this.quadrant(c, px, py);
    }
  }

  /** A resident moved down into a fresh child: only its own cell counts it (the parents already did). */
  private place(i: number, p: Float64Array, c: number): void {
    this.mass[c] = 1;
    this.mx[c] = p[2 * i]!;
    this.my[c] = p[2 * i + 1]!;
    this.body[c] = i;
  }

  private split(c: number): void {
    const half = this.size[c]! / 2;
    const first = this.cell(this.x[c]!, this.y[c]!, half);
    this.cell(this.x[c]! + half, this.y[c]!, half);
    this.cell(this.x[c]!, this.y[c]! + half, half);
    this.cell(this.x[c]! + half, this.y[c]! + half, half);
    this.child[c] = first;
  }

  private quadrant(c: number, px: number, py: number): number {
    const half = this.size[c]! / 2;
    return this.child[c]! + (px >= this.x[c]! + half ? 1 : 0) + (py >= this.y[c]! + half ? 2 : 0);
  }

  /** Node i's repulsion from all others, added to its previous position as the exact loop does. */
  repel(i: number, p: Float64Array, pp: Float64Array, rep: number, next: () => number): void {
    const px = p[2 * i]!;
    const py = p[2 * i + 1]!;
    let fx = 0;
    let fy = 0;
    let top = 0;
    let stack = this.stack;
    stack[top++] = 0;
    while (top > 0) {
      const c = stack[--top]!;
      const m = this.mass[c]!;
      if (m === 0 || this.body[c] === i) continue;
      let dx = this.mx[c]! - px;
      let dy = this.my[c]! - py;
      let d2 = dx * dx + dy * dy;
      const leaf = this.child[c] === -1;
      // A cell holding node i itself is always opened: i must not push itself.
      const size = this.size[c]!;
      const holdsI = px >= this.x[c]! && px < this.x[c]! + size && py >= this.y[c]! && py < this.y[c]! + size;
      if (leaf || (!holdsI && size * size < THETA * THETA * d2)) {
        if (d2 === 0) {
          dx = next() - 0.5;
          dy = next() - 0.5;
          d2 = 1;
        }
        // m bodies, each pushing with (rep + rep) / d² along the unnormalised offset, as in the exact loop.
        const factor = (2 * rep * m) / d2;
        fx += dx * factor;
        fy += dy * factor;
      } else {
        if (top + 4 > stack.length) {
          const bigger = new Int32Array(stack.length * 2);
          bigger.set(stack);
          stack = bigger;
        }
        const first = this.child[c]!;
        stack[top++] = first;
        stack[top++] = first + 1;
        stack[top++] = first + 2;
        stack[top++] = first + 3;
      }
    }
    pp[2 * i] += fx;
    pp[2 * i + 1] += fy;
  }
}
