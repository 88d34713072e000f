// One contender in its own process: opens it on a fresh database, runs every shape (after a warm-up that
// opens the pool's connections), prints one JSON line on stdout. Progress goes to stderr.
import { CONTENDERS } from './contenders/index.js';
import { runShape, shapeKey, type Shape, type ShapeResult } from './workload.js';

export interface ChildTask {
  contender: string;
  databaseUrl: string;
  shapes: Shape[];
  /** Events per shape, by shapeKey. */
  events: Record<string, number>;
  poolSize: number;
  seed: number;
}

export interface ChildResult {
  contender: string;
  label: string;
  results: Record<string, ShapeResult>;
}

async function main(task: ChildTask): Promise<ChildResult> {
  const load = CONTENDERS[task.contender];
  if (!load) throw new Error(`unknown contender ${task.contender}`);
  const contender = await load();
  const appender = await contender.open(task.databaseUrl, task.poolSize);
  const results: Record<string, ShapeResult> = {};
  try {
    for (const shape of task.shapes) {
      const key = shapeKey(shape);
      await runShape(appender, {
        shape,
        // Enough appends to open every connection and warm plan caches (the first shape runs on a new database).
        events: Math.max(200, shape.writers * 10) * shape.eventsPerAppend,
        streamPrefix: `warm${key}`,
        seed: task.seed + 1,
      });
      const result = await runShape(appender, {
        shape,
        events: task.events[key],
        streamPrefix: `run${key}`,
        seed: task.seed,
      });
      results[key] = result;
      process.stderr.write(
        `  ${contender.name.padEnd(8)} ${key.padEnd(6)} ${Math.round(result.eventsPerSecond)} ev/s, ` +
          `p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms\n`,
      );
    }
  } finally {
    await appender.close();
  }
  return { contender: contender.name, label: contender.label, results };
}

const task = JSON.parse(process.argv[2] ?? '{}') as ChildTask;
main(task).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(
      `${task.contender}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
