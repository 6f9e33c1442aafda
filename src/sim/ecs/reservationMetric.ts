/**
 * The metric ECS publishes for a capacity provider with managed scaling, and its Auto Scaling policy tracks:
 * `CapacityProviderReservation` in `AWS/ECS/ManagedScaling`, by CapacityProviderName and ClusterName (ECS Developer
 * Guide, "Amazon ECS cluster auto scaling"). Data only: managed scaling publishes it, Auto Scaling's target tracking
 * recognises it, and the read model reads it.
 */
export const MANAGED_NAMESPACE = 'AWS/ECS/ManagedScaling'
export const RESERVATION_METRIC = 'CapacityProviderReservation'

export const reservationDimensions = (capacityProviderName: string, clusterName: string) => [
  { Name: 'CapacityProviderName', Value: capacityProviderName },
  { Name: 'ClusterName', Value: clusterName },
]
