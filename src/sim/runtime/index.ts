/** Containers: the images this world knows, and how an image reference resolves to one. */
export { PUBLIC_IMAGES, PYTHON_WEBAPP_IMAGE, type ImageLayer, type ImageSpec } from './images.ts'
export { resolveImage } from './resolveImage.ts'
