import { describe, expect, it } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

/** The course notes' lines exactly as written (../shared/course-notes.txt), typos included. */
const USAGE =
  'usage: aws [options] <command> <subcommand> [<subcommand> ...] [parameters]\nTo see help text, you can run:\n\n  aws help\n  aws <command> help\n  aws <command> <subcommand> help\n'

function run(line: string) {
  const sandbox = createSandbox()
  const before = JSON.stringify(sandbox.snapshot().world)
  const result = sandbox.exec(line)
  // Nothing is created by a line that failed.
  if (result.exitCode !== 0) expect(JSON.stringify(sandbox.snapshot().world)).toBe(before)
  return result
}

describe('the course notes’ lines, as a learner pastes them', () => {
  it('`aws albv2 create-target-group` suggests elbv2', () => {
    const result = run('aws albv2 create-target-group --name FargateTargetGroup --protocol HTTP \\ --port 8080 --vpc-id vpc-024994381ad361013 --target-type ip')
    expect(result.exitCode).toBe(252)
    expect(result.stderr).toBe(
      `\naws: [ERROR]: An error occurred (ParamValidation): argument command: Found invalid choice 'albv2'\n\nMaybe you meant:\n\n  * elbv2\n\n${USAGE}`,
    )
  })

  it('the listener line ends in `<target-group-arn>`, which bash rejects as a syntax error before running anything', () => {
    const result = run('aws elbv2 create-listner --load-balancer-arn <elb-arn> --protocol HTTP\\ --port 80 -default-actions Type=forward, TargetGroupArn=<target-group-arn>')
    expect(result).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `newline'\n", exitCode: 2 })
  })

  it('`<elb-arn>` alone is read by bash as input from a file that does not exist, before aws runs', () => {
    const result = run('aws elbv2 create-listener --load-balancer-arn <elb-arn> --protocol HTTP --port 80')
    expect(result).toEqual({ stdout: '', stderr: 'bash: elb-arn: No such file or directory\n', exitCode: 1 })
  })

  it('with the placeholder filled in, `create-listner` suggests create-listener', () => {
    const result = run('aws elbv2 create-listner --load-balancer-arn arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/1 --protocol HTTP --port 80')
    expect(result.stderr).toContain("argument operation: Found invalid choice 'create-listner'\n\nMaybe you meant:\n\n  * create-listener\n")
  })

  it('`register-task-defination` suggests the three closest operations', () => {
    const line = [
      'aws ecs register-task-defination -family python-web-app \\',
      '--task-role-arn arn:aws:iam:8332211724792:role/PythonECSTask \\',
      '--execution-role-arn arn:aws:iam:8332211724792:role/ecsTaskExecutionRole \\',
      '--network-mode awsvpc --container-definations file://fargate-container.json \\',
      '--cpu .5vCPU -memory 1GB -requires-compatibilities FARGATE',
    ].join('\n')
    expect(run(line).stderr).toContain(
      'Maybe you meant:\n\n  * register-task-definition\n  * deregister-task-definition\n  * register-daemon-task-definition\n',
    )
  })

  it('with the operation spelled right, the single-dash and misspelt options make --family and --container-definitions missing', () => {
    const line = [
      'aws ecs register-task-definition -family python-web-app \\',
      '--task-role-arn arn:aws:iam:8332211724792:role/PythonECSTask \\',
      '--execution-role-arn arn:aws:iam:8332211724792:role/ecsTaskExecutionRole \\',
      '--network-mode awsvpc --container-definations file://fargate-container.json \\',
      '--cpu .5vCPU -memory 1GB -requires-compatibilities FARGATE',
    ].join('\n')
    expect(run(line)).toEqual({
      stdout: '',
      stderr: `\naws: [ERROR]: An error occurred (ParamValidation): the following arguments are required: --family, --container-definitions\n\n${USAGE}`,
      exitCode: 252,
    })
  })

  it('the load balancer line glues words where a backslash has no space before it', () => {
    const line = [
      'aws elbv2 create-load-balancer --name FargateLoadBalancer\\',
      '--subnets subnet-0b745a24484d91131 subnet-0e2ab9fd49e193459\\',
      '--secuirity-groups sg13031acb62a9c273 --scheme internate facing \\',
      '--type application --ip-adress-type ipv4',
    ].join('\n')
    const result = run(line)
    expect(result.exitCode).toBe(252)
    expect(result.stderr).toBe(
      `\n${USAGE}\n\naws: [ERROR]: Unknown options: subnet-0e2ab9fd49e193459--secuirity-groups, sg13031acb62a9c273, facing, --ip-adress-type, ipv4, subnet-0b745a24484d91131\n`,
    )
  })

  it('the two-line create-service paste runs line by line, as bash reads it', () => {
    const result = run('aws ecs create-service --cluster <cluster-arn> --service-name\nFargateDemoService2 --task-defination <task-def-arn>')
    expect(result).toEqual({
      stdout: '',
      stderr: "bash: cluster-arn: No such file or directory\nbash: syntax error near unexpected token `newline'\n",
      exitCode: 2,
    })
  })

  it('`-desired-count 2` is unknown, its value listed after it', () => {
    const result = run('aws ecs update-service --service web -desired-count 2')
    expect(result.stderr.endsWith('\naws: [ERROR]: Unknown options: -desired-count, 2\n')).toBe(true)
  })

  it('`file ://load-balancer.json` on a single-value option leaves a stray word', () => {
    const result = run('aws ecs create-service --service-name web --network-configuration file ://task-networking.json')
    expect(result.stderr.endsWith('\naws: [ERROR]: Unknown options: ://task-networking.json\n')).toBe(true)
  })

  it('`file ://x` on a list option is parsed as shorthand and fails at the end of `file`', () => {
    const result = run('aws ecs create-service --service-name web --load-balancers file ://load-balancer.json')
    expect(result).toEqual({
      stdout: '',
      stderr: "\naws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '--load-balancers': Expected: '=', received: 'EOF' for input:\n file\n    ^\n",
      exitCode: 252,
    })
  })

  it('a missing file:// file is reported with Python’s errno text', () => {
    const result = run('aws ecs register-task-definition --family web --container-definitions file://missing.json')
    expect(result.stderr).toBe(
      "\naws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '--container-definitions': Unable to load paramfile file://missing.json: [Errno 2] No such file or directory: 'missing.json'\n",
    )
  })

  it('bad JSON shows Python’s message and the JSON received', () => {
    const result = run(`aws ecs register-task-definition --family web --container-definitions '[{"name":"a",}]'`)
    expect(result.exitCode).toBe(252)
    expect(result.stderr).toContain("Error parsing parameter '--container-definitions': Invalid JSON: Illegal trailing comma before end of object: line 1 column 13 (char 12)\nJSON received: [{\"name\":\"a\",}]\n")
  })

  it('a wrong type inside JSON is botocore’s validation error', () => {
    const result = run(`aws ecs register-task-definition --family web --container-definitions '[{"name":"a","memory":"512"}]'`)
    expect(result.stderr).toBe(
      "\naws: [ERROR]: An error occurred (ParamValidation): Parameter validation failed:\nInvalid type for parameter containerDefinitions[0].memory, value: 512, type: <class 'str'>, valid types: <class 'int'>\n",
    )
  })

  it('`--desired-count abc` fails in int() with exit 255', () => {
    const result = run('aws ecs create-service --service-name web --desired-count abc')
    expect(result).toEqual({ stdout: '', stderr: "\naws: [ERROR]: invalid literal for int() with base 10: 'abc'\n", exitCode: 255 })
  })

  it('an abbreviated option is accepted; an ambiguous one is refused', () => {
    expect(run('aws ec2 describe-subnets --subnet-i subnet-1').stderr).toContain('InvalidSubnetID.NotFound')
    expect(run('aws ecs create-service --service-name web --dep x').stderr).toContain(
      'ambiguous option: --dep could match --deployment-configuration, --deployment-controller',
    )
  })

  it('`--scheme internate facing`: the stray word first, then the service rejects the enum value', () => {
    const sandbox = createSandbox()
    const subnets = sandbox.exec("aws ec2 describe-subnets --query 'Subnets[0:2].SubnetId' --output text").stdout.trim().replace('\t', ' ')
    const line = `aws elbv2 create-load-balancer --name FargateLoadBalancer --subnets ${subnets} --scheme internate`
    expect(sandbox.exec(`${line} facing`).stderr.endsWith('\naws: [ERROR]: Unknown options: facing\n')).toBe(true)
    expect(sandbox.exec(line)).toEqual({
      stdout: '',
      stderr:
        "\naws: [ERROR]: An error occurred (ValidationError) when calling the CreateLoadBalancer operation: 1 validation error detected: Value 'internate' at 'scheme' failed to satisfy constraint: Member must satisfy enum value set: [internet-facing, internal]\n",
      exitCode: 254,
    })
  })

  it('`Type=forward, TargetGroupArn=…` with a space after the comma fails in the shorthand parser', () => {
    const result = run('aws elbv2 create-listener --load-balancer-arn arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/x/1 --protocol HTTP --port 80 --default-actions Type=forward, TargetGroupArn=arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/x/1')
    expect(result.stderr).toBe("\naws: [ERROR]: An error occurred (ParamValidation): Error parsing parameter '--default-actions': Expected: '<second>', received: '<none>' for input:\n Type=forward,\n             ^\n")
  })

  it('the notes’ role ARN (`arn:aws:iam:8332211724792:…`, one colon short) is refused by ECS', () => {
    const result = run('aws ecs register-task-definition --family python-web-app --network-mode awsvpc --container-definitions file://fargate-container.json --cpu .5vCPU --memory 1GB --requires-compatibilities FARGATE --task-role-arn arn:aws:iam:8332211724792:role/PythonECSTask')
    expect(result.stderr).toBe('\naws: [ERROR]: An error occurred (ClientException) when calling the RegisterTaskDefinition operation: Role is not valid\n')
  })
})
