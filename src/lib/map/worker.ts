/**
 * The map's web worker: MapLibre's own worker module (built from source into the page's bundle, so
 * it shares chunks with the page: see scripts/vite/maplibre.ts), plus the pmtiles:// protocol.
 *
 * Registered here rather than on the page, the protocol reads tiles inside the worker that parses
 * them: a tile request no longer travels worker → page → network → page → worker, and is never
 * held up by the page's own work (hydration, drawing frames). The style names tiles directly
 * (`pmtiles://<archive>/{z}/{x}/{y}`, see style.ts), so the page never opens an archive itself.
 */
import 'virtual:maplibre-worker';
import { pmtilesProtocol, type ProtocolAction } from './pmtiles-protocol';

// MapLibre's worker module has just installed addProtocol on the worker's global scope.
(self as unknown as { addProtocol(name: string, action: ProtocolAction): void }).addProtocol('pmtiles', pmtilesProtocol);
