import { handler, type ServiceSim } from '../context.ts'
import { registryPassword, TOKEN_LIFETIME_MS } from './auth.ts'
import { batchDeleteImage, describeImages, listImages } from './images.ts'
import { createRepository, deleteRepository, describeRepositories } from './repositories.ts'

export type { EcrState, EcrImage, Repository } from './state.ts'
export { checkRegistryPassword, registryHost } from './auth.ts'
export { layersIn, putImage } from './images.ts'

/** ECR: the account's private registry. Errors as the ECR API Reference names them (JSON protocol: exception names). */
export const ecr: ServiceSim = {
  operations: {
    GetAuthorizationToken: handler((ctx) => {
      const { accountId, region } = ctx.world
      // Whole seconds: the password carries its expiry in seconds, and the registry derives it again from that.
      const expiresAt = Math.floor((ctx.now() + TOKEN_LIFETIME_MS) / 1000) * 1000
      return {
        authorizationData: [{
          authorizationToken: btoa(`AWS:${registryPassword(accountId, region, expiresAt)}`),
          expiresAt,
          proxyEndpoint: `https://${accountId}.dkr.ecr.${region}.amazonaws.com`,
        }],
      }
    }),
    CreateRepository: handler(createRepository),
    DeleteRepository: handler(deleteRepository),
    DescribeRepositories: handler(describeRepositories),
    DescribeImages: handler(describeImages),
    ListImages: handler(listImages),
    BatchDeleteImage: handler(batchDeleteImage),
  },
}
