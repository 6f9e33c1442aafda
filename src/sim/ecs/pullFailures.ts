import { ownEntry } from '../core/index.ts'
import type { SimContext } from '../context.ts'
import { resolveImage } from '../runtime/index.ts'
import type { Task } from './state.ts'
import { eniDetail } from './attachments.ts'
import { efsMountFailure } from './taskVolumes.ts'
import { internetRoute } from '../views/network.ts'

/**
 * Why a task's images cannot be pulled, in the agent's words (fidelity §2.3), checked when the pull ends:
 * no route out (a Fargate ENI without a public IP and no NAT), an execution role that may not read ECR, or an image
 * that does not exist. Undefined when every image pulls.
 */
export interface PullFailure {
  image: string
  reason: string
}

const RETRIED = 'pull image manifest has been retried 5 time(s)'

/** The reference as containerd resolves it: `nginx` → `docker.io/library/nginx:latest`. */
function canonicalRef(ref: string): string {
  const slash = ref.indexOf('/')
  const first = slash >= 0 ? ref.slice(0, slash) : ''
  const hasRegistry = first.includes('.') || first.includes(':') || first === 'localhost'
  const named = hasRegistry ? ref : `docker.io/${slash >= 0 ? '' : 'library/'}${ref}`
  const lastPart = named.slice(named.lastIndexOf('/') + 1)
  return lastPart.includes(':') || named.includes('@') ? named : `${named}:latest`
}

const REFERENCE = /^[a-z0-9]+(?:[._\-/:@][a-zA-Z0-9]+)*$/

function hasEgress(ctx: SimContext, task: Task): boolean {
  // On EC2 the instance's Docker daemon pulls, on the instance's own network, whatever the task's network mode: an
  // awsvpc task's ENI (which never has a public IP on EC2) carries only the task's traffic (task-networking-awsvpc.html).
  if (task.containerInstanceArn !== undefined) return true
  const eniId = eniDetail(task, 'networkInterfaceId')
  if (!eniId) return true
  const eni = ctx.world.ec2.networkInterfaces[eniId]
  if (!eni || eni.PublicIp) return true
  return internetRoute(ctx.world, eni.SubnetId) === 'nat-gateway'
}

const ECR_POLICIES = ['AmazonECSTaskExecutionRolePolicy', 'AmazonEC2ContainerRegistryReadOnly', 'AmazonEC2ContainerRegistryPowerUser', 'AmazonEC2ContainerRegistryFullAccess']

export function pullFailure(ctx: SimContext, task: Task): PullFailure | undefined {
  const { world } = ctx
  const td = world.ecs.taskDefinitions[task.taskDefinitionArn]
  const taskId = task.taskArn.slice(task.taskArn.lastIndexOf('/') + 1)
  const efsFailure = efsMountFailure(world, task) // storage: EFS volumes mount before the images run (taskVolumes.ts)
  if (efsFailure) return efsFailure
  for (const c of task.containers) {
    const ecr = c.image.includes('.dkr.ecr.')
    if (!REFERENCE.test(c.image))
      return { image: c.image, reason: `CannotPullContainerError: failed to parse image reference "${c.image}": invalid reference format` } // runtime wording
    if (!hasEgress(ctx, task)) {
      if (ecr)
        return {
          image: c.image,
          reason: 'ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): RequestError: send request failed',
        }
      const path = canonicalRef(c.image).replace(/^docker\.io\//, '').replace(/:([^:/]+)$/, '/manifests/$1')
      return {
        image: c.image,
        // wording after containerd's dial errors (unverified for Fargate)
        reason: `CannotPullContainerError: ${RETRIED}: failed to do request: Head "https://registry-1.docker.io/v2/${path}": dial tcp 54.236.113.205:443: i/o timeout`,
      }
    }
    if (ecr) {
      const roleName = td?.executionRoleArn?.slice(td.executionRoleArn.lastIndexOf('/') + 1)
      const role = roleName ? ownEntry(world.iam.roles, roleName) : undefined
      if (role && !role.AttachedPolicyArns.some((p) => ECR_POLICIES.some((name) => p.endsWith(`/${name}`))))
        return {
          image: c.image,
          reason: `ResourceInitializationError: unable to pull secrets or registry auth: execution resource retrieval failed: unable to retrieve ecr registry auth: service call has been retried 3 time(s): AccessDeniedException: User: arn:aws:sts::${world.accountId}:assumed-role/${role.RoleName}/${taskId} is not authorized to perform: ecr:GetAuthorizationToken on resource: * because no identity-based policy allows the ecr:GetAuthorizationToken action`,
        }
    }
    if (!resolveImage(world, c.image)) {
      const ref = canonicalRef(c.image)
      const hubRepoExists = !ecr && resolveImage(world, ref.replace(/:[^:/]+$/, ':latest')) !== undefined
      const reason =
        ecr || hubRepoExists
          ? `CannotPullContainerError: ${RETRIED}: failed to resolve ref ${ref}: not found`
          : `CannotPullContainerError: ${RETRIED}: failed to resolve ref ${ref}: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
      return { image: c.image, reason }
    }
  }
  return undefined
}
