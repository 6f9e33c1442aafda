import type { ImageSpec } from '../runtime/images.ts'

/** ECR slice: repositories (in the API's `Repository` shape) and the images pushed to them. */
export interface Repository {
  repositoryArn: string
  registryId: string
  repositoryName: string
  repositoryUri: string
  /** Epoch ms; shaped into a timestamp by the protocol layer. */
  createdAt: number
  imageTagMutability: string
  imageScanningConfiguration: { scanOnPush: boolean }
  encryptionConfiguration: { encryptionType: string }
}

export interface EcrImage extends Omit<ImageSpec, 'repository'> {
  repositoryName: string
  /** Epoch ms. */
  pushedAt: number
}

export interface EcrState {
  repositories: Record<string, Repository>
  images: EcrImage[]
}
