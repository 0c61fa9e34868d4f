/**
 * A small multinomial logistic regression: the one learning method the engine ships. The
 * labelled development stories (eval/data/synthesis/*.json) give a few hundred examples per
 * task, so a linear model over named, readable features is as much as the data supports, and its
 * weights stay a reviewable JSON file under resources/models/ rather than opaque numbers.
 *
 * Training is full-batch gradient descent with L2 regularisation and no randomness: the same
 * examples always give the same weights, so a test can retrain and compare with the shipped file.
 */

/** Named feature values of one example; absent features are 0. */
export type Features = Readonly<Record<string, number>>;

export interface Example<L extends string = string> {
  readonly features: Features;
  readonly label: L;
  /** Counts the example this many times (class balancing, duplicates); 1 when absent. */
  readonly weight?: number;
}

/** A trained model as stored on disk: one weight row per class, bias under the empty name. */
export interface LogisticModel<L extends string = string> {
  readonly classes: readonly L[];
  readonly weights: Readonly<Record<L, Readonly<Record<string, number>>>>;
}

export interface TrainOptions {
  /** L2 penalty on every weight except the bias (per example, so it does not grow with the data). */
  readonly l2?: number;
  readonly iterations?: number;
  readonly learningRate?: number;
  /** Weights whose magnitude ends below this are dropped from the stored model. */
  readonly prune?: number;
}

const BIAS = '';

/** Class probabilities for one example, in the order of `model.classes`. */
export function probabilities<L extends string>(model: LogisticModel<L>, features: Features): number[] {
  const scores = model.classes.map((c) => {
    const row = model.weights[c];
    let s = row[BIAS] ?? 0;
    for (const name in features) {
      const w = row[name];
      if (w !== undefined) s += w * features[name]!;
    }
    return s;
  });
  return softmax(scores);
}

/** The most probable class and its probability. */
export function predict<L extends string>(model: LogisticModel<L>, features: Features): { label: L; probability: number } {
  const p = probabilities(model, features);
  let best = 0;
  for (let i = 1; i < p.length; i++) if (p[i]! > p[best]!) best = i;
  return { label: model.classes[best]!, probability: p[best]! };
}

/** Fits a model to `examples`. `classes` fixes the class order (default: sorted labels). */
export function train<L extends string>(examples: readonly Example<L>[], options: TrainOptions = {}, classes?: readonly L[]): LogisticModel<L> {
  if (examples.length === 0) throw new Error('train: no examples');
  const { l2 = 0.01, iterations = 400, learningRate = 0.5, prune = 1e-4 } = options;
  const labels = classes ?? [...new Set(examples.map((e) => e.label))].sort();
  const names = [BIAS, ...[...new Set(examples.flatMap((e) => Object.keys(e.features)))].sort()];
  const index = new Map(names.map((n, i) => [n, i]));
  const rows = examples.map((e) => {
    const cols: number[] = [0];
    const vals: number[] = [1];
    for (const [n, v] of Object.entries(e.features)) if (v !== 0) { cols.push(index.get(n)!); vals.push(v); }
    const y = labels.indexOf(e.label);
    if (y < 0) throw new Error(`train: label "${e.label}" is not among the classes ${labels.join(', ')}`);
    return { cols, vals, y, weight: e.weight ?? 1 };
  });
  const total = rows.reduce((s, r) => s + r.weight, 0);
  const k = labels.length;
  const d = names.length;
  const w = new Float64Array(k * d);
  const grad = new Float64Array(k * d);
  // Adagrad-scaled steps: sparse indicator features occur at very different rates, and a single
  // global step either crawls on the rare ones or oscillates on the bias.
  const history = new Float64Array(k * d);
  for (let it = 0; it < iterations; it++) {
    grad.fill(0);
    for (const r of rows) {
      const scores = new Array<number>(k).fill(0);
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let j = 0; j < r.cols.length; j++) s += w[c * d + r.cols[j]!]! * r.vals[j]!;
        scores[c] = s;
      }
      const p = softmax(scores);
      for (let c = 0; c < k; c++) {
        const err = (p[c]! - (c === r.y ? 1 : 0)) * r.weight;
        for (let j = 0; j < r.cols.length; j++) grad[c * d + r.cols[j]!] += err * r.vals[j]!;
      }
    }
    for (let i = 0; i < w.length; i++) {
      const g = grad[i]! / total + (i % d === 0 ? 0 : l2 * w[i]!);
      history[i] += g * g;
      w[i] -= (learningRate * g) / (Math.sqrt(history[i]!) + 1e-8);
    }
  }
  const weights = {} as Record<L, Record<string, number>>;
  labels.forEach((c, ci) => {
    const row: Record<string, number> = {};
    names.forEach((n, j) => {
      const v = w[ci * d + j]!;
      if (j === 0 || Math.abs(v) >= prune) row[n] = Math.round(v * 1e6) / 1e6;
    });
    weights[c] = row;
  });
  return { classes: labels, weights };
}

/** Rejects a stored model that does not have the shape `train` writes; `what` names the file. */
export function checkModel<L extends string>(value: unknown, what: string): LogisticModel<L> {
  const m = value as { classes?: unknown; weights?: Record<string, unknown> } | null;
  const ok = !!m && Array.isArray(m.classes) && m.classes.length >= 2 && typeof m.weights === 'object' && m.weights !== null &&
    m.classes.every((c) => typeof c === 'string' && typeof m.weights![c] === 'object' && m.weights![c] !== null &&
      Object.values(m.weights![c] as Record<string, unknown>).every((v) => typeof v === 'number' && Number.isFinite(v)));
  if (!ok) throw new Error(`${what}: not a logistic model (classes and one numeric weight row per class expected)`);
  return value as LogisticModel<L>;
}

function softmax(scores: readonly number[]): number[] {
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/**
 * Leave-one-group-out: for every group (a topic of the development data), trains on the other
 * groups' examples and returns the held-out examples with their predictions. The figure this
 * yields is the honest one for data a model has not seen; training on all groups is only for the
 * shipped weights.
 */
export function leaveOneGroupOut<L extends string>(
  examples: readonly (Example<L> & { readonly group: string })[],
  options: TrainOptions = {},
  classes?: readonly L[],
): { group: string; example: Example<L>; predicted: L; probability: number }[] {
  const groups = [...new Set(examples.map((e) => e.group))].sort();
  const labels = classes ?? [...new Set(examples.map((e) => e.label))].sort();
  return groups.flatMap((g) => {
    const model = train(examples.filter((e) => e.group !== g), options, labels);
    return examples.filter((e) => e.group === g).map((example) => {
      const { label, probability } = predict(model, example.features);
      return { group: g, example, predicted: label, probability };
    });
  });
}
