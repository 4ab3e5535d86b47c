import { error } from '@sveltejs/kit';
import { REGISTER_IDS } from '../../../../../scripts/pipeline/registers/read';
import { registerTemplate, templateName } from '../../../../../scripts/registers/template';
import type { RegisterId } from '$lib/schema/register';
import type { EntryGenerator, RequestHandler } from './$types';

/** The fill-in template of a register layer, generated from its row schema at build time. */
export const prerender = true;
export const entries: EntryGenerator = () => REGISTER_IDS.map((id) => ({ id }));

export const GET: RequestHandler = async ({ params }) => {
	if (!(REGISTER_IDS as readonly string[]).includes(params.id)) error(404, `no register "${params.id}"`);
	const bytes = await registerTemplate(params.id as RegisterId, 'xlsx');
	// A fresh copy owns a plain ArrayBuffer, which Response takes.
	return new Response(new Uint8Array(bytes), { headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'content-disposition': `attachment; filename="${templateName(params.id as RegisterId, 'xlsx')}"` } });
};
