/** Containers: the images this world knows, how an image reference resolves to one, and how each answers HTTP. */
export { PUBLIC_IMAGES, PYTHON_WEBAPP_IMAGE, type ImageLayer, type ImageSpec } from './images.ts'
export { resolveImage } from './resolveImage.ts'
export { answer, httpDate, statusOf, STATUS_TEXT, type ContainerRequest, type ContainerResponse, type ContainerTask } from './http.ts'
