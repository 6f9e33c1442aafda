import { describe, expect, it } from 'vitest'
import { ok } from '../../support/exec.ts'
import { layeredService } from '../../support/layeredService.ts'

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
