import { describe, expect, it } from 'vitest'
import { lesson, upTo } from './support.ts'

// Container Insights and Logs Insights (lessons/10-container-insights.md): the learner does almost the right thing,
// the simulation answers as AWS would, and the step's goal stays unmet.

const insights = lesson('container-insights')
const PERFORMANCE = '/aws/ecs/containerinsights/fargate-cluster/performance'
const SCALABLE = '--service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/fargate-cluster/FargateDemoService2'
const startQuery = (query: string) => `QUERY=$(aws logs start-query --log-group-name ${PERFORMANCE} --start-time 0 --end-time 2000000000 --query-string '${query}' --query queryId --output text)`

describe('container insights: typical mistakes leave the goal unmet', () => {
  it('turning Insights on again as the learner profile is refused again, and the setting stays as it was', () => {
    const session = upTo(insights, 'enable-insights')
    const refused = session.exec('AWS_PROFILE=learner aws ecs put-account-setting --name containerInsights --value enabled')
    expect(refused.stderr).toContain('AccessDeniedException')
    expect(refused.stderr).toContain('ecs:PutAccountSetting')
    expect(session.exec('aws ecs list-account-settings --name containerInsights --effective-settings --query settings[0].value --output text').stdout.trim()).not.toBe('enabled')
    expect(session.goal('enable-insights')).toMatchObject({ met: false })
  })

  it('the account setting again does not reach the cluster made before it: no Container Insights metrics, however long the load', () => {
    const session = upTo(insights, 'cluster-setting')
    expect(session.exec('aws ecs put-account-setting --name containerInsights --value enabled').exitCode).toBe(0)
    expect(session.exec("aws ecs describe-clusters --clusters fargate-cluster --include SETTINGS --query 'clusters[0].settings[0].value' --output text").stdout.trim()).toBe('disabled')
    session.exec("DNS=$(aws elbv2 describe-load-balancers --names FargateLoadBalancer --query 'LoadBalancers[0].DNSName' --output text)")
    session.exec('hey -z 3m -c 5 http://$DNS/')
    expect(session.exec('aws cloudwatch list-metrics --namespace ECS/ContainerInsights --dimensions Name=ClusterName,Value=fargate-cluster').stdout).not.toContain('CpuUtilized')
    expect(session.exec('aws cloudwatch list-metrics --namespace AWS/ECS --dimensions Name=ClusterName,Value=fargate-cluster').stdout).toContain('CPUUtilization')
    expect(session.goal('cluster-setting')).toMatchObject({ met: false })
  })

  it('hey without http:// fails as hey does and puts no load on the service', () => {
    const session = upTo(insights, 'put-load')
    session.exec("DNS=$(aws elbv2 describe-load-balancers --names FargateLoadBalancer --query 'LoadBalancers[0].DNSName' --output text)")
    const result = session.exec('hey -z 1m $DNS')
    expect(result.exitCode).not.toBe(0)
    expect(result.stdout + result.stderr).not.toContain('Status code distribution')
    expect(session.goal('put-load')).toMatchObject({ met: false })
  })

  it('asking for the results straight after start-query finds the query still running, with no rows', () => {
    const session = upTo(insights, 'busy-task')
    session.exec(startQuery('filter Type = "Task" | stats max(CpuUtilized) as peakCpu by TaskId | sort peakCpu desc'))
    const early = JSON.parse(session.exec('aws logs get-query-results --query-id $QUERY').stdout)
    expect(early.status).toMatch(/^(Scheduled|Running)$/)
    expect(early.results).toEqual([])
    expect(session.goal('busy-task')).toMatchObject({ met: false })
  })

  it("the notes' typo gives rows without the misspelt column, no error; that does not fix the query", () => {
    const session = upTo(insights, 'fixed-query')
    session.exec(startQuery('stats avg(CpuUtilized), avg(MemoryUitlized) by bin(30m)'))
    session.exec('sleep 5')
    const typo = session.exec('aws logs get-query-results --query-id $QUERY')
    expect(typo.exitCode).toBe(0)
    const fields = JSON.parse(typo.stdout).results.flat().map((c: { field: string }) => c.field)
    expect(new Set(fields)).toEqual(new Set(['bin(30m)', 'avg(CpuUtilized)']))
    expect(session.goal('fixed-query')).toMatchObject({ met: false })
  })

  it('a query with a missing parenthesis is a MalformedQueryException that names the position, and nothing starts', () => {
    const session = upTo(insights, 'fixed-query')
    const before = session.exec('aws logs describe-queries --query "length(queries)"').stdout.trim()
    const result = session.exec(`aws logs start-query --log-group-name ${PERFORMANCE} --start-time 0 --end-time 2000000000 --query-string 'stats avg(CpuUtilized), avg(MemoryUtilized) by bin(30m'`)
    expect(result.stderr).toContain('An error occurred (MalformedQueryException) when calling the StartQuery operation: unexpected symbol found <EOF> at line 1 and position 55')
    expect(session.exec('aws logs describe-queries --query "length(queries)"').stdout.trim()).toBe(before)
    expect(session.goal('fixed-query')).toMatchObject({ met: false })
  })

  it('a scaling policy before the scalable target is refused, creating no alarms', () => {
    const session = upTo(insights, 'scale-itself')
    const refused = session.exec(
      `aws application-autoscaling put-scaling-policy ${SCALABLE} --policy-name cpu50 --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration '{"TargetValue":50.0,"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"}}'`,
    )
    expect(refused.stderr).toContain('ObjectNotFoundException')
    expect(refused.stderr).toContain('No scalable target registered for service namespace: ecs, resource ID: service/fargate-cluster/FargateDemoService2')
    expect(JSON.parse(session.exec('aws cloudwatch describe-alarms').stdout).MetricAlarms).toEqual([])
    expect(session.goal('scale-itself')).toMatchObject({ met: false })
  })

  it('a minute of load is too short for the high alarm: the service stays at two', () => {
    const session = upTo(insights, 'scale-itself')
    session.exec(`aws application-autoscaling register-scalable-target ${SCALABLE} --min-capacity 2 --max-capacity 6`)
    session.exec(
      `aws application-autoscaling put-scaling-policy ${SCALABLE} --policy-name cpu50 --policy-type TargetTrackingScaling --target-tracking-scaling-policy-configuration '{"TargetValue":50.0,"PredefinedMetricSpecification":{"PredefinedMetricType":"ECSServiceAverageCPUUtilization"}}'`,
    )
    session.exec("DNS=$(aws elbv2 describe-load-balancers --names FargateLoadBalancer --query 'LoadBalancers[0].DNSName' --output text)")
    session.exec('hey -z 1m -c 50 http://$DNS/')
    expect(session.exec('aws ecs describe-services --cluster fargate-cluster --services FargateDemoService2 --query services[0].desiredCount --output text').stdout.trim()).toBe('2')
    session.exec(`aws application-autoscaling describe-scaling-activities --service-namespace ecs --resource-id service/fargate-cluster/FargateDemoService2`)
    expect(session.goal('scale-itself')).toMatchObject({ met: false })
  })
})
