// The page-computed drawings, one module the page loads once a panel that draws is open.
export { walkOverlay } from './walk-overlay';
export { mergeOverlays, tourOverlay } from './tour-overlay';
export { importedLayerIds, planOverlay } from './plan-overlay';
