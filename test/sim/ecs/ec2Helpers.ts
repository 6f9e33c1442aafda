import { createSandbox } from '../../../src/sandbox/index.ts'
import { ok, type Sandbox } from './helpers.ts'

/** The ECS-optimized AMI, as a learner finds it. */
export const ecsAmi = (s: Sandbox): string =>
  s.exec('aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text').stdout.trim()

/** The instance profile the course notes create for the agent (ecsInstanceRole: AmazonEC2ContainerServiceforEC2Role). */
export function instanceProfile(s: Sandbox, name = 'ecsInstanceRole'): void {
  ok(s, `aws iam create-instance-profile --instance-profile-name ${name}`)
  ok(s, `aws iam add-role-to-instance-profile --instance-profile-name ${name} --role-name ecsInstanceRole`)
}

/** Launches `count` instances whose user data joins `cluster`; returns their IDs. */
export function launchHosts(s: Sandbox, cluster: string, opts: { count?: number; type?: string; profile?: string | null; userData?: string; image?: string } = {}): string[] {
  s.files.write('join.sh', opts.userData ?? `#!/bin/bash\necho ECS_CLUSTER=${cluster} >> /etc/ecs/ecs.config\n`)
  const profile = opts.profile === null ? '' : `--iam-instance-profile Name=${opts.profile ?? 'ecsInstanceRole'}`
  const out = ok(s, `aws ec2 run-instances --image-id ${opts.image ?? ecsAmi(s)} --instance-type ${opts.type ?? 't3.large'} --count ${opts.count ?? 1} ${profile} --user-data file://join.sh`)
  return out.Instances.map((i: { InstanceId: string }) => i.InstanceId)
}

/** A cluster with `count` registered t3.large container instances (agent up after boot + ~1 min). */
export function ec2Cluster(opts: { count?: number; type?: string; cluster?: string } = {}) {
  const s = createSandbox()
  const cluster = opts.cluster ?? 'ec2-cluster'
  ok(s, `aws ecs create-cluster --cluster-name ${cluster}`)
  instanceProfile(s)
  const instanceIds = launchHosts(s, cluster, opts)
  s.advance(90_000)
  return { s, cluster, instanceIds }
}

export function containerInstances(s: Sandbox, cluster: string) {
  const { containerInstanceArns } = ok(s, `aws ecs list-container-instances --cluster ${cluster}`)
  if (!containerInstanceArns.length) return []
  return ok(s, `aws ecs describe-container-instances --cluster ${cluster} --container-instances ${containerInstanceArns.join(' ')}`).containerInstances
}

export const resource = (ci: { remainingResources: { name: string; integerValue: number; stringSetValue?: string[] }[] }, name: string) =>
  ci.remainingResources.find((r) => r.name === name)!

/** Registers an EC2 (bridge) task definition from JSON container definitions. */
export function registerEc2TaskDefinition(s: Sandbox, family: string, containers: object[], extra = ''): void {
  s.files.write(`${family}.json`, JSON.stringify(containers))
  ok(s, `aws ecs register-task-definition --family ${family} --container-definitions file://${family}.json --requires-compatibilities EC2 ${extra}`)
}

export const WEB = (memory: number, hostPort = 0, extra: object = {}) => ({
  name: 'web',
  image: 'nginx:latest',
  memory,
  portMappings: [{ containerPort: 80, hostPort }],
  ...extra,
})
