/**
 * A failed placement as a catalogue message. The project's geocoder says why in a message of its
 * own; another placer (a test stub, a pin) may give only its text, shown as it is.
 */
import { msg, type Message } from '../i18n/messages';

export function geocodeMessage(result: { reason?: unknown; message?: Message }): Message {
	return result.message ?? msg('geocode.other', { reason: String(result.reason ?? '') });
}
