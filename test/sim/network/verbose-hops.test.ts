import { describe, expect, it } from 'vitest'
import { courseLoadBalancer, dnsName, ok } from '../elbv2/harness.ts'

/** The course walkthrough behind the ALB: two Fargate tasks (awsvpc) in the `web` group ($SG), healthy. */
function walkthrough() {
  const sandbox = courseLoadBalancer()
  ok(sandbox, 'aws ecs create-cluster --cluster-name fargate-cluster')
  ok(sandbox, "CSV=$(aws ec2 describe-subnets --query 'join(`,`, Subnets[0:2].SubnetId)' --output text)")
  ok(sandbox, 'aws ecs register-task-definition --family python-web-app --execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --network-mode awsvpc --container-definitions \'[{"name":"webapp","image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp:latest","portMappings":[{"containerPort":8080,"protocol":"tcp"}]}]\' --cpu "0.5 vCPU" --memory "1 GB" --requires-compatibilities FARGATE')
  ok(sandbox, 'aws ecs create-service --cluster fargate-cluster --service-name FargateDemoService2 --task-definition python-web-app --load-balancers targetGroupArn=$TG,containerName=webapp,containerPort=8080 --desired-count 2 --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[$CSV],securityGroups=[$SG],assignPublicIp=ENABLED}"')
  sandbox.advance(10 * 60_000)
  return sandbox
}

describe('curl -v shows the path of the request before the answer', () => {
  it('DNS, the load balancer node and its group while connecting; then listener, rule, target group, target, groups, task ENI and task', () => {
    const sandbox = walkthrough()
    const host = dnsName(sandbox)
    const sg = ok(sandbox, 'echo $SG').trim()
    const r = sandbox.exec(`curl -v http://${host}/`)
    expect(r.exitCode).toBe(0)
    const lines = r.stderr.split('\n')
    const hop = (pattern: RegExp) => {
      const i = lines.findIndex((l) => l.startsWith('* [sandbox] ') && pattern.test(l.slice(12)))
      expect(i, String(pattern)).toBeGreaterThanOrEqual(0)
      return i
    }
    const order = [
      hop(new RegExp(`^DNS ${host.toLowerCase().replaceAll('.', '\\.')} → [\\d.]+$`)),
      lines.findIndex((l) => l.startsWith('*   Trying ')),
      hop(/^load balancer FargateLoadBalancer node [\d.]+ \(us-east-1[a-f]\)$/),
      hop(new RegExp(`^security group ${sg} allows inbound TCP 80 from 0\\.0\\.0\\.0/0$`)),
      lines.indexOf('* Request completely sent off'),
      hop(/^listener HTTP:80$/),
      hop(/^default rule$/),
      hop(/^target group FargateTargetGroup$/),
      hop(/^target 172\.31\.[\d.]+:8080 \(us-east-1[a-f]\)$/),
      hop(new RegExp(`^security group ${sg} allows outbound all traffic to 0\\.0\\.0\\.0/0$`)),
      hop(new RegExp(`^security group ${sg} allows inbound TCP 8080 from 0\\.0\\.0\\.0/0$`)),
      hop(/^task ENI eni-[0-9a-f]{17} 172\.31\.[\d.]+:8080 → container webapp:8080 \(awsvpc\)$/),
      hop(/^task [0-9a-f]{32} container webapp:8080$/),
      lines.indexOf('< HTTP/1.1 200 OK'),
    ]
    expect(order).toEqual([...order].sort((a, b) => a - b))
    // The task the hops name is the one whose page came back.
    const task = /^\* \[sandbox\] task ([0-9a-f]{32}) /.exec(lines[order[12]])?.[1]
    expect(r.stdout).toContain(`Task: ${task}`)
  })
})
