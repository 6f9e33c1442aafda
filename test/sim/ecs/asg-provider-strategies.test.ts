import { describe, expect, it } from 'vitest'
import { fails, ok, tasksOf, walkthrough, type Sandbox } from './helpers.ts'
import { ecsAmi, instanceProfile, registerEc2TaskDefinition, WEB } from './ec2Helpers.ts'

/** A strategy over several Auto Scaling group capacity providers: each task goes to its own provider's instances. */

const CLUSTER = 'fargate-cluster'

/** Auto Scaling group `name` (empty, t3.large hosts joining the cluster) behind capacity provider `name-cp` with managed scaling. */
function providerGroup(s: Sandbox, name: string, managed = true): void {
  const groupArn = (() => {
    const subnets = (ok(s, 'aws ec2 describe-subnets --query Subnets[].SubnetId') as string[]).join(',')
    ok(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name ${name} --launch-template LaunchTemplateName=ecs-hosts --min-size 0 --max-size 10 --desired-capacity ${managed ? 0 : 1} --vpc-zone-identifier ${subnets}`)
    return ok(s, `aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names ${name} --query AutoScalingGroups[0].AutoScalingGroupARN`) as string
  })()
  ok(s, `aws ecs create-capacity-provider --name ${name}-cp --auto-scaling-group-provider 'autoScalingGroupArn=${groupArn},managedScaling={status=${managed ? 'ENABLED' : 'DISABLED'},targetCapacity=100}'`)
}

function twoGroups(managedB = true): Sandbox {
  const s = walkthrough()
  instanceProfile(s)
  const userData = Buffer.from(`#!/bin/bash\necho ECS_CLUSTER=${CLUSTER} >> /etc/ecs/ecs.config\n`).toString('base64')
  ok(s, `aws ec2 create-launch-template --launch-template-name ecs-hosts --launch-template-data '{"ImageId":"${ecsAmi(s)}","InstanceType":"t3.large","IamInstanceProfile":{"Name":"ecsInstanceRole"},"UserData":"${userData}"}'`)
  providerGroup(s, 'blue')
  providerGroup(s, 'green', managedB)
  ok(s, `aws ecs put-cluster-capacity-providers --cluster ${CLUSTER} --capacity-providers blue-cp green-cp FARGATE --default-capacity-provider-strategy capacityProvider=blue-cp,weight=1 capacityProvider=green-cp,weight=1`)
  // Two tasks of 3,000 MiB fit on a t3.large.
  registerEc2TaskDefinition(s, 'web', [WEB(3000)])
  return s
}

type Ec2Task = { lastStatus: string; capacityProviderName?: string; containerInstanceArn?: string; launchType: string }

/** The Auto Scaling group of the instance a task runs on. */
function groupOfTask(s: Sandbox, t: Ec2Task): string {
  const ci = ok(s, `aws ecs describe-container-instances --cluster ${CLUSTER} --container-instances ${t.containerInstanceArn}`).containerInstances[0]
  return ok(s, `aws autoscaling describe-auto-scaling-instances --instance-ids ${ci.ec2InstanceId} --query AutoScalingInstances[0].AutoScalingGroupName`) as string
}

describe('a strategy over two Auto Scaling group providers', () => {
  it('a service of 4 at 1:1 puts two tasks on each provider; each waits in PROVISIONING for its own group, which scales out, and runs there', () => {
    const s = twoGroups()
    ok(s, `aws ecs create-service --cluster ${CLUSTER} --service-name web --task-definition web --desired-count 4`)
    s.advance(20_000)
    const waiting = tasksOf(s, '--service-name web') as Ec2Task[]
    expect(waiting.map((t) => `${t.capacityProviderName} ${t.lastStatus}`).sort()).toEqual([
      'blue-cp PROVISIONING', 'blue-cp PROVISIONING', 'green-cp PROVISIONING', 'green-cp PROVISIONING',
    ])
    s.advance(15 * 60_000)
    const running = tasksOf(s, '--service-name web') as Ec2Task[]
    expect(running.every((t) => t.lastStatus === 'RUNNING' && t.launchType === 'EC2')).toBe(true)
    for (const t of running) expect(`${t.capacityProviderName} on ${groupOfTask(s, t)}`).toBe(`${t.capacityProviderName} on ${t.capacityProviderName!.replace(/-cp$/, '')}`)
    // Both groups grew from 0 for their own provider's waiting tasks (managed scaling's first step from 0 is 2 instances).
    const sizes = ok(s, 'aws autoscaling describe-auto-scaling-groups --query "AutoScalingGroups[].[AutoScalingGroupName,DesiredCapacity]"')
    expect(sizes).toEqual([['blue', 2], ['green', 2]])
  })

  it('run-task --count 4 at 1:1 with one provider unmanaged and without instances: refused before anything starts', () => {
    const s = twoGroups(false)
    // green has one instance coming but not registered yet; blue has none: the cluster has no container instance.
    expect(fails(s, `aws ecs run-task --cluster ${CLUSTER} --task-definition web --count 4`)).toContain('No Container Instances were found in your cluster.')
    expect(ok(s, `aws ecs list-tasks --cluster ${CLUSTER}`).taskArns).toEqual([])
  })

  it('mixing an Auto Scaling group provider with FARGATE in a strategy is refused in ECS words', () => {
    const s = twoGroups()
    expect(fails(s, `aws ecs put-cluster-capacity-providers --cluster ${CLUSTER} --capacity-providers blue-cp green-cp FARGATE --default-capacity-provider-strategy capacityProvider=blue-cp,weight=1 capacityProvider=FARGATE,weight=1`)).toContain(
      'A capacity provider strategy cannot contain a mix of capacity providers using Auto Scaling groups and Fargate providers. Specify one or the other and try again.',
    )
    // The cluster keeps its strategy.
    expect(ok(s, `aws ecs describe-clusters --clusters ${CLUSTER} --query clusters[0].defaultCapacityProviderStrategy[].capacityProvider`)).toEqual(['blue-cp', 'green-cp'])
  })
})
