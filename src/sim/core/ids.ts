import type { Rng } from './rng.ts'

/**
 * Resource IDs in AWS's formats, drawn from the seeded RNG (../shared/reference/aws-fidelity.md §3.1, §2.1, §4.1).
 */

/** EC2-style long ID: prefix + `-` + 17 lowercase hex, e.g. `vpc-0e9528fb53ae94ffc`. */
export const ec2Id = (rng: Rng, prefix: string): string => `${prefix}-0${rng.hex(16)}`

/** ECS task / container-instance ID: 32 lowercase hex. */
export const ecsTaskId = (rng: Rng): string => rng.hex(32)

/** ELBv2 ARN suffix: 16 lowercase hex. */
export const elbHex = (rng: Rng): string => rng.hex(16)

/** ECS deployment ID: `ecs-svc/` + 19 digits. */
export const deploymentId = (rng: Rng): string => `ecs-svc/${rng.digits(19)}`

export function arn(parts: { service: string; region: string; accountId: string; resource: string }): string {
  return `arn:aws:${parts.service}:${parts.region}:${parts.accountId}:${parts.resource}`
}
