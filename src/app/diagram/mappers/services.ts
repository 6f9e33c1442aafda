import { imagesOfRepository, trustedPrincipals } from '../../../sandbox/views.ts'
import { creationOrder, type ResourceMapper } from './registry.ts'
import { SIZES } from './network.ts'

/** ECR is regional, so repositories sit in the Region beside the VPCs, never inside one. */
export const ecrRepositoryMapper: ResourceMapper = {
  kind: 'ECR repository',
  map(world, out) {
    Object.values(world.ecr.repositories).forEach((repo, i) => {
      const images = imagesOfRepository(world, repo.repositoryName).length
      const imageText = `${images} image${images === 1 ? '' : 's'}`
      out.addNode({
        id: repo.repositoryArn,
        parentId: world.region,
        nodeType: 'resource',
        section: 'regional',
        order: creationOrder(i),
        size: SIZES.ecrRepository,
        data: {
          kind: 'ECR repository',
          label: repo.repositoryName,
          detail: imageText,
          status: 'neutral',
          ariaLabel: `ECR repository ${repo.repositoryName}, ${imageText}`,
        },
      })
    })
  },
}

/** IAM is global: roles sit outside the Region. */
export const iamRoleMapper: ResourceMapper = {
  kind: 'IAM role',
  map(world, out) {
    Object.values(world.iam.roles).forEach((role, i) => {
      const trusted = trustedPrincipals(role)
      const detail = trusted.length > 0 ? `trusted by ${trusted.join(', ')}` : 'IAM role'
      out.addNode({
        id: role.Arn,
        nodeType: 'resource',
        section: 'global',
        order: creationOrder(i),
        size: SIZES.iamRole,
        data: {
          kind: 'IAM role',
          label: role.RoleName,
          detail,
          status: 'neutral',
          ariaLabel: `IAM role ${role.RoleName}${trusted.length > 0 ? `, ${detail}` : ''}`,
        },
      })
    })
  },
}
