/**
 * The instance types the sandbox offers, as data. Each row: vCPUs, memory (MiB), the most network interfaces the type
 * takes, IPv4 addresses per interface, whether ECS can trunk ENIs on it, and its architecture.
 * Sources: ../shared/reference/aws-fidelity.md §3.5 (EC2 User Guide "Maximum IP addresses per network interface",
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-eni.html#AvailableIpPerENI; ECS Developer Guide
 * "Elastic network interface trunking", container-instance-eni.md: t2/t3 cannot trunk). m6i.large and c6g.large
 * follow the same pages (3 ENIs × 10 IPv4, trunking supported; c6g is Graviton, arm64).
 * Every type is offered in every Availability Zone of the sandbox: AWS does not offer every type in every AZ
 * (InsufficientInstanceCapacity / Unsupported), which the sandbox leaves out.
 */
export interface InstanceTypeFacts {
  vCpus: number
  memoryMiB: number
  maxEnis: number
  ipv4PerEni: number
  trunking: boolean
  architecture: 'x86_64' | 'arm64'
  burstable: boolean
  freeTier: boolean
}

const row = (vCpus: number, memoryMiB: number, maxEnis: number, ipv4PerEni: number, trunking: boolean, extra: Partial<InstanceTypeFacts> = {}): InstanceTypeFacts => ({
  vCpus, memoryMiB, maxEnis, ipv4PerEni, trunking, architecture: 'x86_64', burstable: false, freeTier: false, ...extra,
})

export const INSTANCE_TYPES: Readonly<Record<string, InstanceTypeFacts>> = {
  // RunInstances' default type ("Default: m1.small", EC2 API Reference); previous generation: 1 vCPU, 1.7 GiB, 2 ENIs × 4 IPv4.
  'm1.small': row(1, 1740, 2, 4, false),
  't2.micro': row(1, 1024, 2, 2, false, { burstable: true, freeTier: true }),
  't3.micro': row(2, 1024, 2, 2, false, { burstable: true, freeTier: true }),
  't3.small': row(2, 2048, 3, 4, false, { burstable: true }),
  't3.medium': row(2, 4096, 3, 6, false, { burstable: true }),
  't3.large': row(2, 8192, 3, 12, false, { burstable: true }),
  't3.xlarge': row(4, 16384, 4, 15, false, { burstable: true }),
  'm5.large': row(2, 8192, 3, 10, true),
  'm5.xlarge': row(4, 16384, 4, 15, true),
  'c5.large': row(2, 4096, 3, 10, true),
  'c5.xlarge': row(4, 8192, 4, 15, true),
  'r5.large': row(2, 16384, 3, 10, true),
  'm6i.large': row(2, 8192, 3, 10, true),
  'c6g.large': row(2, 4096, 3, 10, true, { architecture: 'arm64' }),
}

export const instanceTypeFacts = (type: string): InstanceTypeFacts | undefined =>
  Object.hasOwn(INSTANCE_TYPES, type) ? INSTANCE_TYPES[type] : undefined
