import { expect } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

export const ok = (s: ReturnType<typeof createSandbox>, line: string) => {
  const r = s.exec(line)
  expect(r.stderr, line).toBe('')
  return r.stdout.trim()
}

/** One t3.large container instance in a cluster, two bridge tasks of 256 MiB on it, and a volume attached to it. */
export function ec2World() {
  const s = createSandbox()
  ok(s, 'aws ecs create-cluster --cluster-name ec2-cluster')
  ok(s, 'aws iam create-instance-profile --instance-profile-name ecsInstanceRole')
  ok(s, 'aws iam add-role-to-instance-profile --instance-profile-name ecsInstanceRole --role-name ecsInstanceRole')
  const ami = ok(s, 'aws ssm get-parameters --names /aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id --query Parameters[0].Value --output text')
  const subnet = ok(s, "aws ec2 describe-subnets --filters Name=availability-zone,Values=us-east-1a --query 'Subnets[0].SubnetId' --output text")
  s.files.write('join.sh', '#!/bin/bash\necho ECS_CLUSTER=ec2-cluster >> /etc/ecs/ecs.config\n')
  const instanceId = ok(s, `aws ec2 run-instances --image-id ${ami} --instance-type t3.large --subnet-id ${subnet} --iam-instance-profile Name=ecsInstanceRole --user-data file://join.sh --query 'Instances[0].InstanceId' --output text`)
  s.advance(120_000)
  s.files.write('web.json', JSON.stringify([{ name: 'web', image: 'nginx:latest', memory: 256, portMappings: [{ containerPort: 80, hostPort: 0 }] }]))
  ok(s, 'aws ecs register-task-definition --family web --network-mode bridge --requires-compatibilities EC2 --container-definitions file://web.json')
  ok(s, 'aws ecs run-task --cluster ec2-cluster --task-definition web --count 2 --launch-type EC2')
  s.advance(60_000)
  const volumeId = ok(s, "aws ec2 create-volume --availability-zone us-east-1a --size 8 --query VolumeId --output text")
  s.advance(30_000)
  ok(s, `aws ec2 attach-volume --volume-id ${volumeId} --instance-id ${instanceId} --device /dev/sdf`)
  s.advance(30_000)
  return { s, instanceId, subnet, volumeId }
}
