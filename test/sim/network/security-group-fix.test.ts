import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { ok } from '../../support/exec.ts'

/**
 * The layered-security pattern from the course notes' networking part: the ALB's group lets the world in on 80,
 * the tasks' group lets only the ALB's group in on 8080. Removing that rule starves the targets; putting it back
 * brings them back. Everything through the CLI and the clock.
 */
function layeredService() {
  const sandbox = createSandbox()
  const subnets = ok(sandbox, "aws ec2 describe-subnets --query 'Subnets[0:2].SubnetId' --output text").split('\t')
  const vpc = ok(sandbox, 'aws ec2 describe-vpcs --query Vpcs[0].VpcId --output text')
  const albSg = ok(sandbox, `aws ec2 create-security-group --group-name alb-sg --description "HTTP from anywhere" --vpc-id ${vpc} --query GroupId --output text`)
  const taskSg = ok(sandbox, `aws ec2 create-security-group --group-name tasks-sg --description "8080 from the ALB only" --vpc-id ${vpc} --query GroupId --output text`)
  ok(sandbox, `aws ec2 authorize-security-group-ingress --group-id ${albSg} --protocol tcp --port 80 --cidr 0.0.0.0/0`)
  ok(sandbox, `aws ec2 authorize-security-group-ingress --group-id ${taskSg} --ip-permissions IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=${albSg}}]`)
  const lb = ok(sandbox, `aws elbv2 create-load-balancer --name web-alb --subnets ${subnets.join(' ')} --security-groups ${albSg} --query LoadBalancers[0].LoadBalancerArn --output text`)
  const tg = ok(sandbox, `aws elbv2 create-target-group --name web-tg --protocol HTTP --port 8080 --vpc-id ${vpc} --target-type ip --query TargetGroups[0].TargetGroupArn --output text`)
  ok(sandbox, `aws elbv2 create-listener --load-balancer-arn ${lb} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=${tg}`)
  ok(sandbox, 'aws ecs create-cluster --cluster-name web')
  ok(sandbox, `aws ecs register-task-definition --family web --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --container-definitions '[{"name":"webapp","image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp:latest","portMappings":[{"containerPort":8080}]}]'`)
  ok(sandbox, `aws ecs create-service --cluster web --service-name web --task-definition web --desired-count 2 --launch-type FARGATE --load-balancers targetGroupArn=${tg},containerName=webapp,containerPort=8080 --network-configuration "awsvpcConfiguration={subnets=[${subnets.join(',')}],securityGroups=[${taskSg}],assignPublicIp=ENABLED}"`)
  ok(sandbox, 'aws elbv2 wait load-balancer-available --names web-alb')
  ok(sandbox, 'aws ecs wait services-stable --cluster web --services web')
  ok(sandbox, `aws elbv2 wait target-in-service --target-group-arn ${tg}`)
  const dns = ok(sandbox, 'aws elbv2 describe-load-balancers --names web-alb --query LoadBalancers[0].DNSName --output text')
  const health = () => ok(sandbox, `aws elbv2 describe-target-health --target-group-arn ${tg} --query 'TargetHealthDescriptions[].TargetHealth.State' --output text`)
  return { sandbox, albSg, taskSg, dns, health }
}

describe('a security group rule that blocks, and its fix', () => {
  it('the ALB reaches the tasks through the group-to-group rule', () => {
    const { sandbox, dns, health } = layeredService()
    expect(health()).toBe('healthy\thealthy')
    expect(sandbox.exec(`curl -s -o /dev/null -w '%{http_code}' http://${dns}/`).stdout).toBe('200')
  })

  it('revoking the rule starves the targets; authorizing it again brings them back', () => {
    const { sandbox, albSg, taskSg, dns, health } = layeredService()
    ok(sandbox, `aws ec2 revoke-security-group-ingress --group-id ${taskSg} --ip-permissions IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=${albSg}}]`)
    expect(sandbox.exec(`curl -s -o /dev/null -w '%{http_code}' http://${dns}/`).stdout).toBe('504')
    sandbox.advance(2 * 60_000)
    // The health checks time out, ECS replaces the failed tasks, and their replacements cannot pass either.
    expect(health().split('\t')).not.toContain('healthy')
    const events = ok(sandbox, "aws ecs describe-services --cluster web --services web --query 'services[0].events[].message' --output text")
    expect(events).toContain('(port 8080) is unhealthy in (target-group')
    ok(sandbox, `aws ec2 authorize-security-group-ingress --group-id ${taskSg} --ip-permissions IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=${albSg}}]`)
    sandbox.advance(10 * 60_000)
    expect(health()).toBe('healthy\thealthy')
    expect(sandbox.exec(`curl -s -o /dev/null -w '%{http_code}' http://${dns}/`).stdout).toBe('200')
  })

  it('after a quiet half hour (checks and scheduler passes reuse their last answers), a revoke still starves the targets', () => {
    const { sandbox, albSg, taskSg, health } = layeredService()
    sandbox.advance(30 * 60_000)
    expect(health()).toBe('healthy\thealthy')
    ok(sandbox, `aws ec2 revoke-security-group-ingress --group-id ${taskSg} --ip-permissions IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=${albSg}}]`)
    sandbox.advance(2 * 60_000)
    expect(health().split('\t')).not.toContain('healthy')
    const events = ok(sandbox, "aws ecs describe-services --cluster web --services web --query 'services[0].events[].message' --output text")
    expect(events).toContain('(port 8080) is unhealthy in (target-group')
  })

  it('the same rule twice is EC2’s duplicate error; a rule that is not there cannot be revoked', () => {
    const { sandbox, albSg } = layeredService()
    const again = sandbox.exec(`aws ec2 authorize-security-group-ingress --group-id ${albSg} --protocol tcp --port 80 --cidr 0.0.0.0/0`)
    expect(again.stderr).toBe(
      '\naws: [ERROR]: An error occurred (InvalidPermission.Duplicate) when calling the AuthorizeSecurityGroupIngress operation: the specified rule "peer: 0.0.0.0/0, TCP, from port: 80, to port: 80, ALLOW" already exists\n',
    )
    expect(sandbox.exec(`aws ec2 revoke-security-group-ingress --group-id ${albSg} --protocol tcp --port 22 --cidr 0.0.0.0/0`).stderr).toContain(
      '(InvalidPermission.NotFound) when calling the RevokeSecurityGroupIngress operation: The specified rule does not exist in this security group.',
    )
  })

  it('a group in use by a task cannot be deleted', () => {
    const { sandbox, taskSg } = layeredService()
    expect(sandbox.exec(`aws ec2 delete-security-group --group-id ${taskSg}`).stderr).toContain(`(DependencyViolation) when calling the DeleteSecurityGroup operation: resource ${taskSg} has a dependent object`)
  })
})
