import { variant } from './params.ts'
import type { Quiz, RunItem } from './types.ts'

/** Words any learner's log is full of; the commands of the quiz itself come after them (nearer, so cheaper). */
const VOCABULARY = [
  'aws ecs describe-services --cluster --services aws ecs list-tasks --cluster aws ecs describe-tasks --tasks',
  'aws ecs update-service --desired-count aws ecs create-service --service-name --task-definition --launch-type FARGATE',
  '--network-configuration "awsvpcConfiguration={subnets=[],securityGroups=[],assignPublicIp=ENABLED}" --load-balancers',
  'aws ecs register-task-definition --family --network-mode awsvpc --requires-compatibilities FARGATE --cpu 256 --memory 512',
  '--container-definitions file:// aws ecs create-cluster --cluster-name aws ecs wait services-stable',
  'aws elbv2 describe-target-health --target-group-arn aws elbv2 describe-target-groups --names --query',
  "'TargetGroups[0].TargetGroupArn' --output text aws elbv2 create-target-group --protocol HTTP --port --vpc-id --target-type ip",
  'aws elbv2 describe-load-balancers --names aws elbv2 create-listener --load-balancer-arn --default-actions Type=forward,TargetGroupArn=',
  'aws elbv2 create-rule --listener-arn --priority --conditions Field=path-pattern,Values= --actions',
  "aws ec2 describe-subnets --query 'Subnets[].SubnetId' aws ec2 describe-security-groups --group-names web",
  "aws ec2 authorize-security-group-ingress --group-id --protocol tcp --cidr 0.0.0.0/0 curl http://$DNS/ clear help ls cat",
].join('\n')

const itemsText = (items: readonly RunItem[]) => items.map((i) => ('command' in i ? i.command : '')).join('\n')

/**
 * The dictionary that primes the result code's compressor: the same text on both sides, from the quiz and the
 * seed alone (the variants the learner saw), so the code carries only what the learner did differently.
 */
export function dictionaryFor(quiz: Quiz, seed: number): string {
  const parts = [VOCABULARY]
  for (const q of quiz.questions) {
    if (q.kind !== 'practical' && q.kind !== 'predict' && q.kind !== 'pick') continue
    const v = variant(q, seed)
    parts.push(...Object.values(v.files), itemsText(v.setup))
    if (v.kind === 'pick') continue
    if (v.kind === 'practical') parts.push(itemsText(v.mistake?.run ?? []), itemsText(v.solution))
    else parts.push(itemsText(v.run), v.reveal.command)
  }
  return parts.join('\n')
}
