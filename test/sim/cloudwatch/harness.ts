import { expect } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

export type Sandbox = ReturnType<typeof createSandbox>

export const ECR_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp:latest'

export function run(sandbox: Sandbox, line: string): string {
  const result = sandbox.exec(line)
  expect(result.stderr, line).toBe('')
  expect(result.exitCode, line).toBe(0)
  return result.stdout
}

export const json = (sandbox: Sandbox, line: string) => JSON.parse(run(sandbox, line) || '{}')

/**
 * The course's web app as a Fargate service of `count` tasks behind an ALB, in cluster `demo` with Container Insights
 * `insights` (set on the cluster at creation), steady after three minutes. $DNS holds the load balancer's name.
 */
export function webService(options: { insights?: 'enabled' | 'enhanced' | 'disabled'; count?: number; containerExtra?: string; taskMemory?: number } = {}): Sandbox {
  const sandbox = createSandbox()
  const world = sandbox.world()
  const subnets = Object.keys(world.ec2.subnets)
  const vpc = Object.keys(world.ec2.vpcs)[0]
  const web = Object.values(world.ec2.securityGroups).find((g) => g.GroupName === 'web')?.GroupId
  const insights = options.insights ?? 'enabled'
  run(sandbox, `aws ecs create-cluster --cluster-name demo --settings name=containerInsights,value=${insights}`)
  const container = `{"name":"webapp","image":"${ECR_IMAGE}","portMappings":[{"containerPort":8080}]${options.containerExtra ?? ''}}`
  run(sandbox, `aws ecs register-task-definition --family web --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory ${options.taskMemory ?? 512} --execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --container-definitions '[${container}]'`)
  run(sandbox, `LB=$(aws elbv2 create-load-balancer --name demo --subnets ${subnets.join(' ')} --security-groups ${web} --query LoadBalancers[0].LoadBalancerArn --output text)`)
  run(sandbox, `TG=$(aws elbv2 create-target-group --name web --protocol HTTP --port 8080 --vpc-id ${vpc} --target-type ip --query TargetGroups[0].TargetGroupArn --output text)`)
  run(sandbox, 'aws elbv2 create-listener --load-balancer-arn $LB --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=$TG > /dev/null')
  run(
    sandbox,
    `aws ecs create-service --cluster demo --service-name web --task-definition web --desired-count ${options.count ?? 2} --launch-type FARGATE --load-balancers targetGroupArn=$TG,containerName=webapp,containerPort=8080 --network-configuration "awsvpcConfiguration={subnets=[${subnets.join(',')}],securityGroups=[${web}],assignPublicIp=ENABLED}" > /dev/null`,
  )
  sandbox.advance(180_000)
  run(sandbox, 'DNS=$(aws elbv2 describe-load-balancers --names demo --query LoadBalancers[0].DNSName --output text)')
  return sandbox
}
