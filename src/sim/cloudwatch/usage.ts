import type { ImageSpec } from '../runtime/index.ts'

/**
 * What each image's process costs at rest and per request: the data the metrics model (model.ts) turns into CPU,
 * memory and network. Figures are estimates for the sandbox, chosen to be in the order of magnitude one measures:
 * - python's `http.server` (the course's web app): one thread, about 1,500 small GET requests a second on one vCPU
 *   (≈ 0.7 ms of CPU each), 18–22 MiB resident at rest (`ps -o rss` of `python3 -m http.server`, CPython 3.11);
 * - nginx: master plus one worker ≈ 6 MiB at rest, ≈ 0.1 ms of CPU per small static request (nginx's own
 *   benchmarks report tens of thousands of requests a second per core);
 * - httpd (event MPM): ≈ 10 MiB at rest, ≈ 0.2 ms per request; busybox running `sleep`: under 1 MiB, no CPU.
 * CPU is in ECS CPU units (1,024 per vCPU, fidelity §5.1 `CpuUtilized`), memory in MiB, bytes per request on the wire.
 */
export interface ImageUsage {
  /** CPU units used with no traffic (the process's timers, the agent's sampling). */
  idleCpu: number
  /** CPU units per request per second (ms of CPU per request × 1.024). */
  cpuPerRps: number
  /** Resident memory at rest, MiB. */
  idleMemory: number
  /** Extra MiB per request per second in flight (buffers, the interpreter's allocations). */
  memoryPerRps: number
  /** Bytes received per request (request line, headers) and sent per response (headers and body). */
  rxBytesPerRequest: number
  txBytesPerRequest: number
  /** Service time of one request on an idle container, ms. */
  serviceMs: number
  /** Bytes the process reads and writes on its writable layer per minute at rest (logs, pyc files). */
  storageReadPerMinute: number
  storageWritePerMinute: number
}

export const IMAGE_USAGE: Readonly<Record<ImageSpec['app'], ImageUsage>> = {
  'python-webapp': { idleCpu: 0.4, cpuPerRps: 0.72, idleMemory: 20, memoryPerRps: 0.02, rxBytesPerRequest: 180, txBytesPerRequest: 420, serviceMs: 2, storageReadPerMinute: 0, storageWritePerMinute: 4096 },
  nginx: { idleCpu: 0.1, cpuPerRps: 0.1, idleMemory: 6, memoryPerRps: 0.005, rxBytesPerRequest: 180, txBytesPerRequest: 850, serviceMs: 0.5, storageReadPerMinute: 0, storageWritePerMinute: 2048 },
  httpd: { idleCpu: 0.2, cpuPerRps: 0.2, idleMemory: 10, memoryPerRps: 0.01, rxBytesPerRequest: 180, txBytesPerRequest: 400, serviceMs: 0.8, storageReadPerMinute: 0, storageWritePerMinute: 2048 },
  // The CloudWatch agent collecting each minute (estimate: a Go daemon sampling cgroups and /proc, ≈ 1% of a vCPU, ≈ 40 MiB resident).
  'cloudwatch-agent': { idleCpu: 10, cpuPerRps: 0, idleMemory: 40, memoryPerRps: 0, rxBytesPerRequest: 0, txBytesPerRequest: 0, serviceMs: 0, storageReadPerMinute: 0, storageWritePerMinute: 1024 },
  busybox: { idleCpu: 0, cpuPerRps: 0, idleMemory: 0.5, memoryPerRps: 0, rxBytesPerRequest: 0, txBytesPerRequest: 0, serviceMs: 0, storageReadPerMinute: 0, storageWritePerMinute: 0 },
}

/** An image the sandbox does not know (a pull that would fail never runs): treated as a quiet process. */
export const UNKNOWN_IMAGE_USAGE: ImageUsage = IMAGE_USAGE.busybox

/**
 * The ceiling a container's CPU meets when its task has no task-level CPU (EC2 launch type without `cpu`): the
 * container instance's whole CPU. The sandbox's instances are 2-vCPU types (t3.small/t3.medium-like): 2,048 units.
 */
export const INSTANCE_CPU_UNITS = 2048

/** Round trip from the learner's machine (CloudShell) to a load balancer in the Region, and the ALB's own time, ms. */
export const NETWORK_RTT_MS = 2
export const ALB_MS = 1
