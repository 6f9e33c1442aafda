export { usePresenter, effectiveTextScale, PRESENTER_KEY, PRESENTER_TEXT_SCALE } from './presenterMode.ts'
export { PresenterSwitch, usePresenterEffect } from './PresenterSwitch.tsx'
export { Captions, CaptionList, newCaptions, useCaptions, type Caption } from './Captions.tsx'
export { captionOf, shortName } from './captions.ts'
