import type { EcrImage, Repository } from '../ecr/state.ts'
import type { Role } from '../iam/state.ts'
import type { World } from '../world.ts'

/** IAM and ECR relations the diagram, the inspector and ECS's own checks share. */

/** Who may assume a role: the principals of its trust policy (stored URL-encoded, as IAM returns it). */
export function trustedPrincipals(role: Pick<Role, 'AssumeRolePolicyDocument'>): string[] {
  try {
    const doc = JSON.parse(decodeURIComponent(role.AssumeRolePolicyDocument)) as {
      Statement?: { Principal?: { Service?: string | string[]; AWS?: string | string[] } }[] | { Principal?: { Service?: string | string[]; AWS?: string | string[] } }
    }
    const statements = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : []
    return statements.flatMap((s) => [s.Principal?.Service ?? [], s.Principal?.AWS ?? []].flat())
  } catch {
    return []
  }
}

/** A role by name (the world's key) or ARN. */
export const roleNamed = (world: Readonly<World>, nameOrArn: string): Role | undefined =>
  (Object.hasOwn(world.iam.roles, nameOrArn) ? world.iam.roles[nameOrArn] : undefined) ?? Object.values(world.iam.roles).find((r) => r.Arn === nameOrArn)

/** A repository by name (the world's key) or ARN. */
export const repositoryNamed = (world: Readonly<World>, nameOrArn: string): Repository | undefined =>
  (Object.hasOwn(world.ecr.repositories, nameOrArn) ? world.ecr.repositories[nameOrArn] : undefined) ??
  Object.values(world.ecr.repositories).find((r) => r.repositoryArn === nameOrArn)

/** The images pushed to a repository (describe-images). */
export const imagesOfRepository = (world: Readonly<World>, repositoryName: string): EcrImage[] =>
  world.ecr.images.filter((img) => img.repositoryName === repositoryName)
