import { describe, expect, it } from 'vitest'
import { operationCommands } from '../../src/cli/aws/index.ts'
import { serviceNames } from '../../src/models/index.ts'
import { createSandbox } from '../../src/sandbox/index.ts'

/**
 * Words that are members of every plain JavaScript object. A learner may type any of them as a name, a filter,
 * a variable or a file; each must get the same answer any other unknown word gets (the service's error, "not
 * found", an empty list), never a crash or a JavaScript function printed as a value.
 */
const NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'toLocaleString']

/** Lines for one name: the hand-picked tables input meets (settings, options, shorthand, JSON, shell). */
const lines = (n: string) => [
  `aws ecs put-account-setting --name ${n} --value enabled`,
  `aws ecs put-account-setting-default --name ${n} --value enabled`,
  `aws ecs list-account-settings --name ${n} --effective-settings`,
  `aws ecs list-account-settings --name ${n}`,
  `aws ecs create-cluster --cluster-name ${n} --settings name=${n},value=enabled`,
  `aws ecs create-cluster --cluster-name ${n}`,
  `aws ecs describe-clusters --clusters ${n}`,
  `aws ecs list-services --cluster ${n}`,
  `aws ecs describe-task-definition --task-definition ${n}`,
  `aws ecs register-task-definition --family ${n} --container-definitions '[{"name":"${n}","image":"nginx","memory":128,"${n}":1}]'`,
  `aws ecs register-task-definition --cli-input-json '{"${n}":{"a":1}}'`,
  `aws ecs create-service --cluster ${n} --service-name ${n} --task-definition ${n} --network-configuration ${n}={}`,
  `aws ecs create-service --cluster ${n} --service-name ${n} --deployment-configuration ${n}=1`,
  `aws ecs run-task --cluster ${n} --task-definition ${n} --launch-type ${n}`,
  `aws ec2 create-security-group --group-name ${n} --description ${n}`,
  `aws ec2 describe-security-groups --group-names ${n}`,
  `aws elbv2 describe-load-balancers --names ${n}`,
  `aws elbv2 describe-target-groups --names ${n}`,
  `aws iam get-role --role-name ${n}`,
  `aws ecr describe-repositories --repository-names ${n}`,
  `aws ${n}`,
  `aws ecs ${n}`,
  `aws ecs wait ${n}`,
  `aws ecs list-clusters --${n} x`,
  `aws ecs list-clusters --output ${n}`,
  `aws ecs list-clusters --query ${n}`,
  `aws ecs list-clusters --generate-cli-skeleton ${n}`,
  `aws ecs ${n} help`,
  `echo $${n}`,
  `echo \${${n}}`,
  `echo \${${n}:-default}`,
  `${n}=1; echo $${n}`,
  `export ${n}=2; echo $${n}`,
  `unset ${n}`,
  `cat ${n}`,
  `ls ${n}`,
  `rm ${n}`,
  `echo hi > ${n}; cat ${n}`,
  `aws ecs register-task-definition --cli-input-json file://${n}`,
  `cd ${n}`,
  `${n}`,
  `help ${n}`,
  `docker ${n}`,
  `curl ${n}`,
  `curl http://${n}/`,
  `curl -s -w '%{${n}}' http://${n}/`,
  `curl --${n} http://x/`,
  `aws ecs create-cluster --cli-input-json '{"clusterName":"a","${n}":{"clusterName":"b"}}'`,
  `aws ecs create-cluster --cli-input-json '{"${n}":{"clusterName":"c"}}'`,
  `aws ecs list-clusters --cli-input-json '{"${n}":1}'`,
  `aws ec2 describe-vpcs --filters Name=${n},Values=x Name=tag:${n},Values=y`,
]

/** Every list/describe/get of every modelled service, its required options given the name, plus EC2's filters. */
function everyReadOperation(n: string): string[] {
  const out: string[] = []
  for (const service of serviceNames()) {
    for (const command of operationCommands(service)) {
      if (!/^(list|describe|get)-/.test(command.cliName)) continue
      const required = command.options.filter((o) => o.required).map((o) => `${o.name} ${n}`)
      const filters = command.options.some((o) => o.name === '--filters') ? [`--filters Name=${n},Values=x`] : [[]]
      for (const extra of filters) out.push(['aws', service, command.cliName, ...required, ...[extra].flat()].join(' '))
    }
  }
  return out
}

function expectNoLeak(sandbox: ReturnType<typeof createSandbox>, line: string) {
  const result = sandbox.exec(line)
  const text = result.stdout + result.stderr
  expect(text, line).not.toContain('internal error')
  expect(text, line).not.toContain('native code')
  expect(text, line).not.toContain('[object Object]')
  expect(Number.isInteger(result.exitCode), line).toBe(true)
}

describe('names that are members of every JavaScript object are ordinary words', () => {
  it.each(NAMES)('%s as a setting, option, key, variable and file name', (n) => {
    const sandbox = createSandbox()
    for (const line of lines(n)) expectNoLeak(sandbox, line)
    for (const line of lines(n)) {
      expect(sandbox.complete(line).items.join(' '), line).not.toContain('native code')
      sandbox.diagnose(line)
    }
  })

  it.each(NAMES)('%s in every list/describe/get, and as an EC2 filter name', (n) => {
    const sandbox = createSandbox()
    for (const line of everyReadOperation(n)) expectNoLeak(sandbox, line)
  })

  it('an unknown setting name is ECS’s validation error; --effective-settings never prints a function', () => {
    const sandbox = createSandbox()
    const put = sandbox.exec('aws ecs put-account-setting --name constructor --value enabled')
    expect(put.exitCode).toBe(254)
    expect(put.stderr).toContain('(InvalidParameterException) when calling the PutAccountSetting operation')
    const list = sandbox.exec('aws ecs list-account-settings --name constructor --effective-settings')
    expect(list.stdout + list.stderr).not.toContain('function')
  })

  it.each(NAMES)('%s as an EC2 filter name is EC2’s "The filter is invalid"', (n) => {
    const result = createSandbox().exec(`aws ec2 describe-vpcs --filters Name=${n},Values=x`)
    expect(result.stderr).toBe(`\naws: [ERROR]: An error occurred (InvalidParameterValue) when calling the DescribeVpcs operation: The filter '${n}' is invalid\n`)
  })

  it.each(NAMES)('%s as a JSON key is an unknown parameter, and creates nothing', (n) => {
    const sandbox = createSandbox()
    const result = sandbox.exec(`aws ecs create-cluster --cli-input-json '{"${n}":{"clusterName":"c"}}'`)
    expect(result.exitCode).toBe(252)
    expect(result.stderr).toContain(`Unknown parameter in input: "${n}"`)
    expect(sandbox.exec('aws ecs list-clusters --query clusterArns --output text').stdout).not.toContain('cluster/c')
  })

  it('a shell variable named like an object member is unset until assigned, then holds its value', () => {
    const sandbox = createSandbox()
    expect(sandbox.exec('echo "[$constructor]"')).toEqual({ stdout: '[]\n', stderr: '', exitCode: 0 })
    expect(sandbox.exec('constructor=built; echo $constructor').stdout).toBe('built\n')
  })

  it('a file named like an object member is not there until written', () => {
    const sandbox = createSandbox()
    expect(sandbox.exec('cat __proto__')).toEqual({ stdout: '', stderr: 'cat: __proto__: No such file or directory\n', exitCode: 1 })
    sandbox.exec('echo hi > __proto__')
    expect(sandbox.exec('cat __proto__').stdout).toBe('hi\n')
    expect(sandbox.files.list()).toContain('__proto__')
  })
})
