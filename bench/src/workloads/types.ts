/** A benchmark workload: builds its state once, then runs timed units of work. */
export interface Workload {
  /** What one unit is, for the table: `epoch (512 samples)`, `step`, `matmul`. */
  readonly unit: string;
  /** Samples processed per unit (for samples/s), or 0 when not meaningful. */
  readonly samplesPerUnit: number;
  /** Floating-point operations per unit (for GFLOP/s), or 0 when not counted. */
  readonly flopsPerUnit: number;
  /** Runs one unit; returns the final loss for epoch workloads (to check learning). */
  run(): Promise<number | undefined>;
  dispose(): void;
}

/** Options every workload accepts. */
export interface WorkloadSize {
  /** Number of training samples per epoch (reduced for slow baselines). */
  readonly samples: number;
}
