import type { NetworkInterface, Subnet, Task, World } from '../../sandbox/index.ts'

// A synthetic world for `npm run bench:ui` (scripts/bench-ui.mjs opens the app with `?bench=2000`). Only the
// diagram's bench hook calls this; the normal path never does. Deterministic: the same base and count give the
// same world.

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0').slice(-width)

/** Adds subnets, a cluster, a service and enough Fargate tasks (ENI + task + container = 3 nodes each) to reach `nodes`. */
export function benchWorld(base: Readonly<World>, nodes: number): World {
  const world = structuredClone(base) as World
  const template = Object.values(world.ec2.subnets)[0] as Subnet | undefined
  const vpcId = template?.VpcId ?? Object.keys(world.ec2.vpcs)[0]
  const zones = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d']
  const subnets: Subnet[] = []
  for (let i = 0; i < 16; i++) {
    const id = `subnet-b${hex(i, 16)}`
    const s = { ...(template as Subnet), SubnetId: id, VpcId: vpcId, AvailabilityZone: zones[i % zones.length], CidrBlock: `10.${i}.0.0/20`, DefaultForAz: false, Tags: [] }
    world.ec2.subnets[id] = s
    subnets.push(s)
  }
  const account = world.accountId
  const clusterArn = `arn:aws:ecs:${world.region}:${account}:cluster/bench`
  world.ecs.clusters[clusterArn] = {
    clusterArn, clusterName: 'bench', status: 'ACTIVE', registeredContainerInstancesCount: 0, runningTasksCount: 0, pendingTasksCount: 0,
    activeServicesCount: 1, statistics: [], tags: [], settings: [], capacityProviders: [], defaultCapacityProviderStrategy: [],
  }
  const existing = 34 // the starting world, the bench subnets and cluster: about this many nodes
  const tasks = Math.max(0, Math.ceil((nodes - existing) / 3))
  for (let i = 0; i < tasks; i++) {
    const subnet = subnets[i % subnets.length]
    const taskId = hex(i, 32)
    const taskArn = `arn:aws:ecs:${world.region}:${account}:task/bench/${taskId}`
    const eniId = `eni-b${hex(i, 16)}`
    const ip = `10.${i % subnets.length}.${Math.floor(i / 250) % 250}.${(i % 250) + 4}`
    const eni: NetworkInterface = {
      NetworkInterfaceId: eniId, SubnetId: subnet.SubnetId, VpcId: vpcId, AvailabilityZone: subnet.AvailabilityZone, PrivateIpAddress: ip,
      PrivateDnsName: `ip-${ip.replace(/\./g, '-')}.ec2.internal`, MacAddress: '02:00:00:00:00:00', Groups: [], Description: 'bench',
      InterfaceType: 'interface', Status: 'in-use', RequesterId: taskArn, OwnerId: account,
    }
    world.ec2.networkInterfaces[eniId] = eni
    const task: Task = {
      attachments: [{ id: `att-${i}`, type: 'ElasticNetworkInterface', status: 'ATTACHED', details: [
        { name: 'subnetId', value: subnet.SubnetId }, { name: 'networkInterfaceId', value: eniId }, { name: 'privateIPv4Address', value: ip },
      ] }],
      attributes: [], availabilityZone: subnet.AvailabilityZone, clusterArn, containers: [{
        containerArn: `arn:aws:ecs:${world.region}:${account}:container/bench/${taskId}/c0`, taskArn, name: 'web', image: 'bench:latest',
        lastStatus: 'RUNNING', networkBindings: [], networkInterfaces: [], healthStatus: 'UNKNOWN', cpu: '0',
      }],
      createdAt: i, desiredStatus: 'RUNNING', enableExecuteCommand: false, group: 'family:bench', healthStatus: 'UNKNOWN', lastStatus: 'RUNNING',
      launchType: 'FARGATE', overrides: { containerOverrides: [], inferenceAcceleratorOverrides: [] }, tags: [], taskArn,
      taskDefinitionArn: `arn:aws:ecs:${world.region}:${account}:task-definition/bench:1`, version: 1,
    }
    world.ecs.tasks[taskArn] = task
  }
  return world
}

/** Task ARNs of a bench world, in creation order. */
export const benchTaskArns = (world: Readonly<World>): string[] => Object.keys(world.ecs.tasks).filter((a) => a.includes(':task/bench/'))

/** The world with one task's lastStatus changed, copying only the objects on the path to it (as a real snapshot would differ). */
export function withTaskStatus(world: Readonly<World>, taskArn: string, lastStatus: string): World {
  const task = world.ecs.tasks[taskArn]
  if (!task) return world as World
  return { ...world, ecs: { ...world.ecs, tasks: { ...world.ecs.tasks, [taskArn]: { ...task, lastStatus } } } }
}

/** `?bench=2000` → 2000; anything else → undefined. Read once, in the browser only. */
export function benchNodesFromUrl(): number | undefined {
  if (typeof location === 'undefined') return undefined
  const n = Number(new URLSearchParams(location.search).get('bench'))
  return Number.isFinite(n) && n > 0 ? Math.min(n, 20_000) : undefined
}
