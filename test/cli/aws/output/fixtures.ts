// Responses behind the worked examples of aws-fidelity.md 1.13/1.14 (ECS describe-clusters/list-clusters,
// ELBv2 describe-rules), keys in model order as the sim shapes them.
const arn = (name: string): string => `arn:aws:ecs:us-east-1:123456789012:cluster/${name}`

export const cluster = (name: string): Record<string, unknown> => ({
  clusterArn: arn(name),
  clusterName: name,
  status: 'ACTIVE',
  registeredContainerInstancesCount: 0,
  runningTasksCount: 0,
  pendingTasksCount: 0,
  activeServicesCount: 0,
  statistics: [],
  tags: [],
  settings: [{ name: 'containerInsights', value: 'disabled' }],
  capacityProviders: [],
  defaultCapacityProviderStrategy: [],
})

export const describeClusters = { clusters: [cluster('demo'), cluster('prod')], failures: [] }
export const describeDemo = { clusters: [cluster('demo')], failures: [] }
export const listClusters = { clusterArns: [arn('demo'), arn('prod')] }

const listener = 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener-rule/app/web-alb/391fe2b4cdbfde26/a3480fc5ea89a23a'
export const describeRules = {
  Rules: [
    {
      RuleArn: `${listener}/866823329b7c981c`,
      Priority: '10',
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/users*'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/users-tg/115ba1083bdbd69a' }],
      IsDefault: false,
    },
    {
      RuleArn: `${listener}/0d2c5c0e1b2a3f49`,
      Priority: 'default',
      Conditions: [],
      Actions: [{ Type: 'fixed-response', FixedResponseConfig: { MessageBody: 'nope', StatusCode: '404', ContentType: 'text/plain' } }],
      IsDefault: true,
    },
  ],
}
