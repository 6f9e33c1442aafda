import { createSandbox } from '../../../src/sandbox/index.ts'
import { fails, ok, type Sandbox } from '../../support/exec.ts'

export { fails, ok, type Sandbox }

export const json = <T = Record<string, unknown>>(sandbox: Sandbox, line: string): T => JSON.parse(ok(sandbox, line)) as T

export interface Member {
  InstanceId: string
  AvailabilityZone: string
  LifecycleState: string
  HealthStatus: string
  LaunchTemplate: { Version: string }
}

export interface Activity {
  Description: string
  Cause: string
  StatusCode: string
  Progress: number
}

/** A sandbox with launch template `web` (ECS-optimized AMI, t3.micro) and the default VPC's three subnets. */
export function withTemplate(): { sandbox: Sandbox; subnets: string; ami: string } {
  const sandbox = createSandbox()
  const ami = ok(sandbox, 'aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text')
  ok(sandbox, `aws ec2 create-launch-template --launch-template-name web --launch-template-data '{"ImageId":"${ami}","InstanceType":"t3.micro"}'`)
  const subnets = ok(sandbox, 'aws ec2 describe-subnets --query Subnets[].SubnetId --output text').split(/\s+/).join(',')
  return { sandbox, subnets, ami }
}

export function createGroup(s: Sandbox, subnets: string, sizes = '--min-size 1 --max-size 4 --desired-capacity 2', name = 'asg'): void {
  ok(s, `aws autoscaling create-auto-scaling-group --auto-scaling-group-name ${name} --launch-template LaunchTemplateName=web,Version='$Latest' ${sizes} --vpc-zone-identifier ${subnets}`)
}

export const members = (s: Sandbox, name = 'asg') => json<Member[]>(s, `aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names ${name} --query AutoScalingGroups[0].Instances`)

export const activities = (s: Sandbox, name = 'asg') => json<Activity[]>(s, `aws autoscaling describe-scaling-activities --auto-scaling-group-name ${name} --query Activities`)
