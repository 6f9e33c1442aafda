import { describe, expect, it } from 'vitest'
import { courseLoadBalancer, curl, curlWired, dnsName, ecsLanded, json, ok } from '../elbv2/harness.ts'
import { createSandbox } from '../../../src/sandbox/index.ts'
import { wildcard } from '../../../src/sim/network/index.ts'

describe('curl through the simulated network', () => {
  it('a wrong name does not resolve (exit 6)', () => {
    const sandbox = courseLoadBalancer()
    expect(curl(sandbox, ['http://nope.us-east-1.elb.amazonaws.com/'])).toMatchObject({ exitCode: 6, stdout: '', stderr: 'curl: (6) Could not resolve host: nope.us-east-1.elb.amazonaws.com\n' })
  })

  it('the DNS name only resolves once the load balancer is active', () => {
    const sandbox = courseLoadBalancer({ wait: false })
    expect(curl(sandbox, [`http://${dnsName(sandbox)}/`]).exitCode).toBe(6)
  })

  it('with no healthy target the ALB answers its own 503 page', () => {
    const sandbox = courseLoadBalancer()
    const r = curl(sandbox, ['-i', `http://${dnsName(sandbox)}/`])
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toMatch(/^HTTP\/1\.1 503 Service Temporarily Unavailable\r\nServer: awselb\/2\.0\r\nDate: Mon, 05 Jan 2026 09:0\d:\d\d GMT\r\nContent-Type: text\/html\r\nContent-Length: 162\r\nConnection: keep-alive\r\n\r\n/)
    expect(r.stdout).toContain('<center><h1>503 Service Temporarily Unavailable</h1></center>')
  })

  it('-f turns the 503 into exit 22', () => {
    const sandbox = courseLoadBalancer()
    expect(curl(sandbox, ['-sf', `http://${dnsName(sandbox)}/`])).toMatchObject({ exitCode: 22, stdout: '', stderr: '' })
    expect(curl(sandbox, ['-f', `http://${dnsName(sandbox)}/`]).stderr).toBe('curl: (22) The requested URL returned error: 503\n')
  })

  it('a port with no listener is refused (exit 7)', () => {
    const sandbox = courseLoadBalancer()
    const host = dnsName(sandbox)
    expect(curl(sandbox, [`http://${host}:8080/`]).stderr).toBe(`curl: (7) Failed to connect to ${host} port 8080 after 2 ms: Couldn't connect to server\n`)
  })

  it('a port the load balancer’s security group does not allow times out (exit 28), without taking time', () => {
    const sandbox = courseLoadBalancer()
    const host = dnsName(sandbox)
    const before = sandbox.now()
    expect(curl(sandbox, ['--connect-timeout', '5', `http://${host}:9090/`]).stderr).toBe(`curl: (28) Failed to connect to ${host} port 9090 after 5002 ms: Timeout was reached\n`)
    expect(curl(sandbox, ['-m', '10', `http://${host}:9090/`]).stderr).toBe('curl: (28) Connection timed out after 10001 milliseconds\n')
    expect(sandbox.now()).toBe(before)
  })

  it('path rules route in priority order; fixed responses come from the ALB itself', () => {
    const sandbox = courseLoadBalancer()
    ok(sandbox, "aws elbv2 create-rule --listener-arn $LISTENER --priority 10 --conditions Field=path-pattern,Values='/api/users*' --actions 'Type=fixed-response,FixedResponseConfig={StatusCode=200,ContentType=application/json,MessageBody=users}'")
    ok(sandbox, "aws elbv2 create-rule --listener-arn $LISTENER --priority 20 --conditions Field=path-pattern,Values='/api/*' --actions 'Type=fixed-response,FixedResponseConfig={StatusCode=404,ContentType=text/plain,MessageBody=Not found}'")
    const host = dnsName(sandbox)
    expect(curl(sandbox, ['-s', `http://${host}/api/users/7`]).stdout).toBe('users')
    expect(curl(sandbox, ['-s', '-w', ' %{http_code}', `http://${host}/api/topics`]).stdout).toBe('Not found 404')
    expect(curl(sandbox, ['-s', '-o', '/dev/null', '-w', '%{http_code}\\n', `http://${host}/`]).stdout).toBe('503\n')
  })

  it('a redirect listener sends Location built from its config', () => {
    const sandbox = courseLoadBalancer()
    ok(sandbox, "aws elbv2 create-listener --load-balancer-arn $LB --protocol HTTP --port 8080 --default-actions 'Type=redirect,RedirectConfig={Port=80,StatusCode=HTTP_301}'")
    const host = dnsName(sandbox)
    const r = curl(sandbox, ['-sI', `http://${host}:8080/a?b=1`])
    expect(r.stdout).toContain('HTTP/1.1 301 Moved Permanently\r\n')
    expect(r.stdout).toContain(`Location: http://${host}/a?b=1\r\n`)
  })

  it('-v shows curl’s verbose lines with the hops as comments', () => {
    const sandbox = courseLoadBalancer()
    const host = dnsName(sandbox)
    const { stderr } = curl(sandbox, ['-v', `http://${host}/`])
    const lines = stderr.split('\n')
    expect(lines[0]).toBe(`* Host ${host}:80 was resolved.`)
    expect(lines).toContain('> GET / HTTP/1.1')
    expect(lines).toContain(`> Host: ${host}`)
    expect(lines).toContain('< HTTP/1.1 503 Service Temporarily Unavailable')
    expect(lines.some((l) => l.startsWith('*   Trying ') && l.endsWith(':80...'))).toBe(true)
    expect(lines).toContain('* [sandbox] listener HTTP:80')
    expect(lines).toContain('* [sandbox] target group FargateTargetGroup')
  })

  it('each request is logged with its hops and counted per target group', () => {
    const sandbox = courseLoadBalancer()
    curl(sandbox, ['-s', `http://${dnsName(sandbox)}/`])
    const world = sandbox.world()
    const tg = ok(sandbox, 'echo $TG').trim()
    expect(world.elbv2.traffic.requestCount[tg]).toBe(1)
    expect(world.elbv2.traffic.recent[0].hops.map((h) => h.label)).toContain('listener HTTP:80')
    expect(world.log.entries.at(-1)?.change).toMatch(/^HTTP GET http:\/\/.* → 503 Service Temporarily Unavailable$/)
  })

  it('same seed, same requests: byte-identical output and snapshot', () => {
    const run = () => {
      const sandbox = courseLoadBalancer()
      ok(sandbox, 'aws elbv2 register-targets --target-group-arn $TG --targets Id=172.31.5.5 Id=172.31.20.5')
      sandbox.advance(120_000)
      const out = curl(sandbox, ['-si', `http://${dnsName(sandbox)}/`]).stdout
      return { out, snapshot: JSON.stringify(sandbox.snapshot()) }
    }
    expect(run()).toEqual(run())
  })
})

describe('path patterns', () => {
  it.each([
    ['/api/users*', '/api/users', true],
    ['/api/users*', '/api/users/7', true],
    ['/api/users*', '/API/users', false],
    ['/img/?.png', '/img/a.png', true],
    ['/img/?.png', '/img/ab.png', false],
    ['*.example.com', 'API.example.com', true],
  ])('%s against %s → %s', (pattern, path, expected) => {
    expect(wildcard(pattern, !pattern.startsWith('*.')).test(path)).toBe(expected)
  })
})

describe.skipIf(!curlWired)('through sandbox.exec once curl is wired', () => {
  it('curl to a wrong name prints curl’s resolve error', () => {
    expect(createSandbox().exec('curl http://nope.example/')).toEqual({ stdout: '', stderr: 'curl: (6) Could not resolve host: nope.example\n', exitCode: 6 })
  })

  it('curl to the ALB with no targets gets the 503 page', () => {
    const sandbox = courseLoadBalancer()
    const r = sandbox.exec("curl -s -o /dev/null -w '%{http_code}' http://$(aws elbv2 describe-load-balancers --query 'LoadBalancers[0].DNSName' --output text)/")
    expect(r).toEqual({ stdout: '503', stderr: '', exitCode: 0 })
  })
})

describe.skipIf(!ecsLanded)('with ECS tasks behind the load balancer', () => {
  it('the course walkthrough: two healthy targets in two AZs and curl reaching both tasks', () => {
    const sandbox = courseLoadBalancer()
    ok(sandbox, 'aws ecs create-cluster --cluster-name fargate-cluster')
    ok(sandbox, "CSV=$(aws ec2 describe-subnets --query 'join(`,`, Subnets[0:2].SubnetId)' --output text)")
    ok(sandbox, 'aws ecs register-task-definition --family python-web-app --execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --network-mode awsvpc --container-definitions \'[{"name":"webapp","image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp:latest","portMappings":[{"containerPort":8080,"protocol":"tcp"}]}]\' --cpu "0.5 vCPU" --memory "1 GB" --requires-compatibilities FARGATE')
    ok(sandbox, 'aws ecs create-service --cluster fargate-cluster --service-name FargateDemoService2 --task-definition python-web-app --load-balancers targetGroupArn=$TG,containerName=webapp,containerPort=8080 --desired-count 2 --launch-type FARGATE --network-configuration "awsvpcConfiguration={subnets=[$CSV],securityGroups=[$SG],assignPublicIp=ENABLED}"')
    sandbox.advance(10 * 60_000)
    const states = json(sandbox, "aws elbv2 describe-target-health --target-group-arn $TG --query 'TargetHealthDescriptions[].TargetHealth.State'")
    expect(states).toEqual(['healthy', 'healthy'])
    const host = dnsName(sandbox)
    const pages = [curl(sandbox, ['-s', `http://${host}/`]).stdout, curl(sandbox, ['-s', `http://${host}/`]).stdout]
    expect(pages[0]).toContain('Hello from the Python web app!')
    expect(new Set(pages.map((p) => /Task: (\w+)/.exec(p)?.[1])).size).toBe(2)
  })
})
