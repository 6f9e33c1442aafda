/**
 * The Amazon machine images the sandbox offers, as data: the ECS-optimized Amazon Linux 2023 AMI (the current revision
 * and the one before, so that patching has somewhere to move) and plain Amazon Linux 2023, which has no ECS agent.
 * Names follow AWS's patterns (`al2023-ami-ecs-hvm-<version>-kernel-6.1-x86_64`, `al2023-ami-<version>-kernel-6.1-x86_64`;
 * ECS Developer Guide "Retrieving Amazon ECS-optimized Linux AMI metadata", ecs-optimized_AMI.html) and the owner
 * accounts are AWS's (591542846629 for the ECS-optimized AMIs, 137112412989 for Amazon Linux).
 * The AMI IDs, dates and versions are INVENTED but realistic: real IDs differ per Region and change with every release.
 */
export interface ImageFacts {
  ImageId: string
  Name: string
  Description: string
  OwnerId: string
  CreationDate: string
  Architecture: 'x86_64' | 'arm64'
  /** Whether the ECS container agent is installed and enabled at boot (the ECS-optimized AMIs). */
  ecsAgent: boolean
  /** Versions the ECS-optimized AMI's metadata parameter reports. */
  ecsAgentVersion?: string
  dockerVersion?: string
  imageVersion: string
}

export const ECS_AL2023_PREVIOUS: ImageFacts = {
  ImageId: 'ami-05b10e08d247fb927',
  Name: 'al2023-ami-ecs-hvm-2023.0.20251021-kernel-6.1-x86_64',
  Description: 'Amazon Linux AMI 2023.0.20251021 x86_64 ECS HVM EBS',
  OwnerId: '591542846629',
  CreationDate: '2025-10-22T18:27:41.000Z',
  Architecture: 'x86_64',
  ecsAgent: true,
  ecsAgentVersion: '1.98.0',
  dockerVersion: '25.0.8',
  imageVersion: '2023.0.20251021',
}

export const ECS_AL2023_CURRENT: ImageFacts = {
  ImageId: 'ami-0c6f2a3e1bd4c8f57',
  Name: 'al2023-ami-ecs-hvm-2023.0.20251118-kernel-6.1-x86_64',
  Description: 'Amazon Linux AMI 2023.0.20251118 x86_64 ECS HVM EBS',
  OwnerId: '591542846629',
  CreationDate: '2025-11-19T17:02:15.000Z',
  Architecture: 'x86_64',
  ecsAgent: true,
  ecsAgentVersion: '1.100.0',
  dockerVersion: '25.0.8',
  imageVersion: '2023.0.20251118',
}

export const AL2023: ImageFacts = {
  ImageId: 'ami-0a3c8e4f7d21b9e60',
  Name: 'al2023-ami-2023.9.20251117.1-kernel-6.1-x86_64',
  Description: 'Amazon Linux 2023 AMI 2023.9.20251117.1 x86_64 HVM kernel-6.1',
  OwnerId: '137112412989',
  CreationDate: '2025-11-17T21:14:09.000Z',
  Architecture: 'x86_64',
  ecsAgent: false,
  imageVersion: '2023.9.20251117.1',
}

export const IMAGES: readonly ImageFacts[] = [ECS_AL2023_PREVIOUS, ECS_AL2023_CURRENT, AL2023]

export const imageFacts = (imageId: string): ImageFacts | undefined => IMAGES.find((i) => i.ImageId === imageId)
