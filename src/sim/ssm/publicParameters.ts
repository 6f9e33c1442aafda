import { AL2023, ECS_AL2023_CURRENT } from '../ec2/images.ts'

/**
 * The public parameters AWS publishes under `/aws/service/` that the course uses to find an AMI
 * (ECS Developer Guide, "Retrieving Amazon ECS-optimized Linux AMI metadata"; EC2 User Guide, "Reference AMIs using
 * Systems Manager parameters"). Their values come from the sandbox's images (ec2/images.ts: invented IDs, flagged there).
 * The JSON parameter's fields follow the documented `recommended` metadata.
 */
export interface PublicParameter {
  Name: string
  Type: 'String'
  Value: string
  Version: number
  /** Epoch ms: when the image it names was published. */
  LastModifiedDate: number
  DataType: 'text' | 'aws:ec2:image'
}

const ECS_AL2023 = '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended'

const published = (creationDate: string) => Date.parse(creationDate)

export const PUBLIC_PARAMETERS: readonly PublicParameter[] = [
  {
    Name: `${ECS_AL2023}/image_id`, Type: 'String', Value: ECS_AL2023_CURRENT.ImageId, Version: 87,
    LastModifiedDate: published(ECS_AL2023_CURRENT.CreationDate), DataType: 'aws:ec2:image',
  },
  {
    Name: ECS_AL2023, Type: 'String', Version: 87, LastModifiedDate: published(ECS_AL2023_CURRENT.CreationDate), DataType: 'text',
    Value: JSON.stringify({
      ecs_agent_version: ECS_AL2023_CURRENT.ecsAgentVersion,
      ecs_runtime_version: `Docker version ${String(ECS_AL2023_CURRENT.dockerVersion)}`,
      image_id: ECS_AL2023_CURRENT.ImageId,
      image_name: ECS_AL2023_CURRENT.Name,
      image_version: ECS_AL2023_CURRENT.imageVersion,
      os: 'Amazon Linux 2023',
      schema_version: 1,
      source_image_name: `al2023-ami-minimal-${ECS_AL2023_CURRENT.imageVersion}-kernel-6.1-x86_64`,
    }),
  },
  {
    Name: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64', Type: 'String', Value: AL2023.ImageId, Version: 112,
    LastModifiedDate: published(AL2023.CreationDate), DataType: 'aws:ec2:image',
  },
]
