import type { World } from '../sim/index.ts'

/**
 * The course notes' three files (../shared/course-notes.txt, "Task defination" and "Service Creation"), with their
 * placeholders `<image-from-ecr>` and `<target-group-arn>` left for the learner to fill in, and this world's real
 * subnet and security group IDs where the notes have IDs from someone else's account.
 */
export function starterFiles(world: World): Record<string, string> {
  const subnets = Object.values(world.ec2.subnets).sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone))
  const web = Object.values(world.ec2.securityGroups).find((g) => g.GroupName === 'web')
  const json = (value: unknown) => `${JSON.stringify(value, null, 4)}\n`
  return {
    'fargate-container.json': json([
      {
        environment: [],
        name: 'webapp',
        mountPoints: [],
        image: '<image-from-ecr>',
        portMappings: [{ protocol: 'tcp', containerPort: 8080, hostPort: 8080 }],
      },
    ]),
    'load-balancer.json': json([{ targetGroupArn: '<target-group-arn>', containerName: 'webapp', containerPort: 8080 }]),
    'task-networking.json': json({
      awsvpcConfiguration: {
        subnets: subnets.slice(0, 2).map((s) => s.SubnetId),
        securityGroups: web ? [web.GroupId] : [],
        assignPublicIp: 'ENABLED',
      },
    }),
  }
}
