import { expect } from 'vitest'
import { createSandbox } from '../../../src/sandbox/index.ts'

export type Sandbox = ReturnType<typeof createSandbox>

export const ECR_IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp:latest'

/** Runs a line that must succeed and returns its JSON output (or {} for no output). */
export function ok(sandbox: Sandbox, line: string) {
  const result = sandbox.exec(line)
  expect(result.stderr, line).toBe('')
  expect(result.exitCode, line).toBe(0)
  return result.stdout ? JSON.parse(result.stdout) : {}
}

/** Runs a line that must fail and returns its stderr. */
export function fails(sandbox: Sandbox, line: string): string {
  const result = sandbox.exec(line)
  expect(result.exitCode, line).not.toBe(0)
  return result.stderr
}

/** A sandbox with the course notes' fargate-cluster and python-web-app:1 registered from fargate-container.json. */
export function walkthrough(): Sandbox {
  const sandbox = createSandbox()
  sandbox.files.write('fargate-container.json', sandbox.files.read('fargate-container.json')!.replace('<image-from-ecr>', ECR_IMAGE))
  ok(sandbox, 'aws ecs create-cluster --cluster-name fargate-cluster')
  ok(
    sandbox,
    'aws ecs register-task-definition --family python-web-app --task-role-arn arn:aws:iam::123456789012:role/PythonECSTask ' +
      '--execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --network-mode awsvpc ' +
      '--container-definitions file://fargate-container.json --cpu .5vCPU --memory 1GB --requires-compatibilities FARGATE',
  )
  return sandbox
}

export const createWebService = (sandbox: Sandbox, extra = '') =>
  ok(
    sandbox,
    'aws ecs create-service --cluster fargate-cluster --service-name FargateDemoService2 --task-definition python-web-app ' +
      `--desired-count 2 --launch-type FARGATE --network-configuration file://task-networking.json --scheduling-strategy REPLICA ${extra}`,
  ).service

export const describeService = (sandbox: Sandbox, name = 'FargateDemoService2') =>
  ok(sandbox, `aws ecs describe-services --cluster fargate-cluster --services ${name}`).services[0]

export function tasksOf(sandbox: Sandbox, args = '--service-name FargateDemoService2') {
  const { taskArns } = ok(sandbox, `aws ecs list-tasks --cluster fargate-cluster ${args}`)
  if (!taskArns.length) return []
  return ok(sandbox, `aws ecs describe-tasks --cluster fargate-cluster --tasks ${taskArns.join(' ')}`).tasks
}

export const messages = (service: { events: { message: string }[] }) => service.events.map((e) => e.message)
