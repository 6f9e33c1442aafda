// The course notes' Fargate walkthrough with the corrected commands (lessons/02-fargate-walkthrough.md), as a
// learner types it into the console: shared by the diagram's end-to-end test and `npm run screenshot`.
export const IMAGE = '123456789012.dkr.ecr.us-east-1.amazonaws.com/pythonwebapp:latest'
export const CONTAINER_JSON = `[{"environment":[],"name":"webapp","mountPoints":[],"image":"${IMAGE}","portMappings":[{"protocol":"tcp","containerPort":8080,"hostPort":8080}]}]`

// [command, what shows it has run: text in the console or a node in the diagram] — the corrected commands of
// lessons/02-fargate-walkthrough.md. (Long JSON answers scroll the virtualised log, so nodes are the surer sign.)
export const WALKTHROUGH = [
  ["SUBNETS=$(aws ec2 describe-subnets --query 'Subnets[0:2].SubnetId' --output text)", undefined],
  ["SG=$(aws ec2 describe-security-groups --group-names web --query 'SecurityGroups[0].GroupId' --output text)", undefined],
  ["VPC=$(aws ec2 describe-vpcs --query 'Vpcs[0].VpcId' --output text)", undefined],
  ['aws elbv2 create-load-balancer --name FargateLoadBalancer --subnets $SUBNETS --security-groups $SG --scheme internet-facing --type application --ip-address-type ipv4', { node: 'Load balancer FargateLoadBalancer provisioning' }],
  ['aws elbv2 create-target-group --name FargateTargetGroup --protocol HTTP --port 8080 --vpc-id $VPC --target-type ip', { node: 'Target group FargateTargetGroup HTTP:8080' }],
  ["LB_ARN=$(aws elbv2 describe-load-balancers --names FargateLoadBalancer --query 'LoadBalancers[0].LoadBalancerArn' --output text)", undefined],
  ["TG_ARN=$(aws elbv2 describe-target-groups --names FargateTargetGroup --query 'TargetGroups[0].TargetGroupArn' --output text)", undefined],
  ['aws elbv2 create-listener --load-balancer-arn $LB_ARN --protocol HTTP --port 80 --default-actions Type=forward,TargetGroupArn=$TG_ARN', { node: 'Listener HTTP:80 on FargateLoadBalancer' }],
  ['aws ecs create-cluster --cluster-name fargate-cluster', { node: 'ECS cluster fargate-cluster ACTIVE' }],
  [`echo '${CONTAINER_JSON}' > fargate-container.json`, undefined],
  ['aws ecs register-task-definition --family python-web-app --task-role-arn arn:aws:iam::123456789012:role/PythonECSTask --execution-role-arn arn:aws:iam::123456789012:role/ecsTaskExecutionRole --network-mode awsvpc --container-definitions file://fargate-container.json --cpu .5vCPU --memory 1GB --requires-compatibilities FARGATE', { log: '"registeredBy"' }],
  ['echo "[{\\"targetGroupArn\\":\\"$TG_ARN\\",\\"containerName\\":\\"webapp\\",\\"containerPort\\":8080}]" > load-balancer.json', undefined],
  ['aws ecs create-service --cluster fargate-cluster --service-name FargateDemoService2 --task-definition python-web-app --load-balancers file://load-balancer.json --desired-count 2 --launch-type FARGATE --network-configuration file://task-networking.json --scheduling-strategy REPLICA --deployment-controller type=ECS', { node: 'ECS service FargateDemoService2 ACTIVE' }],
]
