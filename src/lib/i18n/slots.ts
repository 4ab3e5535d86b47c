/** A template with its `{name}` slots filled; a slot without a value stays as written. Values are text: pages render them as such. */
export function fillSlots(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (slot, name: string) => String(values[name] ?? slot));
}
