import { createSandbox, type Sandbox } from '../../src/sandbox/index.ts'

/** The fleet the simulation benchmarks run (`npm run bench`), built through the CLI as a learner would. */
export function ok(sandbox: Sandbox, line: string): Record<string, never> & Record<string, unknown> {
  const result = sandbox.exec(line)
  if (result.exitCode !== 0) throw new Error(`${line}\n${result.stderr}`)
  return result.stdout ? JSON.parse(result.stdout) : {}
}

const arn = (value: unknown, path: string): string => path.split('.').reduce((v: unknown, k) => (v as Record<string, unknown>)[k], value) as string

export function setUp(albs: number, servicesPerAlb: number, tasksPerService: number) {
  const sandbox = createSandbox()
  const world = sandbox.world()
  const subnets = Object.keys(world.ec2.subnets)
  const vpc = Object.keys(world.ec2.vpcs)[0]
  const web = Object.values(world.ec2.securityGroups).find((g) => g.GroupName === 'web')?.GroupId
  ok(sandbox, 'aws ecs create-cluster --cluster-name bench')
  for (const image of ['nginx', 'httpd'])
    ok(sandbox, `aws ecs register-task-definition --family web --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --container-definitions '[{"name":"web","image":"${image}","portMappings":[{"containerPort":80}]}]'`)
  let service = 0
  for (let a = 0; a < albs; a++) {
    const lb = arn(ok(sandbox, `aws elbv2 create-load-balancer --name lb${a} --subnets ${subnets.join(' ')} --security-groups ${web}`), 'LoadBalancers.0.LoadBalancerArn')
    for (let s = 0; s < servicesPerAlb; s++, service++) {
      const tg = arn(ok(sandbox, `aws elbv2 create-target-group --name tg${service} --protocol HTTP --port 80 --vpc-id ${vpc} --target-type ip`), 'TargetGroups.0.TargetGroupArn')
      if (s === 0) {
        const listener = arn(ok(sandbox, `aws elbv2 create-listener --load-balancer-arn ${lb} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=${tg}`), 'Listeners.0.ListenerArn')
        sandbox.exec(`L${a}=${listener}`)
      } else {
        ok(sandbox, `aws elbv2 create-rule --listener-arn $L${a} --priority ${s} --conditions Field=path-pattern,Values=/s${service}/* --actions Type=forward,TargetGroupArn=${tg}`)
      }
      ok(sandbox, `aws ecs create-service --cluster bench --service-name s${service} --task-definition web:1 --desired-count ${tasksPerService} --launch-type FARGATE --load-balancers targetGroupArn=${tg},containerName=web,containerPort=80 --network-configuration "awsvpcConfiguration={subnets=[${subnets.join(',')}],securityGroups=[${web}],assignPublicIp=ENABLED}"`)
    }
  }
  return { sandbox, services: service }
}
