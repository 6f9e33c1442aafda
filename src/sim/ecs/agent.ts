import { ownEntry } from '../core/index.ts'
import type { SimContext, TimerHandler } from '../context.ts'
import { instanceHost, isRebooting, type InstanceHost } from '../ec2/index.ts'
import { trustedPrincipals } from '../views/accounts.ts'
import { clusterArnOf, DEFAULT_CLUSTER } from './clusters.ts'
import { wakeServices } from './containerInstanceOps.ts'
import { placeWaitingTasks } from './managedScaling.ts'
import { clusterOfContainerInstance, liveTasksOn, markInactive, registerContainerInstance, type AgentConfig } from './containerInstances.ts'
import type { AgentLogLine, EcsAgent, Task } from './state.ts'
import { containerExit } from './taskLifecycle.ts'
import { requestStop } from './tasks.ts'
import { TIMINGS } from './timings.ts'

/**
 * The ECS container agent on an EC2 instance. It runs when the instance's image starts it (the ECS-optimized AMIs) or
 * when the user data installs and enables it (`dnf install -y ecs-init` + `systemctl enable --now ecs`, as the course
 * notes do on plain Amazon Linux 2023). About a minute after the instance is running it reads `/etc/ecs/ecs.config`
 * (ECS_CLUSTER, default `default`: fidelity §2.9, §3.4) and registers a container instance — when the instance
 * profile's role lets it (AmazonEC2ContainerServiceforEC2Role or a policy that allows ecs:RegisterContainerInstance).
 * Otherwise it logs why and tries again later, as ecs-init restarts it. An empty ECS_CLUSTER creates `default`; a named
 * cluster that does not exist is not created (fidelity §7b). The agent disconnects when its instance stops, and its
 * tasks stop; a terminated instance's container instance is deregistered. A reboot (ec2/reboot.ts) kills the
 * containers and the agent with the OS; the agent connects again once the OS is up, as after a start.
 *
 * EC2 tells the agent about its instance's state through the `ecs.agent.host` timer (ec2/instance.ts).
 */
export const HOST_TIMER = 'ecs.agent.host'
export const START_TIMER = 'ecs.agent.start'

/** Managed policies that allow ecs:RegisterContainerInstance (AWS Managed Policy Reference). */
const REGISTER_POLICIES = new Set([
  'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role',
  'arn:aws:iam::aws:policy/AmazonECS_FullAccess',
  'arn:aws:iam::aws:policy/AdministratorAccess',
])

/** Whether the instance runs the agent: its image starts it, or its user data installs and enables it. */
export function runsAgent(host: InstanceHost): boolean {
  if (host.ecsAgent) return true
  const script = host.userData ?? ''
  return /\b(dnf|yum)\s+install\b[^\n]*\becs-init\b/.test(script) && /\bsystemctl\s+(enable\s+--now|start)\b[^\n]*\becs(\.service)?\b/.test(script)
}

/** ECS_CLUSTER and ECS_RESERVED_MEMORY as the user data writes them into /etc/ecs/ecs.config (the last one wins). */
export function agentConfig(userData: string | undefined): AgentConfig {
  let cluster = ''
  let reservedMemory = 0
  for (const m of (userData ?? '').matchAll(/\bECS_CLUSTER=["']?([A-Za-z0-9_-]*)/g)) cluster = m[1]
  for (const m of (userData ?? '').matchAll(/\bECS_RESERVED_MEMORY=["']?(\d+)/g)) reservedMemory = Number(m[1])
  return { cluster: cluster || DEFAULT_CLUSTER, reservedMemory }
}

/** The agent's log keeps its last lines only (the inspector shows the tail). */
const LOG_LIMIT = 50

function say(ctx: SimContext, agent: EcsAgent, level: AgentLogLine['level'], msg: string): void {
  agent.log.push({ at: ctx.now(), level, msg })
  if (agent.log.length > LOG_LIMIT) agent.log.splice(0, agent.log.length - LOG_LIMIT)
}


/** Timer: the instance's state changed (pending → running, stopping, shutting-down, terminated), or its OS rebooted. */
export const agentHost: TimerHandler = (ctx, payload) => {
  const instanceId = String(payload.instanceId)
  const { world } = ctx
  const instance = world.ec2.instances[instanceId]
  const agent = world.ecs.agents[instanceId]
  const state = instance?.State.Name
  const rebooting = state === 'running' && isRebooting(world, instanceId)
  if (state === 'running' && !rebooting) {
    if (agent?.state === 'registered' || agent?.state === 'starting') return
    // Read only here: working out the host decodes its user data, which no other state of the instance needs.
    const host = instanceHost(world, instanceId)
    if (!host || !runsAgent(host)) return
    const config = agentConfig(host.userData)
    const next: EcsAgent = agent ?? { instanceId, state: 'starting', cluster: config.cluster, log: [] }
    next.state = 'starting'
    next.cluster = config.cluster
    world.ecs.agents[instanceId] = next
    ctx.scheduler.schedule(ctx.now() + TIMINGS.agentStartMs, START_TIMER, { instanceId })
    return
  }
  if (!agent || agent.state === 'disconnected') return
  // Rebooting, stopping, shutting down or gone: the agent is no longer connected, and the instance's tasks stop with it.
  agent.state = 'disconnected'
  say(ctx, agent, 'warn', rebooting ? 'Instance is rebooting; the agent stops' : 'Instance is shutting down; the agent stops')
  const ci = agent.containerInstanceArn ? world.ecs.containerInstances[agent.containerInstanceArn] : undefined
  if (!ci) return
  ci.agentConnected = false
  ci.version++
  ctx.log(ci.containerInstanceArn, { kind: 'resource.modified', type: 'AWS::ECS::ContainerInstance', detail: `agent disconnected: ${instanceId} is ${rebooting ? 'rebooting' : (state ?? 'gone')}` })
  const verb = state === 'stopping' || state === 'stopped' ? 'stopped' : 'terminated'
  for (const t of liveTasksOn(world, ci.containerInstanceArn)) {
    if (rebooting) containersKilled(ctx, t)
    else requestStop(ctx, t, 'TerminationNotice', `Host EC2 (instance ${instanceId}) ${verb}`)
  }
  if (!rebooting && state !== 'stopping' && state !== 'stopped') {
    // A terminated instance's container instance is deregistered automatically (fidelity §7b).
    markInactive(ctx, ci, `instance ${instanceId} terminated`)
    delete agent.containerInstanceArn
  }
  wakeServices(ctx, clusterOfContainerInstance(world, ci))
}

/**
 * A reboot ends every process on the host: each running container exits as if killed (137 = 128 + SIGKILL), so its
 * task stops the way any essential container's exit stops it (taskLifecycle.ts); a task whose containers were not
 * running yet stops with the same reason. ECS learns of it when the agent reports it; the sandbox stops the tasks
 * when the reboot begins, so that nothing answers on their ports meanwhile. The exit code and the stoppedReason
 * for this case are the ordinary container-exit ones: wording unverified for a reboot.
 */
function containersKilled(ctx: SimContext, task: Task): void {
  for (const c of task.containers) if (c.lastStatus === 'RUNNING') containerExit(ctx, { taskArn: task.taskArn, containerName: c.name, exitCode: 137 })
  requestStop(ctx, task, 'EssentialContainerExited', 'Essential container in task exited')
}

/** Timer: the agent starts and registers (or reconnects, after a stop and start). */
export const agentStart: TimerHandler = (ctx, payload) => {
  const instanceId = String(payload.instanceId)
  const { world } = ctx
  const agent = world.ecs.agents[instanceId]
  const instance = world.ec2.instances[instanceId]
  const host = instanceHost(world, instanceId)
  if (!agent || !instance || !host || instance.State.Name !== 'running' || agent.state === 'registered' || agent.state === 'disconnected') return
  const retry = () => {
    agent.state = 'failing'
    ctx.scheduler.schedule(ctx.now() + TIMINGS.agentRetryMs, START_TIMER, { instanceId })
  }
  const version = host.image?.ecsAgentVersion ?? '1.100.0'
  say(ctx, agent, 'info', `Amazon ECS agent Version: ${version}, Commit: ${host.image ? 'release' : 'ecs-init'}`)
  say(ctx, agent, 'info', `Loading configuration: ECS_CLUSTER=${agent.cluster}`)
  say(ctx, agent, 'info', 'Registering Instance with ECS')
  const failure = registrationFailure(ctx, host, agent.cluster)
  if (failure) {
    say(ctx, agent, 'error', `Unable to register as a container instance with ECS: ${failure}`)
    ctx.log(instanceId, { kind: 'resource.modified', type: 'AWS::EC2::Instance', detail: `ECS agent could not register: ${failure}` })
    return retry()
  }
  const clusterArn = clusterArnOf(world, agent.cluster)
  if (!world.ecs.clusters[clusterArn] || world.ecs.clusters[clusterArn].status !== 'ACTIVE') ctx.call('ecs', 'CreateCluster', { clusterName: DEFAULT_CLUSTER })
  const cluster = world.ecs.clusters[clusterArn]
  const known = agent.containerInstanceArn ? world.ecs.containerInstances[agent.containerInstanceArn] : undefined
  let ciArn: string
  if (known && known.status !== 'INACTIVE') {
    known.agentConnected = true
    known.version++
    ciArn = known.containerInstanceArn
    ctx.log(ciArn, { kind: 'resource.modified', type: 'AWS::ECS::ContainerInstance', detail: `agent connected again on ${instanceId}` })
  } else {
    ciArn = registerContainerInstance(ctx, cluster, instance, agentConfig(host.userData)).containerInstanceArn
  }
  agent.containerInstanceArn = ciArn
  agent.state = 'registered'
  say(ctx, agent, 'info', `Registration completed successfully. I am running as '${ciArn}' in cluster '${agent.cluster}'`)
  placeWaitingTasks(ctx, clusterArn) // tasks waiting in PROVISIONING for this capacity (managedScaling.ts)
  wakeServices(ctx, clusterArn)
}

/**
 * Why RegisterContainerInstance fails for this instance, in the words the agent logs (the SDK's error), or nothing:
 * no instance profile means no credentials; a role EC2 cannot assume gives none either; a role without the
 * permission is denied; a named cluster that does not exist is not found.
 */
function registrationFailure(ctx: SimContext, host: InstanceHost, clusterName: string): string | undefined {
  const { world } = ctx
  const role = host.roleName ? ownEntry(world.iam.roles, host.roleName) : undefined
  if (!host.instanceProfileName || !role || !trustedPrincipals(role).includes('ec2.amazonaws.com'))
    return 'NoCredentialProviders: no valid providers in chain. Deprecated.'
  const clusterArn = clusterArnOf(world, clusterName)
  if (!role.AttachedPolicyArns.some((p) => REGISTER_POLICIES.has(p)))
    return `AccessDeniedException: User: arn:aws:sts::${world.accountId}:assumed-role/${role.RoleName}/${host.instanceId} is not authorized to perform: ecs:RegisterContainerInstance on resource: ${clusterArn} because no identity-based policy allows the ecs:RegisterContainerInstance action`
  const cluster = world.ecs.clusters[clusterArn]
  if (clusterName !== DEFAULT_CLUSTER && cluster?.status !== 'ACTIVE') return 'ClusterNotFoundException: Cluster not found.'
  return undefined
}
