import { datasetsIndex } from '$lib/server/catalogue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => datasetsIndex();
