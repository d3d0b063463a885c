/**
 * 10,000 paths x 480 months of a two-asset lognormal plan on one thread, and
 * the same model in vectorised numpy (mc_numpy.py, BLAS held to one thread)
 * timed in the same run. The model: 60/40 rebalanced monthly, 200,000 to
 * start, 1,500 a month for 20 years, then 60,000 a year in today's money at
 * 2.5 % inflation for 20 years.
 *
 * The time printed is the median wall clock of seven runs after three warm-up runs.
 * The ratio divides the median CPU times (process CPU of each side), which
 * other programs on a shared machine disturb far less than wall-clock times;
 * the wall-clock ratio is printed as a comment beside it.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compilePlan, createLognormalModel, parseGoal, simulateGoal } from '@kronos/goals';

const repeats = 7;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

const goal = parseGoal({
  type: 'retirement',
  id: 'bench',
  asOf: '2026-01-01',
  currentAssets: { kind: 'given', amount: '200000' },
  currentAge: 45,
  retirementAge: 65,
  lifeExpectancy: 85,
  annualSpending: '60000',
  contributions: [{ amount: '1500' }],
  inflation: { kind: 'fixed', ratePerYear: 0.025 },
});
const plan = compilePlan(goal, '200000');
const model = createLognormalModel({ driftPerYear: [0.07, 0.03], covariancePerYear: [[0.0324, 0.0018], [0.0018, 0.0036]] });
const run = (seed: number) => simulateGoal(plan, model, { seed, paths: 10_000, allocation: { kind: 'fixed', weights: [0.6, 0.4] } });

for (let w = 0; w < 3; w++) run(100 + w); // warm-up: let the JIT compile the hot loops
const wall: number[] = [];
const cpu: number[] = [];
let success = 0;
for (let r = 0; r < repeats; r++) {
  const start = performance.now();
  const cpuStart = cpuMs();
  success = run(r).success.probability;
  cpu.push(cpuMs() - cpuStart);
  wall.push(performance.now() - start);
}
console.log(`# goals: success probability ${success.toFixed(4)}; wall ${wall.map((t) => t.toFixed(1)).join(', ')} ms; cpu ${cpu.map((t) => t.toFixed(1)).join(', ')} ms`);
console.log(`bench goals mc_10k_paths_480_months ${median(wall).toFixed(1)} ms`);

const script = fileURLToPath(new URL('./mc_numpy.py', import.meta.url));
const python = spawnSync('python3', [script, String(repeats)], { encoding: 'utf8', env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' } });
if (python.status !== 0 || python.error) {
  console.log(`# numpy reference unavailable (python3 with numpy is needed): ratio skipped. ${python.error?.message ?? python.stderr.trim().split('\n').at(-1) ?? ''}`);
} else {
  const reference = JSON.parse(python.stdout.trim().split('\n').at(-1) as string) as { ms: number[]; cpuMs: number[]; success: number };
  console.log(`# numpy: success probability ${reference.success.toFixed(4)}; wall ${reference.ms.map((t) => t.toFixed(1)).join(', ')} ms; cpu ${reference.cpuMs.map((t) => t.toFixed(1)).join(', ')} ms`);
  console.log(`# wall-clock ratio ${(median(wall) / median(reference.ms)).toFixed(2)}`);
  console.log(`bench goals mc_vs_numpy ${(median(cpu) / median(reference.cpuMs)).toFixed(2)} ratio`);
}
