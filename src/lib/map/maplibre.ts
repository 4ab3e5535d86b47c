// The parts of MapLibre the map uses. Imported by name, not as the whole namespace, they let the
// bundler leave out the rest of MapLibre's API (markers, popups, other controls and sources).
export { addProtocol, Map, NavigationControl, prewarm, ScaleControl, setWorkerUrl } from 'maplibre-gl';
