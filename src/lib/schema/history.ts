import { z } from 'zod';
import { decodeLine, yearsText, type Mode } from './history-vocabulary';

/**
 * The 645 atlas's concession-era tables as the History layers read them: each record is checked
 * and its id-valued fields decoded here, so a record that cannot be read is rejected by the
 * source's validation with its file, index and reason (scripts/pipeline/validate.ts), and the
 * counts stay in = accepted + rejected.
 */

const text = z.string().trim();
const recordId = z.union([text.min(1), z.number()]).transform(String);
const opaqueId = z.union([text, z.number()]).transform(String).nullish();
const yearish = z.union([z.number().int(), z.string()]).nullish();

/** A line: its title read into network, mode and number; the operator id must agree with it. */
function lineTable(mode: Mode, operatorField: string) {
	return z
		.looseObject({ _id: recordId, title: text.min(1, 'missing name (title)'), [operatorField]: opaqueId })
		.transform((raw, ctx) => {
			// The operator field's name is computed, so its type is read back by hand.
			const p = raw as { _id: string; title: string } & Record<string, unknown>;
			const decoded = decodeLine(p.title, p[operatorField] as string | null | undefined, mode);
			if (typeof decoded === 'string') {
				ctx.addIssue({ code: 'custom', message: decoded, path: ['title'] });
				return z.NEVER;
			}
			return { _id: p._id, title: p.title, ...decoded };
		});
}

/** 有轨电车 lines: `yun_ying_shang` is the operator's record id, `jiao_tong_xian_lu` the route's (unique per line, not shown). */
export const tramLine645 = lineTable('tram', 'yun_ying_shang');
/** 无轨电车 lines: the same fields under longer names. */
export const trolleybusLine645 = lineTable('trolleybus', 'jiao_tong_yun_ying_shang');

/** A stop: only its historic name; the lines passing it are found by the History stage. */
export const stop645 = z.looseObject({ _id: recordId, title: text.min(1, 'missing name (title)') }).transform((p) => ({ _id: p._id, title: p.title }));

/**
 * A place of the 1928 guide: Chinese and English names (at least one), years where given.
 * `li_shi_qu_hua*` would be record ids of the historic divisions table; every record leaves them
 * empty, and a record that fills them is kept without them (they are not shown).
 */
export const place1928 = z
	.looseObject({ _id: recordId, NAME_CN: text.nullish(), NAME_EN: text.nullish(), BEG_YR: yearish, END_YR: yearish })
	.refine((p) => Boolean(p.NAME_CN || p.NAME_EN), 'missing name (NAME_CN / NAME_EN)')
	.transform((p) => ({ _id: p._id, name_zh: p.NAME_CN || null, name_en: p.NAME_EN || null, years: yearsText(p.BEG_YR, p.END_YR) }));
