// A Fargate service behind an ALB in the course's layered security groups, for the tests that break and mend it.
import { createSandbox } from '../../src/sandbox/index.ts'
import { ok } from './exec.ts'

/**
 * The layered-security pattern from the course notes' networking part: the ALB's group lets the world in on 80,
 * the tasks' group lets only the ALB's group in on 8080. Removing that rule starves the targets; putting it back
 * brings them back. Everything through the CLI and the clock.
 */
export function layeredService() {
  const sandbox = createSandbox()
  const subnets = ok(sandbox, "aws ec2 describe-subnets --query 'Subnets[0:2].SubnetId' --output text").split('\t')
  const vpc = ok(sandbox, 'aws ec2 describe-vpcs --query Vpcs[0].VpcId --output text')
  const albSg = ok(sandbox, `aws ec2 create-security-group --group-name alb-sg --description "HTTP from anywhere" --vpc-id ${vpc} --query GroupId --output text`)
  const taskSg = ok(sandbox, `aws ec2 create-security-group --group-name tasks-sg --description "8080 from the ALB only" --vpc-id ${vpc} --query GroupId --output text`)
  ok(sandbox, `aws ec2 authorize-security-group-ingress --group-id ${albSg} --protocol tcp --port 80 --cidr 0.0.0.0/0`)
  ok(sandbox, `aws ec2 authorize-security-group-ingress --group-id ${taskSg} --ip-permissions IpProtocol=tcp,FromPort=8080,ToPort=8080,UserIdGroupPairs=[{GroupId=${albSg}}]`)
  const lb = ok(sandbox, `aws elbv2 create-load-balancer --name web-alb --subnets ${subnets.join(' ')} --security-groups ${albSg} --query LoadBalancers[0].LoadBalancerArn --output text`)
  const tg = ok(sandbox, `aws elbv2 create-target-group --name web-tg --protocol HTTP --port 8080 --vpc-id ${vpc} --target-type ip --query TargetGroups[0].TargetGroupArn --output text`)
  ok(sandbox, `aws elbv2 create-listener --load-balancer-arn ${lb} --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=${tg}`)
  ok(sandbox, 'aws ecs create-cluster --cluster-name web')
  ok(sandbox, `aws ecs register-task-definition --family web --requires-compatibilities FARGATE --network-mode awsvpc --cpu 256 --memory 512 --execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --container-definitions '[{"name":"webapp","image":"123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp:latest","portMappings":[{"containerPort":8080}]}]'`)
  ok(sandbox, `aws ecs create-service --cluster web --service-name web --task-definition web --desired-count 2 --launch-type FARGATE --load-balancers targetGroupArn=${tg},containerName=webapp,containerPort=8080 --network-configuration "awsvpcConfiguration={subnets=[${subnets.join(',')}],securityGroups=[${taskSg}],assignPublicIp=ENABLED}"`)
  ok(sandbox, 'aws elbv2 wait load-balancer-available --names web-alb')
  ok(sandbox, 'aws ecs wait services-stable --cluster web --services web')
  ok(sandbox, `aws elbv2 wait target-in-service --target-group-arn ${tg}`)
  const dns = ok(sandbox, 'aws elbv2 describe-load-balancers --names web-alb --query LoadBalancers[0].DNSName --output text')
  const health = () => ok(sandbox, `aws elbv2 describe-target-health --target-group-arn ${tg} --query 'TargetHealthDescriptions[].TargetHealth.State' --output text`)
  return { sandbox, albSg, taskSg, tg, dns, health }
}
