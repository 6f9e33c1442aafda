/**
 * The task sizes Fargate runs: each task-level cpu (units) with the memory values (MiB) allowed with it.
 * Source: https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
 * (fidelity §2.5). 8 and 16 vCPU need platform version 1.4.0 or later, which is what LATEST is.
 */
const range = (from: number, to: number, step: number): number[] => {
  const out: number[] = []
  for (let m = from; m <= to; m += step) out.push(m)
  return out
}

export const FARGATE_SIZES: Readonly<Record<number, readonly number[]>> = {
  256: [512, 1024, 2048],
  512: [1024, 2048, 3072, 4096],
  1024: range(2048, 8192, 1024),
  2048: range(4096, 16384, 1024),
  4096: range(8192, 30720, 1024),
  8192: range(16384, 61440, 4096),
  16384: range(32768, 122880, 8192),
}

export const isFargateSize = (cpu: number, memory: number): boolean => FARGATE_SIZES[cpu]?.includes(memory) ?? false

/**
 * Task cpu as ECS accepts it at register time: CPU units (`"512"`) or vCPUs (`"0.5 vCPU"`, `"1 vcpu"`), stored as
 * units. Grammar: `units := digits` | `vcpus := number ws? ("vCPU"|"vcpu", any case)`, number := digits? ("." digits)?
 * (`.5vCPU` as the course notes write it is read like `0.5 vCPU`). Undefined when it is neither.
 */
export function parseTaskCpu(value: string): number | undefined {
  const v = value.trim()
  if (/^\d+$/.test(v)) return Number(v)
  const m = /^(\d*\.?\d+)\s*vcpu$/i.exec(v)
  return m ? Math.round(Number(m[1]) * 1024) : undefined
}

/** Task memory: MiB (`"1024"`) or GB (`"1 GB"`, `"1GB"`, `"0.5GB"`), stored as MiB (fidelity §2.5). */
export function parseTaskMemory(value: string): number | undefined {
  const v = value.trim()
  if (/^\d+$/.test(v)) return Number(v)
  const m = /^(\d*\.?\d+)\s*gb$/i.exec(v)
  return m ? Math.round(Number(m[1]) * 1024) : undefined
}
