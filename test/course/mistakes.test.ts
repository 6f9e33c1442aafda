import { describe, expect, it } from 'vitest'
import { LessonSession } from '../../src/course/session.ts'
import { lesson, missingFromSimulator, stepIndex as index, upTo } from './support.ts'

// One typical mistake per lesson: the learner does almost the right thing, and the step's goal stays unmet.



describe('typical mistakes leave the goal unmet', () => {
  const l1 = lesson('containers-tasks-clusters')
  it.skipIf(missingFromSimulator(l1).length > 0)('lesson 1: run-task without --network-configuration runs no task', () => {
    const session = upTo(l1, 'run-a-one-off-task')
    const record = session.exec('aws ecs run-task --cluster fargate-cluster --task-definition hello-nginx --launch-type FARGATE')
    expect(record.stderr).toContain('InvalidParameterException')
    session.advance(120_000)
    expect(session.goal('run-a-one-off-task')).toMatchObject({ met: false })
  })

  const l2 = lesson('fargate-walkthrough')
  it.skipIf(missingFromSimulator(l2).length > 0)('lesson 2: registering the task definition with <image-from-ecr> still in the file never gets two healthy tasks', () => {
    const session = upTo(l2, 'notes-task-definition')
    // The learner skipped the ECR step: put the placeholder back.
    session.sandbox.files.write('fargate-container.json', session.sandbox.files.read('fargate-container.json')!.replace(/"image": "[^"]*"/, '"image": "<image-from-ecr>"'))
    for (const id of ['register-task-definition', 'load-balancer-json', 'create-service']) session.runSolution(l2.steps[index(l2, id)])
    session.goTo(index(l2, 'service-steady'))
    session.advance(300_000)
    const result = session.goal('service-steady')
    expect(result.met).toBe(false)
    expect(result.children?.[0].detail).toMatch(/runningCount is 0/)
  })

  const l3 = lesson('microservices-path-routing')
  it.skipIf(missingFromSimulator(l3).length > 0)('lesson 3: a service created without --load-balancers leaves its target group empty and its path answering 503', () => {
    const session = upTo(l3, 'services')
    const withoutMessagesTarget = l3.steps[index(l3, 'services')].solution.map((item) =>
      item.kind === 'command' && item.line.includes('--service-name messages') ? { ...item, line: item.line.replace(/ --load-balancers \S+/, '') } : item,
    )
    session.runSolution({ ...l3.steps[index(l3, 'services')], solution: withoutMessagesTarget })
    expect(session.goal('services').met).toBe(false)
    session.goTo(index(l3, 'healthy'))
    session.advance(300_000)
    expect(session.goal('healthy').children?.map((c) => c.met)).toEqual([true, true, false])
    session.goTo(index(l3, 'call-apis'))
    session.runSolution(l3.steps[index(l3, 'call-apis')])
    expect(session.goal('call-apis').children?.map((c) => c.met)).toEqual([true, true, false])
  })

  const l6 = lesson('ebs-availability-zones')
  it.skipIf(missingFromSimulator(l6).length > 0)('lesson 6: a volume restored from the snapshot in us-east-1a (the wrong zone) still does not attach to the instance in us-east-1b', () => {
    const session = upTo(l6, 'restore-and-attach')
    const snapshot = session.exec("aws ec2 describe-snapshots --owner-ids self --query 'Snapshots[0].SnapshotId' --output text").stdout.trim()
    const instance = session.exec("aws ec2 describe-instances --filters Name=tag:Name,Values=app --query 'Reservations[0].Instances[0].InstanceId' --output text").stdout.trim()
    const volume = session.exec(`aws ec2 create-volume --availability-zone us-east-1a --snapshot-id ${snapshot} --query VolumeId --output text`).stdout.trim()
    session.exec(`aws ec2 wait volume-available --volume-ids ${volume}`)
    const attach = session.exec(`aws ec2 attach-volume --volume-id ${volume} --instance-id ${instance} --device /dev/sdf`)
    expect(attach.stderr).toContain('InvalidVolume.ZoneMismatch')
    session.advance(60_000)
    expect(session.goal('restore-and-attach').met).toBe(false)
  })
})

describe('progress', () => {
  const l1 = lesson('containers-tasks-clusters')
  it('a step done out of order is recognised as completed, and completion is kept when the world changes', () => {
    const session = new LessonSession(l1)
    // On step 1, the learner already registers the task definition of step 2.
    session.runSolution(l1.steps[1])
    expect(session.completed()).toEqual(['register-a-task-definition'])
    session.runSolution(l1.steps[0])
    expect(session.completed()).toEqual(['create-a-fargate-cluster', 'register-a-task-definition'])
    session.exec('aws ecs delete-cluster --cluster fargate-cluster')
    expect(session.goal('create-a-fargate-cluster').met).toBe(false)
    expect(session.completed()).toContain('create-a-fargate-cluster')
  })

  it('lastCommand goals count only commands run since the step was opened', () => {
    const session = new LessonSession(l1)
    session.goTo(2)
    session.exec('aws ecs run-task --cluster fargate-cluster --task-definition hello-nginx --launch-type FARGATE')
    expect(session.goal('run-it-without-a-network').met).toBe(false) // no cluster yet: ClusterNotFoundException
    session.runSolution(l1.steps[0])
    session.runSolution(l1.steps[1])
    session.goTo(2)
    expect(session.goal('run-it-without-a-network').met).toBe(false)
    session.runSolution(l1.steps[2])
    expect(session.goal('run-it-without-a-network').met).toBe(true)
  })

  const l7 = lesson('ecs-on-ec2')
  it.skipIf(missingFromSimulator(l7).length > 0)('lesson 7: an instance launched without the instance profile never registers, and its agent says why', () => {
    const session = upTo(l7, 'launch-host')
    session.exec('echo "echo ECS_CLUSTER=ec2-cluster >> /etc/ecs/ecs.config" > user-data.sh')
    const id = session.exec('aws ec2 run-instances --image-id $AMI --instance-type t3.small --user-data file://user-data.sh --query Instances[0].InstanceId --output text').stdout.trim()
    session.exec('sleep 5m')
    expect(session.goal('launch-host').met).toBe(false)
    expect(session.exec(`aws ec2 describe-instances --instance-ids ${id} --query Reservations[0].Instances[0].State.Name --output text`).stdout.trim()).toBe('running')
  })

  it.skipIf(missingFromSimulator(l7).length > 0)('lesson 7: a group created without scale-in protection cannot have a capacity provider with managed termination protection', () => {
    const session = upTo(l7, 'auto-scaling-group')
    const step = l7.steps[index(l7, 'auto-scaling-group')]
    session.runSolution({ ...step, solution: step.solution.map((item) => (item.kind === 'command' ? { ...item, line: item.line.replace(' --new-instances-protected-from-scale-in', '') } : item)) })
    session.goTo(index(l7, 'capacity-provider'))
    const records = session.runSolution(l7.steps[index(l7, 'capacity-provider')])
    expect(records.map((r) => r.stderr).join('')).toContain('the Auto Scaling group must have instance protection from scale in enabled.')
    expect(session.goal('capacity-provider').met).toBe(false)
  })

  it.skipIf(missingFromSimulator(l7).length > 0)('lesson 7: an instance refresh without ScaleInProtectedInstances=Refresh leaves the busy instances on the old AMI', () => {
    const session = upTo(l7, 'instance-refresh')
    const step = l7.steps[index(l7, 'instance-refresh')]
    session.runSolution({ ...step, solution: step.solution.map((item) => (item.kind === 'command' ? { ...item, line: item.line.replace(',"ScaleInProtectedInstances":"Refresh"', '') } : item)) })
    const result = session.goal('instance-refresh')
    expect(result.met).toBe(false)
    // The refresh itself says Successful: it skipped the protected instances.
    expect(result.children?.[0].met).toBe(true)
  })
})
